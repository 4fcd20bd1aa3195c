package io.phasesweep.jobs.spark;

import io.phasesweep.engine.model.ModelRegistry;
import io.phasesweep.jobs.MainProcess;
import io.phasesweep.jobs.SweepFile;
import io.phasesweep.jobs.TestSpark;
import io.phasesweep.jobs.bench.RawGenerator;
import io.phasesweep.jobs.tables.OutputFolder;
import org.apache.spark.sql.Row;
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
 * {@code analyze} of 10⁶ raw rows in a JVM of its own with a 512 MiB heap and one core: the rows
 * would not fit (the former driver-side analysis held about 2 KiB per row, 2 GiB here; even bare
 * Spark rows of raw's 17 columns take several hundred bytes each), the 100 points do. Its
 * {@code points} table must equal, to the last bit, that of the analysis here on two cores.
 */
class SmallHeapAnalysisTest {
    /** 4 sizes x 25 values of x x 10⁴ replicas = 10⁶ rows, 100 points. */
    private static final String SWEEP = """
            name: probe-heap
            model: probe
            seed: 5
            axes:
              x: {from: 0, to: 1, steps: 25}
            sizes: [4, 8, 16, 32]
            replicas: 10000
            budget:
              draws: 1
            analysis:
              control: x
            """;

    @TempDir
    Path tmp;

    @Test
    void aHeapTooSmallForRawAnalysesItsPointsAsTwoCoresDo() throws Exception {
        SparkSession spark = TestSpark.session();
        // 10^5 rows from the model, then ten copies of them with other replica ids: 10^6 rows in seconds
        Path tenth = Files.writeString(tmp.resolve("probe-heap-tenth.yaml"), SWEEP.replace("replicas: 10000", "replicas: 1000"));
        RawGenerator.write(spark, SweepFile.load(tenth, ModelRegistry.load()), tenth.toString(), tmp.resolve("tenth").toString(), 4);
        Path file = Files.writeString(tmp.resolve("probe-heap.yaml"), SWEEP);
        String dir = tmp.resolve("out").toString();
        RawGenerator.copies(spark, SweepFile.load(file, ModelRegistry.load()), tmp.resolve("tenth").toString(), dir, 10);

        Path log = tmp.resolve("analyze.log");
        Process p = MainProcess.start(log, List.of("-Xmx512m"), "analyze", dir, "--master", "local[1]");
        assertTrue(p.waitFor(600, TimeUnit.SECONDS), "analyze did not finish in 600 s");
        String output = Files.readString(log, StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), output);
        List<String> oneCore = points(spark, dir);
        assertEquals(100, oneCore.size());

        new AnalyzeJob(spark, new PrintWriter(new StringWriter())).run(
                OutputFolder.existing(spark.sparkContext().hadoopConfiguration(), dir));
        assertEquals(points(spark, dir), oneCore);
    }

    /** The rows of points as text, sorted: doubles print in full (shortest text that reads back to the same bits). */
    private static List<String> points(SparkSession spark, String dir) {
        return spark.read().parquet(dir + "/points").collectAsList().stream().map(Row::toString).sorted().toList();
    }
}
