package io.phasesweep.jobs.spark;

import io.phasesweep.engine.fss.AnalysisResult;
import io.phasesweep.engine.model.ModelRegistry;
import io.phasesweep.jobs.CommandError;
import io.phasesweep.jobs.ProbeSweeps;
import io.phasesweep.jobs.TestFindings;
import io.phasesweep.jobs.SweepFile;
import io.phasesweep.jobs.TestSpark;
import io.phasesweep.jobs.report.Report;
import io.phasesweep.jobs.tables.OutputFolder;
import io.phasesweep.jobs.tables.RunsTable;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The analysis glue on the probe model: which rows count, and the tables' schemas and rows. */
class AnalyzeJobTest {
    /** 2 sizes x 4 values of x x 3 replicas; x = 0.2 returns NaN, so those 6 rows fail. */
    static final String SWEEP = """
            name: probe-analysis
            model: probe
            seed: 11
            params:
              nan_at: 0.2
            axes:
              x: [0.1, 0.2, 0.3, 0.4]
            sizes: [4, 8]
            replicas: 3
            budget:
              draws: 20
            analysis:
              control: x
            """;

    private final SparkSession spark = TestSpark.session();
    private final StringWriter log = new StringWriter();

    @TempDir
    Path tmp;

    private OutputFolder runSweep(String text) throws Exception {
        SweepFile sweep = SweepFile.load(Files.writeString(tmp.resolve("probe.yaml"), text), ModelRegistry.load());
        OutputFolder out = OutputFolder.prepare(spark.sparkContext().hadoopConfiguration(), tmp.resolve("out").toString(),
                OutputFolder.Existing.REFUSE);
        new RunJob(spark, 60, new PrintWriter(log)).run(sweep, out, false, groups -> 2);
        return out;
    }

    private AnalysisResult analyze(OutputFolder out) throws Exception {
        return new AnalyzeJob(spark, new PrintWriter(log)).run(out);
    }

    private Dataset<Row> table(OutputFolder out, String name) {
        return spark.read().parquet(out.table(name));
    }

    @Test
    void writesPointsBoundariesAndExponentsWithTheDesignSchemas() throws Exception {
        OutputFolder out = runSweep(SWEEP);
        analyze(out);

        assertEquals(List.of("sweep:string", "model:string", "size:int", "replicas:int", "failed:int",
                        "nan_at:double", "throw_at:double", "sleep_at:double", "pause:double", "flavour:string", "x:double",
                        "e:double", "e_err:double", "d:double", "d_err:double"),
                ProbeSweeps.columns(table(out, "points")));
        assertEquals(TestFindings.BOUNDARIES_COLUMNS, ProbeSweeps.columns(table(out, "boundaries")));
        assertEquals(TestFindings.EXPONENTS_COLUMNS, ProbeSweeps.columns(table(out, "exponents")));
        assertEquals(List.of("sweep:string", "model:string", "note:string"), ProbeSweeps.columns(table(out, "notes")));
    }

    @Test
    void aFolderWrittenByAnOlderModelVersionIsRefusedNamingTheMissingColumn() throws Exception {
        OutputFolder out = runSweep(SWEEP);
        // as an older probe would have written it, before its parameter 'flavour' existed
        Path older = tmp.resolve("older-raw");
        table(out, "raw").drop("flavour").write().parquet(older.toString());
        Path raw = tmp.resolve("out").resolve("raw");
        try (var files = Files.walk(raw)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        }
        Files.move(older, raw);

        CommandError analysing = assertThrows(CommandError.class, () -> analyze(out));
        assertTrue(analysing.getMessage().contains("has no column 'flavour', which model probe writes now"), analysing.getMessage());
        assertTrue(analysing.getMessage().contains("older version of the model"), analysing.getMessage());

        SweepFile sweep = SweepFile.load(tmp.resolve("probe.yaml"), ModelRegistry.load());
        OutputFolder again = OutputFolder.prepare(spark.sparkContext().hadoopConfiguration(), out.toString(),
                OutputFolder.Existing.RESUME);
        CommandError resuming = assertThrows(CommandError.class,
                () -> new RunJob(spark, 60, new PrintWriter(log)).run(sweep, again, true, groups -> 2));
        assertTrue(resuming.getMessage().contains("has no column 'flavour'"), resuming.getMessage());
        assertEquals(24, table(out, "raw").count(), "a refused resume appends no row");
    }

