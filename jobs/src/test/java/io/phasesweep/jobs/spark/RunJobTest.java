package io.phasesweep.jobs.spark;

import io.phasesweep.engine.run.PointRunner;
import io.phasesweep.engine.run.RawRecord;
import io.phasesweep.engine.sweep.PointGroup;
import io.phasesweep.engine.sweep.SweepExpander;
import io.phasesweep.jobs.CommandError;
import io.phasesweep.jobs.ProbeSweeps;
import io.phasesweep.jobs.SweepFile;
import io.phasesweep.jobs.TestSpark;
import io.phasesweep.jobs.progress.Progress;
import io.phasesweep.jobs.tables.OutputFolder;
import io.phasesweep.jobs.tables.RawTable;
import io.phasesweep.jobs.tables.RunsTable;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RunJobTest {
    private final SparkSession spark = TestSpark.session();
    private final StringWriter progress = new StringWriter();

    @TempDir
    Path tmp;

    private RunSummary run(SweepFile sweep, String dir, double limitSeconds, int bins) throws CommandError {
        OutputFolder out = OutputFolder.prepare(spark.sparkContext().hadoopConfiguration(), tmp.resolve(dir).toString(),
                OutputFolder.Existing.REFUSE);
        return new RunJob(spark, limitSeconds, 1, new PrintWriter(progress)).run(sweep, out, false, groups -> bins);
    }

    private Dataset<Row> table(String dir, String name) {
        return spark.read().parquet(tmp.resolve(dir).resolve(name).toString());
    }

    @Test
    void writesRawAndRunsWithTheDesignSchema() throws Exception {
        SweepFile sweep = ProbeSweeps.sweep("schema", Map.of());
        RunSummary run = run(sweep, "out", 60, 4);

        assertEquals(new RunSummary(run.runId(), 24, 24, 0, 0, run.runsRows()), run);
        Dataset<Row> raw = table("out", "raw");
        assertEquals(List.of("sweep:string", "model:string", "point:string", "size:int", "replica:int",
                        "seed:bigint", "disorder_seed:bigint", "status:string", "error:string", "wall_ms:bigint",
                        "run_id:string", "throw_at:double", "nan_at:double", "sleep_at:double", "pause:double",
                        "flavour:string",
                        "x:double", "e:double", "e_err:double", "e_tau:double", "d:double"),
                ProbeSweeps.columns(raw));
        Row first = raw.where("point = 'size=8|x=0.3|r=2'").first();
        assertEquals("schema", first.getAs("sweep"));
        assertEquals("ok", first.getAs("status"));
        assertEquals(0.3, (double) first.getAs("x"));
        assertEquals("plain", first.getAs("flavour"));
        assertEquals(run.runId(), first.getAs("run_id"));

        Dataset<Row> runs = table("out", "runs");
        assertEquals(List.of("run_id:string", "status:string", "sweep:string", "sweep_file:string", "sweep_sha256:string",
                        "engine_version:string", "git_commit:string", "java_version:string", "spark_version:string",
                        "master:string", "started_at:timestamp", "ended_at:timestamp", "points_total:bigint",
                        "points_ok:bigint", "points_failed:bigint", "points_timeout:bigint", "resumed_runs:string"),
                ProbeSweeps.columns(runs));
        assertEquals(List.of("completed", "started"), runs.select("status").as(Encoders.STRING()).collectAsList()
                .stream().sorted().toList());
        Row r = runs.where("status = 'completed'").first();
        assertEquals(run.runId(), r.getAs("run_id"));
        assertEquals(sweep.text(), r.getAs("sweep_file"));
        assertEquals(RunsTable.sha256(sweep.text()), r.getAs("sweep_sha256"));
        assertEquals(spark.version(), r.getAs("spark_version"));
        assertEquals(24L, (long) r.getAs("points_ok"));
        assertTrue(progress.toString().contains("24/24 points done"), progress.toString());
    }

    /** The engine run on the driver, without Spark, is the reference every partitioning must match exactly. */
    @Test
    void rowsAreBitIdenticalForAnyPartitioningAndEqualToTheEngineAlone() throws Exception {
        SweepFile sweep = ProbeSweeps.sweep("partitions", Map.of("nan_at", 0.2));
        RawTable table = RawTable.of(sweep.spec(), sweep.model());
        List<Row> reference = new ArrayList<>();
        PointRunner runner = new PointRunner(sweep.model(), 60);
        for (PointGroup g : SweepExpander.groups(sweep.spec(), sweep.model())) {
            for (RawRecord rec : runner.run(g)) {
                reference.add(table.row(rec, "driver"));
            }
        }
        List<String> expected = spark.createDataFrame(reference, table.schema()).collectAsList().stream()
                .map(ProbeSweeps::fingerprint).sorted().toList();
        assertEquals(24, expected.size());
        assertEquals(6, expected.stream().filter(f -> f.contains("status=failed")).count());

        for (int bins : new int[] {1, 2, 7, 24}) {
            String dir = "bins" + bins;
            run(sweep, dir, 60, bins);
            assertEquals(1, partFiles(dir), "one wave, so one Parquet file, whatever the tasks");
            List<String> actual = table(dir, "raw").collectAsList().stream().map(ProbeSweeps::fingerprint).sorted().toList();
            assertEquals(expected, actual, "bins=" + bins);
        }
        // tasks by factoring, the waves after the first priced by the first's wall times
        OutputFolder paced = OutputFolder.prepare(spark.sparkContext().hadoopConfiguration(), tmp.resolve("paced").toString(),
                OutputFolder.Existing.REFUSE);
        new RunJob(spark, 60, 3, new PrintWriter(progress)).run(sweep, paced, false);
        assertEquals(expected, table("paced", "raw").collectAsList().stream().map(ProbeSweeps::fingerprint).sorted().toList(),
                "paced tasks");
    }

    /**
     * A wave holds at most so many values of raw on the driver: a sweep whose rows exceed it runs in
     * more waves than asked for, one file each, with the same rows.
     */
    @Test
    void aWaveBringsTheDriverAtMostItsValues() throws Exception {
        SweepFile sweep = ProbeSweeps.sweep("bounded", Map.of("nan_at", 0.2));
        int columns = RawTable.of(sweep.spec(), sweep.model()).schema().size();
        List<List<String>> rows = new ArrayList<>();
        for (long values : new long[] {RunJob.WAVE_VALUES, 5L * columns}) {
            String dir = "values" + values;
            OutputFolder out = OutputFolder.prepare(spark.sparkContext().hadoopConfiguration(), tmp.resolve(dir).toString(),
                    OutputFolder.Existing.REFUSE);
            StringWriter log = new StringWriter();
            new RunJob(spark, 60, 1, new PrintWriter(log)).waveValues(values).run(sweep, out);
            rows.add(table(dir, "raw").collectAsList().stream().map(ProbeSweeps::fingerprint).sorted().toList());
            // 24 points in waves of 5 rows at most: 5 waves
            int waves = values == RunJob.WAVE_VALUES ? 1 : 5;
            assertTrue(log.toString().contains("24 points to run in 24 groups, " + waves + " waves"), log.toString());
            assertEquals(waves, partFiles(dir), "one file per wave");
        }
        assertEquals(rows.get(0), rows.get(1));
    }

    /** A sweep of seconds in timed waves: the rows of the fixed waves, in fewer commits (fewer files). */
    @Test
    void timedWavesWriteTheSameRowsInFewerWaves() throws Exception {
        SweepFile sweep = ProbeSweeps.sweep("timed", Map.of("nan_at", 0.2));
        List<List<String>> rows = new ArrayList<>();
        List<Long> files = new ArrayList<>();
        for (boolean timed : new boolean[] {false, true}) {
            String dir = timed ? "timed" : "fixed";
            OutputFolder out = OutputFolder.prepare(spark.sparkContext().hadoopConfiguration(), tmp.resolve(dir).toString(),
                    OutputFolder.Existing.REFUSE);
            RunJob job = new RunJob(spark, 60, RunJob.DEFAULT_WAVES, new PrintWriter(progress));
            assertEquals(24, (timed ? job.timedWaves() : job).run(sweep, out).total());
            rows.add(table(dir, "raw").collectAsList().stream()
                    .map(ProbeSweeps::fingerprint).sorted().toList());
            files.add(partFiles(dir));
        }
        assertEquals(rows.get(0), rows.get(1));
        assertTrue(progress.toString().contains("24 points to run in 24 groups, up to 4 waves"), progress.toString());
        assertTrue(files.get(1) < files.get(0), "files of the fixed and the timed waves: " + files);
    }

    @Test
    void failuresBecomeRowsAndTheSweepCompletes() throws Exception {
        SweepFile sweep = ProbeSweeps.sweep("failures", Map.of("throw_at", 0.1, "nan_at", 0.2, "sleep_at", 0.3));
        RunSummary run = run(sweep, "out", 0.3, 3);

        assertEquals(new RunSummary(run.runId(), 24, 6, 12, 6, run.runsRows()), run);
        Map<Double, List<Row>> byX = table("out", "raw").collectAsList().stream()
                .collect(Collectors.groupingBy(r -> r.<Double>getAs("x")));
        assertStatus(byX.get(0.1), "failed", "IllegalStateException: asked to fail at x=0.1");
        assertStatus(byX.get(0.2), "failed", "observable e is NaN");
        assertStatus(byX.get(0.3), "timeout", "time limit of 0.3 s reached");
        for (Row r : byX.get(0.4)) {
            assertEquals("ok", r.getAs("status"));
            assertNull(r.getAs("error"));
        }
    }

    private static void assertStatus(List<Row> rows, String status, String errorStart) {
        assertEquals(6, rows.size());
        for (Row r : rows) {
            assertEquals(status, r.getAs("status"));
            assertTrue(r.<String>getAs("error").startsWith(errorStart), r.<String>getAs("error"));
            assertNull(r.getAs("e"));
            assertNull(r.getAs("e_err"));
            assertNull(r.getAs("d"));
        }
    }

    /**
     * A run into a folder without runs rows keeps the two it writes, as a reader would read them
     * back (the analysis after it uses them instead); into a folder with rows of another run (one
     * that stopped before its first wave), it keeps none.
     */
    @Test
    void aRunKeepsTheRunsRowsItWroteOnlyWhenItWroteThemAll() throws Exception {
        RunSummary run = run(ProbeSweeps.sweep("kept", Map.of()), "out", 60, 2);
        Comparator<Row> byStatus = Comparator.comparing(r -> r.<String>getAs("status"));
        assertEquals(RunsTable.rows(spark, tmp.resolve("out").resolve("runs").toString()).stream().sorted(byStatus).toList(),
                run.runsRows().stream().sorted(byStatus).toList());

        SweepFile sweep = ProbeSweeps.sweep("stopped", Map.of());
        OutputFolder out = OutputFolder.prepare(spark.sparkContext().hadoopConfiguration(), tmp.resolve("stopped").toString(),
                OutputFolder.Existing.REFUSE);
        RunsTable.started(spark, out.table(RunsTable.NAME), sweep, "stopped-before-raw", java.time.Instant.now());
        assertNull(new RunJob(spark, 60, 1, new PrintWriter(progress)).run(sweep, out, false, groups -> 2).runsRows());
    }

    private long partFiles(String dir) throws java.io.IOException {
        try (var files = java.nio.file.Files.list(tmp.resolve(dir).resolve("raw"))) {
            return files.filter(f -> f.getFileName().toString().startsWith("part-")).count();
        }
    }

    /** JSON progress: a start event, then progress events whose counts only grow, ending at the total with every failure counted. */
    @Test
    void jsonProgressCountsDoneAndFailedPointsFromTheExecutors() throws Exception {
        SweepFile sweep = ProbeSweeps.sweep("progress", Map.of("throw_at", 0.2));
        OutputFolder out = OutputFolder.prepare(spark.sparkContext().hadoopConfiguration(), tmp.resolve("p").toString(),
                OutputFolder.Existing.REFUSE);
        StringWriter json = new StringWriter();
        new RunJob(spark, 60, 1, new PrintWriter(new StringWriter()),
                new Progress.Output(Progress.Style.JSON, new PrintWriter(json), false)).run(sweep, out, false, groups -> 4);
        List<String> lines = json.toString().lines().toList();
        assertEquals("{\"event\":\"start\",\"total\":24,\"spark_ui\":null}", lines.get(0), "the tests' Spark has no UI");
        long before = -1;
        for (String line : lines.subList(1, lines.size())) {
            long done = Long.parseLong(line.replaceAll(".*\"done\":(\\d+).*", "$1"));
            assertTrue(done > before, line);
            before = done;
        }
        String last = lines.get(lines.size() - 1);
        assertTrue(last.contains("\"done\":24,\"total\":24,\"failed\":6,"), "6 = 2 sizes × 3 replicas at x = 0.2: " + last);
    }
}
