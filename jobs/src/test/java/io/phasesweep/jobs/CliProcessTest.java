package io.phasesweep.jobs;

import io.phasesweep.engine.model.ModelRegistry;
import io.phasesweep.jobs.spark.RunJob;
import io.phasesweep.jobs.tables.OutputFolder;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The command line as a user runs it, in a JVM of its own: {@code run} with one core (local[1])
 * must write exactly the rows this JVM writes with two cores and its own partitioning, and
 * {@code validate} must not start Spark.
 */
class CliProcessTest {
    @TempDir
    Path tmp;

    @Test
    void oneCoreInItsOwnJvmWritesTheRowsOfTwoCoresHere() throws Exception {
        Path sweep = Files.writeString(tmp.resolve("probe.yaml"), ProbeSweeps.PROBE_SWEEP);
        Path log = tmp.resolve("cli.log");
        Process p = MainProcess.start(log, List.of(), "run", sweep.toString(), "--master", "local[1]",
                "--out", tmp.resolve("one-core").toString());
        // the two-core run here overlaps with the child's start-up
        SparkSession spark = TestSpark.session();
        SweepFile file = SweepFile.load(sweep, ModelRegistry.load());
        OutputFolder here = OutputFolder.prepare(spark.sparkContext().hadoopConfiguration(),
                tmp.resolve("two-cores").toString(), OutputFolder.Existing.REFUSE);
        new RunJob(spark, 60, 1, new PrintWriter(new StringWriter())).run(file, here, false);

        assertTrue(p.waitFor(300, TimeUnit.SECONDS), "the command line did not finish in 300 s");
        String output = Files.readString(log, StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), output);
        assertTrue(output.contains("12 points: 8 ok, 4 failed, 0 timeout"), output);
        assertTrue(output.contains("12/12 points done"), output);

        assertEquals(fingerprints(spark, tmp.resolve("two-cores")), fingerprints(spark, tmp.resolve("one-core")));
        assertEquals("local[1]", spark.read().parquet(tmp.resolve("one-core").resolve("runs").toString())
                .first().getAs("master"));
    }

    @Test
    void validateChecksASweepWithoutStartingSpark() throws Exception {
        Path sweep = Files.writeString(tmp.resolve("probe.yaml"), ProbeSweeps.PROBE_SWEEP);
        Path log = tmp.resolve("validate.log");
        Path classes = tmp.resolve("classes.log");
        Process p = MainProcess.start(log, List.of("-Xlog:class+load=info:file=" + classes), "validate", sweep.toString());

        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "validate did not finish in 120 s");
        String output = Files.readString(log, StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), output);
        assertTrue(output.contains("points:     12"), output);
        // every way of starting Spark creates a SparkContext; the class is loaded only then
        List<String> loaded = Files.readAllLines(classes, StandardCharsets.UTF_8);
        assertTrue(loaded.stream().anyMatch(l -> l.contains(" io.phasesweep.jobs.cli.ValidateCommand ")), "no class log");
        assertTrue(loaded.stream().noneMatch(l -> l.contains(" org.apache.spark.SparkContext ")), "validate loaded SparkContext");
    }

    private static List<String> fingerprints(SparkSession spark, Path out) {
        return spark.read().parquet(out.resolve("raw").toString()).collectAsList().stream()
                .map(ProbeSweeps::fingerprint).sorted().toList();
    }
}
