package io.phasesweep.jobs;

import io.phasesweep.engine.model.ModelRegistry;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.hdfs.MiniDFSCluster;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.example.GroupReadSupport;
import io.phasesweep.jobs.report.Report;
import io.phasesweep.jobs.spark.AnalyzeJob;
import io.phasesweep.jobs.spark.RunJob;
import io.phasesweep.jobs.spark.RunSummary;
import io.phasesweep.jobs.tables.OutputFolder;
import io.phasesweep.jobs.tables.RunsTable;
import io.phasesweep.jobs.tables.WriterLock;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Output on {@code hdfs://}: a real HDFS in this JVM (Hadoop's MiniDFSCluster: a NameNode and a
 * DataNode on 127.0.0.1). {@code phasesweep run} in a JVM of its own, killed after its first
 * committed wave, leaves that wave on HDFS; the resume, the analysis and the report then run here
 * on the same folder. The rows, read back from HDFS with parquet-hadoop (no Spark), equal those of
 * the same sweep run here to the local disk.
 */
class HdfsTest {
    /** 16 points of 0.3 s each (a NaN at x = 0.2), in 4 waves of over a second: time to kill the driver between waves. */
    static final String SWEEP = """
            name: hdfs-probe
            model: probe
            seed: 13
            params: {nan_at: 0.2, pause: 0.3}
            axes:
              x: [0.1, 0.2, 0.3, 0.4]
            sizes: [4, 8]
            replicas: 2
            budget: {draws: 20}
            analysis:
              control: x
              crossing: e
            """;

    @TempDir
    static Path tmp;
    private static MiniDFSCluster hdfs;

    @BeforeAll
    static void startHdfs() throws IOException {
        Configuration conf = new Configuration();
        conf.set(MiniDFSCluster.HDFS_MINIDFS_BASEDIR, tmp.resolve("hdfs").toString());
        hdfs = new MiniDFSCluster.Builder(conf).numDataNodes(1).build();
        hdfs.waitActive();
    }

    @AfterAll
    static void stopHdfs() {
        if (hdfs != null) {
            hdfs.shutdown();
        }
    }

    @Test
    void aDriverKilledOnHdfsIsFinishedByResumeThenAnalysedAndReported() throws Exception {
        Path file = Files.writeString(tmp.resolve("hdfs-probe.yaml"), SWEEP);
        String out = hdfs.getURI() + "/user/physicist/hdfs-probe";
        FileSystem fs = hdfs.getFileSystem();
        org.apache.hadoop.fs.Path raw = new org.apache.hadoop.fs.Path(out, "raw");

        Path killedLog = tmp.resolve("killed.log");
        Process driver = phasesweep(killedLog, "run", file.toString(), "--out", out, "--master", "local[1]",
                "--waves", "4");
        // kill the driver once a wave is committed and before the last one
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (committedFiles(fs, raw).isEmpty()) {
            assertTrue(driver.isAlive(), "the driver ended first: " + read(killedLog));
            assertTrue(System.nanoTime() < end, "no wave committed in 120 s: " + read(killedLog));
            Thread.sleep(50);
        }
        driver.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        int kept = rows(fs, raw).size();
        assertTrue(kept > 0 && kept < 16, "the killed run committed " + kept + " of 16 rows: " + read(killedLog));
        int keptOk = okRows(rows(fs, raw)).size();
        // the killed driver's writer lock stays on HDFS and refuses the next writer until deleted
        org.apache.hadoop.fs.Path lock = new org.apache.hadoop.fs.Path(out, WriterLock.NAME);
        assertTrue(fs.exists(lock));
        CommandError busy = assertThrows(CommandError.class, () -> OutputFolder.prepareLocked(fs.getConf(), out,
                OutputFolder.Existing.RESUME, "resume"));
        assertTrue(busy.getMessage().contains("is being written by another phasesweep command: pid "), busy.getMessage());
        fs.delete(lock, false);

        // finish, analyse and report it as run --resume, analyze and report do, here (a JVM of their
        // own each would cost a Spark start-up of ~10 s on two cores)
        SparkSession spark = TestSpark.session();
        assertEquals(1, RunsTable.unfinishedRunIds(spark, out + "/runs").size());
        PrintWriter quiet = new PrintWriter(new StringWriter());
        OutputFolder folder = OutputFolder.prepare(spark.sparkContext().hadoopConfiguration(), out,
                OutputFolder.Existing.RESUME);
        RunSummary resumed = new RunJob(spark, 60, quiet).run(SweepFile.load(file, ModelRegistry.load()), folder, true);
        // every point without an ok row runs: those never run, and the NaN points (failed again)
        assertEquals(16 - keptOk, resumed.total());
        assertEquals(4, resumed.failed());
        assertTrue(RunsTable.unfinishedRunIds(spark, out + "/runs").isEmpty());
        assertEquals(2, RunsTable.finishedRunIds(spark, out + "/runs").size());
        new AnalyzeJob(spark, quiet).run(folder);
        Report.write(spark, out);
        assertTrue(fs.getFileStatus(new org.apache.hadoop.fs.Path(out, "report/index.html")).getLen() > 0);
        // 4 values of x at 2 sizes; the crossing of e between the two sizes
        assertEquals(8, rows(fs, new org.apache.hadoop.fs.Path(out, "points")).size());
        assertEquals(1, rows(fs, new org.apache.hadoop.fs.Path(out, "boundaries")).size());

        // the ok rows: each point once, as in a run of the same file to the local disk
        List<String> onHdfs = okRows(rows(fs, raw));
        assertEquals(12, onHdfs.size());
        assertEquals(okRows(rows(FileSystem.getLocal(new Configuration()), localRun(spark, file))), onHdfs);
    }

