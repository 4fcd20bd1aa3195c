package io.phasesweep.engine.fss;

import io.phasesweep.engine.model.Budget;
import io.phasesweep.engine.model.Deadline;
import io.phasesweep.engine.model.Measurement;
import io.phasesweep.engine.model.Model;
import io.phasesweep.engine.model.ModelRegistry;
import io.phasesweep.engine.model.MonteCarlo;
import io.phasesweep.engine.model.ParamValues;
import io.phasesweep.engine.model.RandomStreams;
import io.phasesweep.engine.model.Task;
import io.phasesweep.engine.stats.Sample;
import io.phasesweep.engine.sweep.Seeds;
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
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The examples of docs/writing-a-model.md, taken from the page itself so that the page cannot drift
 * from what runs: its Java blocks are compiled (with the build's -Xlint:all -Werror; the random
 * graph as the page's javac line names it), registered for {@link java.util.ServiceLoader} (the
 * random graph by the page's echo line), and the random graph's sweep file is parsed, run and
 * analysed as {@code phasesweep run} and {@code analyze} would, on the engine. The physics: the
 * giant-component fraction of Erdős–Rényi theory well above c = 1 and the scaled curves collapsing
 * at c = 1; the Ising ring's Monte Carlo against its transfer-matrix solution.
 */
class WritingAModelTest {
    private static final Path PAGE = Path.of("../docs/writing-a-model.md");
    private static final String SECTION = "## A worked example";
    private static final Pattern FENCE = Pattern.compile("(?ms)^```(\\w*)\\n(.*?)^```");
    private static final Pattern JAVAC = Pattern.compile("(?m)^javac .* (\\w+)\\.java$");
    private static final Pattern PACKAGE = Pattern.compile("(?m)^package ([\\w.]+);$");
    private static final Pattern CLASS = Pattern.compile("(?m)^public (?:final )?class (\\w+)");
    private static final Pattern SERVICE = Pattern.compile(
            "(?m)^echo ([\\w.]+) > classes/META-INF/services/io\\.phasesweep\\.engine\\.model\\.Model$");

    private static String sweepFile;
    private static ModelRegistry registry;

    /** The page's examples compiled and registered, with the built-in models beside them. */
    @BeforeAll
    static void compileThePagesModels(@org.junit.jupiter.api.io.TempDir Path classes) throws IOException {
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
        assertEquals(2, java.size(), "two Java blocks in the examples: the random graph and the Ising ring");
        assertEquals(1, yaml.size(), "one sweep file in the examples");
        String commands = String.join("\n", shell);
        Matcher javac = JAVAC.matcher(commands);
        Matcher service = SERVICE.matcher(commands);
        assertTrue(javac.find(), "the worked example compiles its model with javac");
        assertTrue(service.find(), "the worked example writes the service file with echo");

        List<String> classNames = new ArrayList<>();
        List<String> fileNames = new ArrayList<>();
        for (String source : java) {
            Matcher pkg = PACKAGE.matcher(source);
            Matcher cls = CLASS.matcher(source);
            assertTrue(pkg.find() && cls.find(), "a complete class with its package:\n" + source);
            classNames.add(pkg.group(1) + "." + cls.group(1));
            fileNames.add(cls.group(1) + ".java");
        }
        assertTrue(fileNames.contains(javac.group(1) + ".java"), "javac compiles " + javac.group(1) + ".java, the page has " + fileNames);
        assertTrue(classNames.contains(service.group(1)), "echo registers " + service.group(1) + ", the page has " + classNames);
        compile(fileNames, java, classes);
        // the service file, one class per line: the echo line's, then the page's other one
        List<String> lines = new ArrayList<>(List.of(service.group(1)));
        classNames.stream().filter(c -> !c.equals(service.group(1))).forEach(lines::add);
        Path services = classes.resolve("META-INF/services/io.phasesweep.engine.model.Model");
        Files.createDirectories(services.getParent());
        Files.write(services, lines);
        URLClassLoader loader = new URLClassLoader(new URL[]{classes.toUri().toURL()},
                WritingAModelTest.class.getClassLoader());
        registry = ModelRegistry.load(loader);
        sweepFile = yaml.get(0);
    }

    /** Compiles the sources, each under its file name, into {@code classes}. */
    private static void compile(List<String> fileNames, List<String> sources, Path classes) {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assertNotNull(javac, "the tests run on a JDK");
        List<JavaFileObject> files = new ArrayList<>();
        for (int i = 0; i < sources.size(); i++) {
            String source = sources.get(i);
            files.add(new SimpleJavaFileObject(URI.create("string:///" + fileNames.get(i)), JavaFileObject.Kind.SOURCE) {
                @Override
                public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                    return source;
                }
            });
        }
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        List<String> options = List.of("--release", "17", "-Xlint:all", "-Werror", "-encoding", "UTF-8",
                "-classpath", System.getProperty("java.class.path"), "-d", classes.toString());
        boolean ok = javac.getTask(null, null, diagnostics, options, null, files).call();
        assertTrue(ok, () -> "the page's models do not compile:\n" + String.join("\n", diagnostics.getDiagnostics().stream()
                .map(d -> d.getSource().getName() + ":" + d.getLineNumber() + ": " + d.getMessage(null)).toList()));
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
    void thePagesModelsAreFoundByTheirIdsBesideTheBuiltIns() {
        assertNotNull(registry.find("random-graph"));
        assertNotNull(registry.find("ising-ring"));
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

    /**
     * The ring's Metropolis chain against the transfer matrix, at N = 32: e = −(t + t^(N−1))/(1 + t^N)
     * and ⟨m²⟩ = (1/N) Σ_r (t^r + t^(N−r))/(1 + t^N), t = tanh(1/T), each within four of the
     * error bars the engine's loop gives it (τ_int is a few sweeps at these temperatures, so 20000
     * sweeps bin well), and every thermal observable with its error and autocorrelation time.
     */
    @Test
    void theRingsChainMatchesTheTransferMatrix() throws Exception {
        Model ring = registry.find("ising-ring");
        assertNotNull(ring);
        int n = 32;
        for (double temperature : new double[]{1.0, 2.0}) {
            Task task = new Task(new ParamValues(Map.of("T", temperature)), n,
                    new Budget(Map.of(MonteCarlo.THERMALIZE, 1000.0, MonteCarlo.MEASURE, 20000.0)));
            Measurement m = ring.run(task, new RandomStreams(Seeds.generator(1), Seeds.generator(2)), Deadline.none());
            double t = Math.tanh(1 / temperature);
            double z = 1 + Math.pow(t, n);
            double correlations = 0;
            for (int r = 0; r < n; r++) {
                correlations += (Math.pow(t, r) + Math.pow(t, n - r)) / z;
            }
            Map<String, Double> exact = Map.of("e", -(t + Math.pow(t, n - 1)) / z, "m2", correlations / n);
            for (String o : exact.keySet()) {
                double error = m.errors().get(o);
                double tau = m.taus().get(o);
                assertTrue(error > 0 && tau >= 0.5 && tau < 50, o + " at T = " + temperature + ": error " + error + ", tau " + tau);
                assertEquals(exact.get(o), m.values().get(o), 4 * error, o + " at T = " + temperature);
            }
        }
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
