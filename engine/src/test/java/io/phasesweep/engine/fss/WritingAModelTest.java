package io.phasesweep.engine.fss;

import io.phasesweep.engine.model.Model;
import io.phasesweep.engine.model.ModelRegistry;
import io.phasesweep.engine.stats.Sample;
import io.phasesweep.engine.sweep.SweepError;
import io.phasesweep.engine.sweep.SweepParser;
import io.phasesweep.engine.sweep.SweepSpec;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The worked example of docs/writing-a-model.md, taken from the page itself so that the page cannot
 * drift from what runs: its Java block is compiled as the page's javac line names it (with the
 * build's -Xlint:all -Werror), registered for {@link java.util.ServiceLoader} by the page's echo
 * line, and its sweep file is parsed, run and analysed as {@code phasesweep run} and
 * {@code analyze} would, on the engine. The physics is the random graph's: the giant-component
 * fraction of Erdős–Rényi theory well above c = 1, and the scaled curves crossing at c = 1.
 */
class WritingAModelTest {
    private static final Path PAGE = Path.of("../docs/writing-a-model.md");
    private static final String SECTION = "## A worked example";
    private static final Pattern FENCE = Pattern.compile("(?ms)^```(\\w*)\\n(.*?)^```");
    private static final Pattern JAVAC = Pattern.compile("(?m)^javac .* (\\w+)\\.java$");
    private static final Pattern SERVICE = Pattern.compile(
            "(?m)^echo ([\\w.]+) > classes/META-INF/services/io\\.phasesweep\\.engine\\.model\\.Model$");

    private static String sweepFile;
    private static ModelRegistry registry;

    /** The page's worked example compiled and registered, with the built-in models beside it. */
    @BeforeAll
    static void compileThePagesModel(@org.junit.jupiter.api.io.TempDir Path classes) throws IOException {
        String page = Files.readString(PAGE);
        int start = page.indexOf(SECTION);
        assertTrue(start >= 0, PAGE + " has no section '" + SECTION + "'");
        List<String> java = new ArrayList<>();
        List<String> yaml = new ArrayList<>();
        List<String> shell = new ArrayList<>();
        Matcher block = FENCE.matcher(page.substring(start));
        while (block.find()) {
            switch (block.group(1)) {
                case "java" -> java.add(block.group(2));
                case "yaml" -> yaml.add(block.group(2));
                default -> shell.add(block.group(2));
            }
        }
        assertEquals(1, java.size(), "one Java block in the worked example");
        assertEquals(1, yaml.size(), "one sweep file in the worked example");
        String commands = String.join("\n", shell);
        Matcher javac = JAVAC.matcher(commands);
        Matcher service = SERVICE.matcher(commands);
        assertTrue(javac.find(), "the worked example compiles its model with javac");
        assertTrue(service.find(), "the worked example writes the service file with echo");

        compile(javac.group(1) + ".java", java.get(0), classes);
        Path services = classes.resolve("META-INF/services/io.phasesweep.engine.model.Model");
        Files.createDirectories(services.getParent());
        Files.writeString(services, service.group(1) + "\n");
        URLClassLoader loader = new URLClassLoader(new URL[]{classes.toUri().toURL()},
                WritingAModelTest.class.getClassLoader());
        registry = ModelRegistry.load(loader);
        sweepFile = yaml.get(0);
    }

    /** Compiles one source file, as the page's javac line names it, into {@code classes}. */
    private static void compile(String fileName, String source, Path classes) {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assertNotNull(javac, "the tests run on a JDK");
        JavaFileObject file = new SimpleJavaFileObject(URI.create("string:///" + fileName), JavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                return source;
            }
        };
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        List<String> options = List.of("--release", "17", "-Xlint:all", "-Werror", "-encoding", "UTF-8",
                "-classpath", System.getProperty("java.class.path"), "-d", classes.toString());
        boolean ok = javac.getTask(null, null, diagnostics, options, null, List.of(file)).call();
        assertTrue(ok, () -> "the page's model does not compile:\n" + String.join("\n", diagnostics.getDiagnostics().stream()
                .map(d -> fileName + ":" + d.getLineNumber() + ": " + d.getMessage(null)).toList()));
        assertEquals(List.of(), diagnostics.getDiagnostics().stream().filter(d -> d.getKind() != Diagnostic.Kind.NOTE)
                .map(d -> d.getMessage(null)).toList());
    }

    private static SyntheticSweep sweep(String yaml) {
        try {
            SweepSpec spec = SweepParser.parse(yaml, "random-graph.yaml", registry);
            Model model = registry.find(spec.model());
            assertNotNull(model);
            return new SyntheticSweep(spec, model);
        } catch (SweepError e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }

    @Test
    void thePagesModelIsFoundByItsIdBesideTheBuiltIns() {
        assertNotNull(registry.find("random-graph"));
        assertNotNull(registry.find("ising"));
    }

    /**
     * Well above the window the largest component is the giant one of S = 1 − exp(−cS): at c = 2,
     * S = 0.7968; at N = 10⁵ its fraction fluctuates by 0.002 per graph (variance
     * S(1 − S)/(N(1 − c(1 − S))²)), so the mean of 16 graphs is within 0.002 of S (4 standard errors).
     */
    @Test
    void aboveTheWindowTheLargestComponentIsTheGiantOne() {
        String supercritical = sweepFile.replaceFirst("(?m)^axes:\\n  c: .*$", "axes:\n  c: [2.0]")
                .replaceFirst("(?m)^sizes: .*$", "sizes: [100000]").replaceFirst("(?m)^replicas: .*$", "replicas: 16");
        List<Sample> samples = sweep(supercritical).samples();
        assertEquals(16, samples.size());
        double mean = samples.stream().mapToDouble(s -> s.values().get("giant")).average().orElseThrow();
        assertEquals(giantFraction(2.0), mean, 0.002);
    }

    /**
     * The page's sweep as it is: the scaled curves collapse at c = 1 with ν = 3, each within 3 of
     * its standard errors, and those errors small enough to tell (0.997 ± 0.004 and 2.86 ± 0.12 when
     * written).
     */
    @Test
    void thePagesSweepFindsTheTransitionAtMeanDegreeOne() {
        AnalysisResult result = sweep(sweepFile).analyze(AnalysisOptions.defaults(0).bootstrap());
        Finding c = result.best(Quantity.CRITICAL_VALUE.name(), null).orElseThrow(
                () -> new AssertionError("no best critical value: " + result.notes()));
        Finding nu = result.best("nu", null).orElseThrow(() -> new AssertionError("no best nu: " + result.notes()));
        System.out.printf("random-graph: c_c = %.4f ± %.4f, nu = %.3f ± %.3f%n", c.value(), c.stderr(), nu.value(), nu.stderr());
        assertTrue(c.stderr() < 0.01 && nu.stderr() < 0.3, "errors too large to test the physics");
        assertEquals(1.0, c.value(), 3 * c.stderr());
        assertEquals(3.0, nu.value(), 3 * nu.stderr());
    }

    /** The root of S = 1 − exp(−cS) in (0, 1], c &gt; 1, by fixed-point iteration from S = 1. */
    private static double giantFraction(double c) {
        double s = 1;
        for (int i = 0; i < 200; i++) {
            s = 1 - Math.exp(-c * s);
        }
        return s;
    }
}
