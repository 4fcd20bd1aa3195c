package io.phasesweep.engine.sweep;

import io.phasesweep.engine.model.ModelRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SweepParserTest {
    static final ModelRegistry REGISTRY = ModelRegistry.load();

    static final String GOOD = """
            name: fixture-study
            model: fixture
            seed: 20261122
            params:
              dim: 3
              algorithm: wolff
            axes:
              T: {from: 2.20, to: 2.34, steps: 15}
              kappa: [-0.5, 0, 0.5]
            sizes: [8, 16, 32]
            replicas: 4
            budget:
              measure: 5000
              time_limit: 60
            analysis:
              control: T
              crossing: binder
              across: kappa
              exponents:
                - {quantity: nu, method: collapse, observable: binder}
                - {quantity: gamma/nu, method: peak, observable: m2}
                - {quantity: x_c, method: location, observable: binder, level: 0.5}
            """;

    static SweepSpec parse(String text) throws SweepError {
        return SweepParser.parse(text, "test.yaml", REGISTRY);
    }

    static SweepError error(String text) {
        return assertThrows(SweepError.class, () -> parse(text));
    }

    /** A minimal valid sweep with {@code axes.T} given as {@code axis}. */
    static String withAxis(String axis) {
        return "name: a\nmodel: fixture\nseed: 1\naxes:\n  T: " + axis + "\nsizes: [8, 64]\nreplicas: 2\n";
    }

    @Test
    void readsEveryFieldOfAFullSweep() throws SweepError {
        SweepSpec s = parse(GOOD);
        assertEquals("fixture-study", s.name());
        assertEquals("fixture", s.model());
        assertEquals(20261122L, s.seed());
        assertEquals(List.of(8, 16, 32), s.sizes());
        assertEquals(4, s.replicas());
        assertEquals(new Axis.Range("T", 2.2, 2.34, 15, Axis.Scale.LINEAR), s.axes().get(0));
        assertEquals(new Axis.Values("kappa", List.of(-0.5, 0.0, 0.5)), s.axes().get(1));
        assertEquals(Map.of("dim", 3.0, "algorithm", "wolff"), s.params());
        assertEquals(Map.of("thermalize", 100.0, "measure", 5000.0, "time_limit", 60.0), s.budget());
        assertEquals(new AnalysisSpec("T", "binder", "kappa", List.of(
                new AnalysisSpec.ExponentRequest("nu", AnalysisMethod.COLLAPSE, "binder", null),
                new AnalysisSpec.ExponentRequest("gamma/nu", AnalysisMethod.PEAK, "m2", null),
                new AnalysisSpec.ExponentRequest("x_c", AnalysisMethod.LOCATION, "binder", 0.5))), s.analysis());
    }

    @Test
    void fillsDefaultsOfParamsAndBudgetButNotTheTimeLimit() throws SweepError {
        SweepSpec s = parse(withAxis("[1, 2]"));
        // T is swept, so it is not among the fixed params; the others take their declared defaults
        assertEquals(Map.of("dim", 2.0, "algorithm", "metropolis", "kappa", 0.0), s.params());
        assertEquals(Map.of("thermalize", 100.0, "measure", 1000.0), s.budget());
        assertNull(s.analysis());
    }

    @Test
    void bareOptionalSectionsMeanNoneGiven() throws SweepError {
        // a user who comments out every entry of a section leaves the bare key behind
        assertEquals(parse(withAxis("[1, 2]")), parse(withAxis("[1, 2]") + "params:\nbudget:\nanalysis:\n"));
    }

    @Test
    void explicitListKeepsFileOrder() throws SweepError {
        Axis t = parse(withAxis("[2.3, 2.1, 2.2]")).axis("T");
        assertArrayEquals(new double[] {2.3, 2.1, 2.2}, t.values(8));
    }

    @Test
    void linearRangeIncludesBothEnds() throws SweepError {
        Axis t = parse(withAxis("{from: 2.20, to: 2.34, steps: 15}")).axis("T");
        double[] v = t.values(8);
        assertEquals(15, v.length);
        assertEquals(2.2, v[0]);
        assertEquals(2.23, v[3]);
        assertEquals(2.34, v[14]);
    }

    @Test
    void logRangeIsGeometricAndReadsExponentNotation() throws SweepError {
        Axis t = parse(withAxis("{from: 1e-3, to: 1, steps: 4, scale: log}")).axis("T");
        assertEquals(new Axis.Range("T", 0.001, 1, 4, Axis.Scale.LOG), t);
        assertArrayEquals(new double[] {0.001, 0.01, 0.1, 1}, t.values(8));
    }

    @Test
    void windowNarrowsWithSize() throws SweepError {
        Axis t = parse(withAxis("{center: 2.269, halfwidth: 0.8, size_exponent: -1, steps: 3}")).axis("T");
        assertArrayEquals(new double[] {2.169, 2.269, 2.369}, t.values(8));
        assertArrayEquals(new double[] {2.2565, 2.269, 2.2815}, t.values(64));
    }

    @Test
    void singleStepRangeIsItsStart() throws SweepError {
        assertArrayEquals(new double[] {2.5}, parse(withAxis("{from: 2.5, to: 3, steps: 1}")).axis("T").values(8));
    }

    @Test
    void integralFloatsCountAsIntegers() throws SweepError {
        SweepSpec s = parse(withAxis("[1]").replace("replicas: 2", "replicas: 1e2"));
        assertEquals(100, s.replicas());
    }

    @Test
    void readsAFileAndNamesItAsGiven(@TempDir Path dir) throws IOException, SweepError {
        Path file = dir.resolve("ising.yaml");
        Files.writeString(file, "\uFEFF" + GOOD);
        assertEquals(parse(GOOD), SweepParser.parse(file, REGISTRY));
        Files.writeString(file, GOOD.replace("steps: 15", "steps: -3"));
        SweepError e = assertThrows(SweepError.class, () -> SweepParser.parse(file, REGISTRY));
        assertEquals(file + ": axes.T.steps: expected a positive integer, got -3 (line 8)", e.getMessage());
    }

    @Test
    void fileProblemsAreCleanErrors(@TempDir Path dir) throws IOException {
        Path empty = Files.write(dir.resolve("empty.yaml"), new byte[0]);
        Path latin1 = Files.write(dir.resolve("latin1.yaml"), "name: caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
        assertFileError(empty, "the file is empty");
        assertFileError(latin1, "expected UTF-8 text, got the byte 0xe9 at line 1 (byte 10)");
        assertFileError(dir, "expected a sweep file, got a directory");
        assertFileError(dir.resolve("missing.yaml"), "no such file");
        Path big = Files.write(dir.resolve("big.yaml"), new byte[SweepParser.MAX_FILE_BYTES + 1]);
        assertFileError(big, "expected a sweep file of at most");
    }

    private static void assertFileError(Path file, String fragment) {
        SweepError e = assertThrows(SweepError.class, () -> SweepParser.parse(file, REGISTRY));
        assertTrue(e.getMessage().startsWith(file + ": ") && e.getMessage().contains(fragment), e.getMessage());
        assertEquals("", e.getField());
    }

    @Test
    void messagesSayWhatWasExpectedAndWhatWasFound() {
        assertEquals("test.yaml: axes.T.stpes: unknown key of an axis, did you mean 'steps'? expected one of "
                        + "from, to, steps, scale, center, halfwidth, size_exponent (line 5)",
                error(withAxis("{from: 1, to: 2, stpes: 3}")).getMessage());
        String unknownModel = error(withAxis("[1]").replace("fixture", "fixtur")).getMessage();
        assertTrue(unknownModel.startsWith("test.yaml: model: expected a model id (one of ")
                && unknownModel.contains("fixture") // the list holds every registered model
                && unknownModel.endsWith("), got fixtur; did you mean 'fixture'? (line 2)"), unknownModel);
        assertEquals("test.yaml: axes.t: unknown parameter of model 'fixture', did you mean 'T'? "
                        + "expected one of T, dim, algorithm, kappa (line 5)",
                error(withAxis("[1]").replace("  T:", "  t:")).getMessage());
        assertEquals("test.yaml: axes.T[1]: expected a number, got the text \"1e-3\" (line 5)",
                error(withAxis("[1, \"1e-3\"]")).getMessage());
        assertEquals("test.yaml: axes.T.from: expected a number > 0 (scale: log), got 0 (line 5)",
                error(withAxis("{from: 0, to: 1, steps: 3, scale: log}")).getMessage());
        assertEquals("test.yaml: axes.T: expected a number in [0, inf), got -0.4 at size 8 (line 5)",
                error(withAxis("{center: 0.4, halfwidth: 6.4, size_exponent: -1, steps: 3}")).getMessage());
        assertEquals("test.yaml: axes.T: expected distinct values, got 2 twice (line 5)",
                error(withAxis("{from: 2, to: 2, steps: 3}")).getMessage());
        assertEquals("test.yaml: sizes[1]: expected distinct sizes, got 8 twice (line 6)",
                error(withAxis("[1]").replace("[8, 64]", "[8, 8]")).getMessage());
        assertEquals("test.yaml: replicas: missing, expected a positive integer",
                error(withAxis("[1]").replace("replicas: 2\n", "")).getMessage());
        assertEquals("test.yaml: seed: expected an integer (the master seed), got nothing (line 3)",
                error(withAxis("[1]").replace("seed: 1", "seed:")).getMessage());
    }

    @Test
    void parametersAreCheckedAgainstTheModel() {
        assertEquals("params.dim", error(GOOD.replace("dim: 3", "dim: 5")).getField());
        assertEquals("params.dim", error(GOOD.replace("dim: 3", "dim: 2.5")).getField());
        assertEquals("params.algorithm", error(GOOD.replace("wolff", "heatbath")).getField());
        assertEquals("params.T", error(GOOD.replace("dim: 3", "T: 2.0")).getField());
        assertEquals("axes.algorithm", error(GOOD.replace("kappa: [-0.5, 0, 0.5]", "algorithm: [1, 2]")).getField());
        assertEquals("axes.dim", error(GOOD.replace("  dim: 3\n", "")
                .replace("kappa: [-0.5, 0, 0.5]", "dim: {from: 1, to: 2, steps: 3}")).getField());
        // T has no default: a sweep that neither fixes nor sweeps it is incomplete
        SweepError e = error(GOOD.replace("  T: {from: 2.20, to: 2.34, steps: 15}\n", "")
                .replace("control: T", "control: kappa").replace("  across: kappa\n", ""));
        assertEquals("params.T", e.getField(), e.getMessage());
        assertTrue(e.getMessage().contains("missing, expected a number in [0, inf) (the model has no default)"), e.getMessage());
    }

    @Test
    void analysisNamesAreChecked() {
        assertEquals("analysis.control", error(GOOD.replace("control: T", "control: dim")).getField());
        assertEquals("analysis.across", error(GOOD.replace("across: kappa", "across: T")).getField());
        assertEquals("analysis.crossing", error(GOOD.replace("crossing: binder", "crossing: binderr")).getField());
        assertEquals("analysis.exponents[1].method", error(GOOD.replace("method: peak", "method: peek")).getField());
        assertEquals("analysis.exponents[0].level",
                error(GOOD.replace("method: collapse, observable: binder", "method: collapse, observable: binder, level: 1")).getField());
        assertEquals("analysis.exponents[1].quantity", error(GOOD.replace("gamma/nu", "Gamma")).getField());
    }

    @Test
    void pointCapIsConfigurable() throws SweepError {
        // 3 sizes × 15 × 3 × 4 replicas = 540 points
        SweepParser.Limits tight = SweepParser.Limits.DEFAULT.withMaxPoints(539);
        SweepError e = assertThrows(SweepError.class, () -> SweepParser.parse(GOOD, "test.yaml", REGISTRY, tight));
        assertEquals("test.yaml: expected at most 539 points, got 540 (3 sizes × 15 T × 3 kappa × 4 replicas)",
                e.getMessage());
        assertEquals(540, SweepExpander.points(SweepParser.parse(GOOD, "test.yaml", REGISTRY, tight.withMaxPoints(540))).size());
    }
}
