package io.phasesweep.jobs.spark;

import io.phasesweep.engine.model.ModelRegistry;
import io.phasesweep.jobs.SweepFile;
import io.phasesweep.jobs.TestSpark;
import io.phasesweep.jobs.tables.OutputFolder;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RerunTest {
    private static final SparkSession SPARK = TestSpark.session();

    @TempDir
    static Path tmp;
    private static String first;
    private static String firstRun;

    @BeforeAll
    static void runOnce() throws Exception {
        Path file = Files.writeString(tmp.resolve("probe.yaml"), """
                name: rerun
                model: probe
                seed: 7
                params: {throw_at: 0.2}
                axes:
                  x: [0.1, 0.2, 0.3]
                sizes: [4, 8]
                replicas: 2
                """);
        SweepFile sweep = SweepFile.load(file, ModelRegistry.load());
        first = tmp.resolve("first").toString();
        firstRun = new RunJob(SPARK, 60, new PrintWriter(new StringWriter()))
                .run(sweep, OutputFolder.prepare(SPARK.sparkContext().hadoopConfiguration(), first, OutputFolder.Existing.REFUSE), false).runId();
    }

    /** The sweep text from runs, run again: every row identical but run id and wall time, failures included. */
    @Test
    void aRunReproducedFromTheRunsTableHasIdenticalRows() throws Exception {
        StringWriter log = new StringWriter();
        var hadoop = SPARK.sparkContext().hadoopConfiguration();
        long differ = Rerun.reproduce(SPARK, OutputFolder.existing(hadoop, first), null,
                OutputFolder.prepare(hadoop, tmp.resolve("second").toString(), OutputFolder.Existing.REFUSE), new PrintWriter(log));
        assertEquals(0, differ, log.toString());
        assertTrue(log.toString().contains("rerun of " + firstRun + " into "), log.toString());
        assertTrue(log.toString().contains("12 rows identical"), log.toString());
    }

    /** The comparison sees one changed value: that row is missing on each side. */
    @Test
    void oneChangedValueIsTwoDifferences() {
        String changed = tmp.resolve("changed").toString();
        SPARK.read().parquet(first + "/raw")
                .withColumn("e", when(col("point").equalTo("size=8|x=0.3|r=1"), col("e").plus(lit(1e-12))).otherwise(col("e")))
                .write().parquet(changed + "/raw");
        assertEquals(2, Rerun.differences(SPARK.read().parquet(first + "/raw"), SPARK.read().parquet(changed + "/raw")));
        assertEquals(0, Rerun.differences(SPARK.read().parquet(first + "/raw"), SPARK.read().parquet(first + "/raw")));
    }
}