    /** The same sweep run in this JVM (local[2]) to the local disk; returns its raw folder. */
    private static org.apache.hadoop.fs.Path localRun(SparkSession spark, Path file) throws Exception {
        String dir = tmp.resolve("local").toString();
        OutputFolder out = OutputFolder.prepare(spark.sparkContext().hadoopConfiguration(), dir, OutputFolder.Existing.REFUSE);
        new RunJob(spark, 60, new PrintWriter(new StringWriter())).run(SweepFile.load(file, ModelRegistry.load()), out, false);
        return new org.apache.hadoop.fs.Path(out.table("raw"));
    }

    /** phasesweep's command line in a JVM of its own, as the launcher starts it. */
    private static Process phasesweep(Path log, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
                "@" + System.getProperty("phasesweep.jvm.options"),
                "-cp", System.getProperty("java.class.path"),
                "-Dspark.ui.enabled=false", "-Dspark.driver.host=127.0.0.1", "-Dspark.driver.bindAddress=127.0.0.1",
                Main.class.getName()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    private static List<FileStatus> committedFiles(FileSystem fs, org.apache.hadoop.fs.Path table) throws IOException {
        if (!fs.exists(table)) {
            return List.of();
        }
        return List.of(fs.listStatus(table, f -> f.getName().startsWith("part-")));
    }

    /** Every row of a table's committed files, read with parquet-hadoop alone. */
    private static List<Group> rows(FileSystem fs, org.apache.hadoop.fs.Path table) throws IOException {
        List<Group> rows = new ArrayList<>();
        for (FileStatus f : committedFiles(fs, table)) {
            try (ParquetReader<Group> reader = ParquetReader.builder(new GroupReadSupport(), f.getPath())
                    .withConf(fs.getConf()).build()) {
                for (Group g = reader.read(); g != null; g = reader.read()) {
                    rows.add(g);
                }
            }
        }
        return rows;
    }

    /** The ok rows as sorted strings of what must not depend on where they were written: key, seeds, observables. */
    private static List<String> okRows(List<Group> rows) {
        return rows.stream()
                .filter(g -> g.getString("status", 0).equals("ok"))
                .map(g -> g.getString("point", 0) + " seed=" + g.getLong("seed", 0)
                        + " disorder_seed=" + g.getLong("disorder_seed", 0)
                        + " e=" + Double.doubleToRawLongBits(g.getDouble("e", 0))
                        + " e_err=" + Double.doubleToRawLongBits(g.getDouble("e_err", 0))
                        + " d=" + Double.doubleToRawLongBits(g.getDouble("d", 0)))
                .sorted()
                .toList();
    }

    private static String read(Path log) {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }
}
