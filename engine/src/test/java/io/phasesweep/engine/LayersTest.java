package io.phasesweep.engine;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The engine's layers, read from its source files: model ← stats ← sweep ← run ← fss ← refine. A package
 * may name (import, qualify, link in a comment) its own layer and the layers below it, never one
 * above; the built-in models name only the model SPI and their own package, as a model in a user's
 * jar does. So the SPI at the bottom can be published on its own, and a model cannot see the
 * point's key or seeds. The engine never names Spark: it runs and is tested without it.
 */
class LayersTest {
    private static final Path SOURCES = Path.of("src/main/java/io/phasesweep/engine");
    /** Bottom first: a layer may use itself and the layers before it. */
    private static final List<String> LAYERS = List.of("model", "stats", "sweep", "run", "fss", "refine");
    /** Where the built-in models live, one sub-package each. */
    private static final String MODELS = "models";
    /** An engine package named in source: its layer, and for the models its own sub-package. */
    private static final Pattern ENGINE_NAME = Pattern.compile("io\\.phasesweep\\.engine\\.([a-z]\\w*)(?:\\.([a-z]\\w*))?");

    @Test
    void noPackageNamesALayerAboveIt() {
        List<String> violations = new ArrayList<>();
        for (Source f : sources()) {
            violations.addAll(violations(f.path(), f.layer(), f.model(), f.text()));
        }
        assertEquals(List.of(), violations);
    }

    @Test
    void everyFileHasALayer() {
        List<String> unknown = sources().stream()
                .filter(f -> !LAYERS.contains(f.layer()) && !(f.layer().equals(MODELS) && f.model() != null))
                .map(Source::path).toList();
        assertEquals(List.of(), unknown, "files outside the known layers escape the layer check");
    }

    @Test
    void engineNeverNamesSpark() {
        List<String> spark = sources().stream().filter(f -> f.text().contains("org.apache.spark"))
                .map(Source::path).toList();
        assertEquals(List.of(), spark);
    }

    /** The check itself, on lines it must reject and lines it must let through. */
    @Test
    void theCheckSeesUpwardNames() {
        assertEquals(1, violations("Model.java", "model", null, "import io.phasesweep.engine.sweep.Point;").size());
        assertEquals(1, violations("Measurement.java", "model", null,
                "/** see {@link io.phasesweep.engine.stats.LogBinning} */").size());
        assertEquals(1, violations("ising/IsingModel.java", MODELS, "ising",
                "import io.phasesweep.engine.stats.Moments;").size());
        assertEquals(1, violations("ising/IsingModel.java", MODELS, "ising",
                "import io.phasesweep.engine.models.sk.Couplings;").size());
        assertEquals(List.of(), violations("fss/Collapse.java", "fss", null,
                "import io.phasesweep.engine.run.PointRunner;\nimport io.phasesweep.engine.model.Model;"));
        assertEquals(List.of(), violations("ising/IsingModel.java", MODELS, "ising",
                "package io.phasesweep.engine.models.ising;\nimport io.phasesweep.engine.model.Task;"));
    }

    /**
     * Every engine package {@code text} names that its file's package may not use.
     *
     * @param layer     the file's layer, or {@link #MODELS}
     * @param ownModel  for a file under models, its model's sub-package
     */
    private static List<String> violations(String file, String layer, String ownModel, String text) {
        List<String> out = new ArrayList<>();
        Matcher m = ENGINE_NAME.matcher(text);
        while (m.find()) {
            String to = m.group(1);
            boolean allowed = layer.equals(MODELS)
                    ? to.equals("model") || (to.equals(MODELS) && m.group(2) != null && m.group(2).equals(ownModel))
                    : LAYERS.contains(to) && LAYERS.indexOf(to) <= LAYERS.indexOf(layer);
            if (!allowed) {
                out.add(file + " names " + m.group());
            }
        }
        return out;
    }

    /**
     * A main source file: its path below the engine package, its layer (first folder) and, under
     * models, its model's sub-package (null elsewhere).
     */
    private record Source(String path, String layer, String model, String text) {
    }

    private static List<Source> sources() {
        try (Stream<Path> files = Files.walk(SOURCES)) {
            List<Source> java = new ArrayList<>();
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                Path relative = SOURCES.relativize(file);
                String layer = relative.getNameCount() > 1 ? relative.getName(0).toString() : "";
                String model = layer.equals(MODELS) && relative.getNameCount() > 2 ? relative.getName(1).toString() : null;
                java.add(new Source(relative.toString(), layer, model, Files.readString(file)));
            }
            assertTrue(java.size() > 50, "found only " + java.size() + " source files under " + SOURCES.toAbsolutePath());
            return java;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
