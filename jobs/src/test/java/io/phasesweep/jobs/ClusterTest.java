package io.phasesweep.jobs;

import io.phasesweep.engine.model.ModelRegistry;
import io.phasesweep.jobs.spark.AnalyzeJob;
import io.phasesweep.jobs.spark.RunJob;
import io.phasesweep.jobs.tables.OutputFolder;
import io.phasesweep.jobs.tables.CurrentRaw;
import io.phasesweep.jobs.tables.WriterLock;
import io.phasesweep.jobs.tables.RunsTable;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The whole path a user takes on a cluster: {@code deploy/local-cluster} starts a master and two
 * workers (one core each) as JVMs of their own, {@code deploy/submit} runs sweeps on it through
 * Spark's SparkSubmit, and every {@code raw} must equal an embedded run of the same sweep file, bar
 * run id and timing: with faults inside points and a worker killed mid-run, and with the driver
 * killed mid-run and the sweep finished by {@code --resume}; and {@code analyze} of one raw table on
 * the cluster must give the tables of one and two embedded cores. The tests run in order: the
 * analysis uses both workers, the worker killed by the next leaves one worker for the last.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterTest {
    /**
     * Every fault: an exception (x=0.1), a NaN (x=0.2) and a timeout (x=0.3); 16 points of at least
     * half a second each, long enough to kill a worker mid-run.
     */
    static final String FAULTS = """
            name: cluster-faults
            model: probe
            seed: 11
            params: {throw_at: 0.1, nan_at: 0.2, sleep_at: 0.3, pause: 0.5}
            axes:
              x: [0.1, 0.2, 0.3, 0.4]
            sizes: [4, 8]
            replicas: 2
            budget: {draws: 20, time_limit: 0.5}
            """;
    /** 24 points of half a second each (and a NaN at x=0.2): long enough to kill a process mid-run. */
    static final String SLOW = """
            name: cluster-slow
            model: probe
            seed: 12
            params: {nan_at: 0.2, pause: 0.5}
            axes:
              x: [0.1, 0.2, 0.3, 0.4, 0.5, 0.6]
            sizes: [4, 8]
            replicas: 2
            budget: {draws: 20}
            """;

    @TempDir
    static Path tmp;
    private static LocalCluster cluster;
    private final SparkSession spark = TestSpark.session();

    @BeforeAll
    static void startCluster() throws Exception {
        cluster = LocalCluster.start(tmp, 2);
    }

    @AfterAll
    static void stopCluster() throws Exception {
        if (cluster != null) {
            cluster.close();
        }
    }

    /**
     * One raw table analysed by {@code analyze} on one core (a JVM of its own), on two cores (here)
     * and on the two-worker cluster: the points, boundaries and exponents tables are identical to the
     * last bit (each group's analysis is a task, on whichever executor).
     */
    @Test
    @Order(0)
    void oneRawAnalysedOnOneCoreTwoCoresAndTheClusterGivesIdenticalTables() throws Exception {
        Path file = Files.writeString(tmp.resolve("across.yaml"), ProbeSweeps.ACROSS);
        Path raw = tmp.resolve("across-raw");
        OutputFolder ran = OutputFolder.prepare(spark.sparkContext().hadoopConfiguration(), raw.toString(),
                OutputFolder.Existing.REFUSE);
        new RunJob(spark, 60, new PrintWriter(new StringWriter())).run(SweepFile.load(file, ModelRegistry.load()), ran, false);
        Path oneCore = copy(raw, tmp.resolve("across-one-core"));
        Path onCluster = copy(raw, tmp.resolve("across-cluster"));

        // one JVM after the other: the cluster's executors and a second driver starting beside them
        // took more than finish's 150 s on a 2-core machine under load
        Path clusterLog = tmp.resolve("across-cluster.log");
        finish(cluster.submit(clusterLog, "analyze", onCluster.toString()), clusterLog);
        Path oneCoreLog = tmp.resolve("across-one-core.log");
        Process local = MainProcess.start(oneCoreLog, List.of(), "analyze", oneCore.toString(), "--master", "local[1]");
        new AnalyzeJob(spark, new PrintWriter(new StringWriter())).run(
                OutputFolder.existing(spark.sparkContext().hadoopConfiguration(), raw.toString()));
        finish(local, oneCoreLog);

        for (String table : List.of("points", "boundaries", "exponents")) {
            List<String> twoCores = table(raw, table);
            assertFalse(twoCores.isEmpty(), table);
            assertEquals(twoCores, table(oneCore, table), table + ": one core");
            assertEquals(twoCores, table(onCluster, table), table + ": the cluster");
        }
        // a best critical value per noise level: both groups were analysed
        assertEquals(2, spark.read().parquet(raw.resolve("boundaries").toString()).where("method = 'best'").count());
    }

    /** The rows of a table as text, sorted: doubles print in full (shortest text that reads back to the same bits). */
    private List<String> table(Path out, String table) {
        return spark.read().parquet(out.resolve(table).toString()).collectAsList().stream().map(Row::toString).sorted().toList();
    }

    /** A copy of an output folder's files. */
    private static Path copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : files.toList()) {
                Files.copy(f, to.resolve(from.relativize(f).toString()));
            }
        }
        return to;
    }

    @Test
    @Order(1)
    void faultsAndAWorkerKilledMidRunGiveTheRowsOfAnEmbeddedRun() throws Exception {
        Path file = Files.writeString(tmp.resolve("faults.yaml"), FAULTS);
        Path out = tmp.resolve("worker-killed");
        Path logFile = tmp.resolve("worker-killed.log");
        Process submit = cluster.submit(logFile, "run", file.toString(), "--out", out.toString());
        waitFor(() -> read(logFile).matches("(?s).*\\n  [1-9]\\d*/16 points done.*"), submit, logFile);
        cluster.killWorker(2);
        String log = finish(submit, logFile);
        assertTrue(log.contains("16 points: 4 ok, 8 failed, 4 timeout"), log);
        assertTrue(log.contains("master " + cluster.url()), log);
        String sparkLines = read(LocalCluster.sparkLog(logFile));
        assertTrue(sparkLines.contains("Lost executor"), "the driver saw the worker go mid-run: " + sparkLines);

        Dataset<Row> raw = spark.read().parquet(out.resolve("raw").toString());
        assertEquals(16, raw.count());
        assertEquals(16, raw.select("point").distinct().count());
        assertEquals(embedded(file), rows(out));
    }

    @Test
    @Order(2)
    void aDriverKilledMidRunIsFinishedByResume() throws Exception {
        Path file = Files.writeString(tmp.resolve("slow.yaml"), SLOW);
        Path out = tmp.resolve("driver-killed");
        Path firstLog = tmp.resolve("driver-killed.log");
        Process driver = cluster.submit(firstLog, "run", file.toString(), "--out", out.toString(), "--waves", "4");
        // kill the driver once a wave is committed and before the last one
        waitFor(() -> committedFiles(out.resolve("raw")) > 0, driver, firstLog);
        driver.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        // a driver killed with SIGKILL leaves its writer lock; the user deletes it, as its message says
        Files.delete(out.resolve(WriterLock.NAME));

        String runs = out.resolve("runs").toString();
        long kept = spark.read().parquet(out.resolve("raw").toString()).count();
        assertTrue(kept > 0 && kept < 24, "the killed run committed " + kept + " of 24 rows: " + read(firstLog));
        Set<String> interrupted = RunsTable.unfinishedRunIds(spark, runs);
        assertEquals(1, interrupted.size());
        assertTrue(RunsTable.finishedRunIds(spark, runs).isEmpty());

        Path secondLog = tmp.resolve("driver-resumed.log");
        String log = finish(cluster.submit(secondLog, "run", file.toString(), "--out", out.toString(), "--resume"), secondLog);
        assertTrue(log.contains("resume: "), log);
        assertTrue(RunsTable.finishedRunIds(spark, runs).containsAll(interrupted));
        assertTrue(RunsTable.unfinishedRunIds(spark, runs).isEmpty());
        Dataset<Row> ok = spark.read().parquet(out.resolve("raw").toString()).where("status = 'ok'");
        assertEquals(20, ok.count());
        assertEquals(20, ok.select("point").distinct().count());
        assertEquals(embedded(file), rows(out));
    }

    /** The rows of an embedded run of the same file in this JVM (local[2]). */
    private List<String> embedded(Path file) throws Exception {
        SweepFile sweep = SweepFile.load(file, ModelRegistry.load());
        String dir = tmp.resolve("embedded-" + sweep.spec().name()).toString();
        OutputFolder out = OutputFolder.prepare(spark.sparkContext().hadoopConfiguration(), dir, OutputFolder.Existing.REFUSE);
        new RunJob(spark, 60, new PrintWriter(new StringWriter())).run(sweep, out, false);
        return rows(Path.of(dir));
    }

    private List<String> rows(Path out) throws Exception {
        OutputFolder folder = OutputFolder.prepare(spark.sparkContext().hadoopConfiguration(), out.toString(),
                OutputFolder.Existing.RESUME);
        return CurrentRaw.read(spark, folder).rows().collectAsList().stream().map(ProbeSweeps::fingerprint).sorted().toList();
    }

    private static String finish(Process submit, Path log) throws Exception {
        assertTrue(submit.waitFor(150, TimeUnit.SECONDS), "no end after 150 s: " + read(log));
        String text = read(log);
        assertEquals(0, submit.exitValue(), text);
        return text;
    }

    private static void waitFor(BooleanSupplier condition, Process submit, Path log) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (!condition.getAsBoolean()) {
            assertTrue(submit.isAlive(), "the submit ended first: " + read(log));
            assertTrue(System.nanoTime() < end, "waited 120 s: " + read(log));
            Thread.sleep(50);
        }
    }

    private static long committedFiles(Path raw) {
        try (var files = Files.list(raw)) {
            return files.filter(f -> f.getFileName().toString().startsWith("part-")).count();
        } catch (java.io.IOException e) {
            return 0;
        }
    }

    private static String read(Path log) {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            return "(no log: " + e + ")";
        }
    }
}
