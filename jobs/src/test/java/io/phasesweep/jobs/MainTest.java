package io.phasesweep.jobs;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The command line in this JVM, for everything that ends before Spark starts. */
class MainTest {

    @TempDir
    Path tmp;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int execute(String... args) {
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    private Path file(String name, String text) throws Exception {
        return Files.writeString(tmp.resolve(name), text);
    }

    @Test
    void modelsListsParamsObservablesAndBudget() {
        assertEquals(0, execute("models"));
        String text = out.toString();
        assertTrue(text.contains("probe: test model"), text);
        assertTrue(text.matches("(?s).*\\n    flavour +word +default plain +one of plain\\|salted .*"), text);
        assertTrue(text.matches("(?s).*\\n    e +thermal .*"), text);
        assertTrue(text.matches("(?s).*\\n    draws +default 10 +min 1 .*"), text);
    }

    @Test
    void validateCountsPointsGroupsAndCost() throws Exception {
        assertEquals(0, execute("validate", file("probe.yaml", ProbeSweeps.PROBE_SWEEP).toString()));
        String text = out.toString();
        // 2 sizes x 3 values x 2 replicas; cost = size x draws summed: 6 x (4 + 8) x 5
        assertTrue(text.contains("points:     12\n"), text);
        assertTrue(text.contains("groups:     12 "), text);
        assertTrue(text.contains("total cost: 360 "), text);
    }

    @Test
    void aBadSweepFileIsOneLineAndExitTwoAndWritesNothing() throws Exception {
        Path bad = file("bad.yaml", ProbeSweeps.PROBE_SWEEP.replace("replicas: 2", "replicas: -3"));
        Path outDir = tmp.resolve("never");
        assertEquals(2, execute("run", bad.toString(), "--out", outDir.toString()));
        assertOneLine(bad + ": replicas: ");
        assertFalse(Files.exists(outDir));
    }

    @Test
    void anUnknownModelIsExitTwo() throws Exception {
        Path bad = file("nosuch.yaml", ProbeSweeps.PROBE_SWEEP.replace("model: probe", "model: nosuch"));
        assertEquals(2, execute("validate", bad.toString()));
        assertOneLine(bad + ": model: ");
        assertTrue(err.toString().contains("nosuch"), err.toString());
    }

    @Test
    void aMissingFileIsExitTwo() {
        assertEquals(2, execute("run", tmp.resolve("missing.yaml").toString()));
        assertOneLine(tmp.resolve("missing.yaml") + ": no such file");
    }

    @Test
    void aNonPositiveTimeLimitIsExitTwo() throws Exception {
        Path ok = file("probe.yaml", ProbeSweeps.PROBE_SWEEP);
        assertEquals(2, execute("run", ok.toString(), "--time-limit", "0"));
        assertOneLine("--time-limit: expected a positive number of seconds, got 0.0");
    }

    @Test
    void aDirectoryAsTheFileIsExitTwo() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("sweeps"));
        Path outDir = tmp.resolve("never");
        assertEquals(2, execute("run", dir.toString(), "--out", outDir.toString()));
        assertOneLine(dir + ": expected a sweep file, got a directory");
        assertFalse(Files.exists(outDir));
    }

    @Test
    void anOutputFolderThatCannotBeWrittenIsExitTwo() throws Exception {
        Path ok = file("probe.yaml", ProbeSweeps.PROBE_SWEEP);
        Path notAFolder = file("a-file", "not a folder");
        assertEquals(2, execute("run", ok.toString(), "--out", notAFolder.resolve("out").toString()));
        assertOneLine("cannot write to the output folder " + notAFolder.resolve("out"));
        assertFalse(Files.exists(notAFolder.resolve("out")));
    }

    @Test
    void aSweepOverThePointCapIsExitTwo() throws Exception {
        Path ok = file("probe.yaml", ProbeSweeps.PROBE_SWEEP);
        Path outDir = tmp.resolve("never");
        assertEquals(2, execute("run", ok.toString(), "--max-points", "11", "--out", outDir.toString()));
        assertOneLine(ok + ": expected at most 11 points, got 12 ");
        assertFalse(Files.exists(outDir));
    }

    @Test
    void overwriteAndResumeTogetherAreExitTwo() throws Exception {
        Path ok = file("probe.yaml", ProbeSweeps.PROBE_SWEEP);
        assertEquals(2, execute("run", ok.toString(), "--overwrite", "--resume", "--out", tmp.resolve("never").toString()));
        assertOneLine("--overwrite and --resume: choose one");
        assertFalse(Files.exists(tmp.resolve("never")));
    }

    private void assertOneLine(String start) {
        String text = err.toString();
        assertTrue(text.startsWith(start), text);
        assertEquals(1, text.lines().count(), text);
        assertFalse(text.contains("\tat "), text);
    }
}