    @Test
    void pointsAverageReplicasAndCountFailures() throws Exception {
        OutputFolder out = runSweep(SWEEP);
        analyze(out);

        Dataset<Row> points = table(out, "points");
        assertEquals(8, points.count());
        Row failed = points.where("size = 8 and x = 0.2").first();
        assertEquals(0, (int) failed.getAs("replicas"));
        assertEquals(3, (int) failed.getAs("failed"));
        assertNull(failed.getAs("e"));

        Row ok = points.where("size = 4 and x = 0.3").first();
        assertEquals(3, (int) ok.getAs("replicas"));
        assertEquals(0, (int) ok.getAs("failed"));
        assertEquals("probe-analysis", ok.getAs("sweep"));
        assertEquals("plain", ok.getAs("flavour"));
        List<Double> e = table(out, "raw").where("size = 4 and x = 0.3").collectAsList().stream()
                .map(r -> r.<Double>getAs("e")).toList();
        double mean = e.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        double sd = Math.sqrt(e.stream().mapToDouble(v -> (v - mean) * (v - mean)).sum() / (e.size() - 1));
        assertEquals(mean, ok.<Double>getAs("e"), 1e-15);
        assertEquals(sd / Math.sqrt(e.size()), ok.<Double>getAs("e_err"), 1e-15, "standard error over replicas");
        assertTrue(log.toString().contains("6 failed or timed-out rows at 2 points left out"), log.toString());
        assertTrue(table(out, "notes").collectAsList().stream()
                        .anyMatch(r -> r.<String>getAs("note").startsWith("6 failed or timed-out rows at 2 points left out")),
                "the note is in the notes table too");
    }

    @Test
    void onlyRowsOfCompletedRunsCount() throws Exception {
        OutputFolder out = runSweep(SWEEP);
        AnalysisResult first = analyze(out);
        // rows of a run that died before its completed row: same points, other values
        SweepFile sweep = SweepFile.load(tmp.resolve("probe.yaml"), ModelRegistry.load());
        RunsTable.started(spark, out.table("runs"), sweep, "died-midway", Instant.now().plusSeconds(3600));
        table(out, "raw").withColumn("run_id", lit("died-midway")).withColumn("e", col("e").plus(100))
                .write().mode(SaveMode.Append).parquet(out.table("raw"));
        AnalysisResult again = analyze(out);
        assertEquals(first.points(), again.points());
        assertTrue(log.toString().contains("24 raw rows of interrupted runs left out (finish them with phasesweep run FILE --resume)"),
                log.toString());
    }

    @Test
    void aPointInSeveralRunsCountsOnceWithItsLatestRow() throws Exception {
        OutputFolder out = runSweep(SWEEP);
        SweepFile sweep = SweepFile.load(tmp.resolve("probe.yaml"), ModelRegistry.load());
        table(out, "raw").withColumn("run_id", lit("later")).withColumn("e", col("e").plus(100))
                .write().mode(SaveMode.Append).parquet(out.table("raw"));
        Instant later = Instant.now().plusSeconds(3600);
        RunsTable.started(spark, out.table("runs"), sweep, "later", later);
        RunsTable.completed(spark, out.table("runs"), sweep, new RunSummary("later", 24, 18, 6, 0), later, later, Set.of());

        analyze(out);
        Row ok = table(out, "points").where("size = 4 and x = 0.3").first();
        assertEquals(3, (int) ok.getAs("replicas"));
        double rawMean = table(out, "raw").where("size = 4 and x = 0.3 and run_id = 'later'")
                .agg(avg("e")).first().getDouble(0);
        assertEquals(rawMean, ok.<Double>getAs("e"), 1e-12);
        assertTrue(rawMean > 100);
    }

    /** A plain parameter scan: points (and the report's curves) without estimates, not a dead end. */
    @Test
    void aSweepWithoutAnAnalysisSectionGetsItsPointsAndReport() throws Exception {
        OutputFolder out = runSweep(SWEEP.replace("analysis:\n  control: x\n", ""));
        AnalysisResult result = analyze(out);
        assertEquals(8, table(out, "points").count());
        assertEquals(List.of(), result.boundaries());
        assertEquals(0, table(out, "boundaries").count());
        assertTrue(log.toString().contains("probe-analysis has no analysis section: 8 points averaged, no estimates"),
                log.toString());
        Report.write(spark, out.toString());
        assertTrue(Files.readString(tmp.resolve("out").resolve("report").resolve("index.html")).contains("<html"),
                "the report is written");
    }

    @Test
    void anEmptyFolderIsAUserError() {
        CommandError e = assertThrows(CommandError.class,
                () -> OutputFolder.existing(spark.sparkContext().hadoopConfiguration(), tmp.resolve("none").toString()));
        assertTrue(e.getMessage().startsWith(tmp.resolve("none") + " is not a phasesweep output folder"), e.getMessage());
    }
}
