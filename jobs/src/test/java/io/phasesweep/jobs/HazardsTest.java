package io.phasesweep.jobs;

import io.phasesweep.engine.model.ModelRegistry;
import io.phasesweep.jobs.report.Report;
import io.phasesweep.jobs.spark.AnalyzeJob;
import io.phasesweep.jobs.spark.Rerun;
import io.phasesweep.jobs.spark.RunJob;
import io.phasesweep.jobs.tables.CurrentRaw;
import io.phasesweep.jobs.tables.OutputFolder;
import io.phasesweep.jobs.tables.Ownership;
import io.phasesweep.jobs.tables.WriterLock;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Hazards found by adversarial use (issue 13): phasesweep destroys nothing it cannot prove it wrote,
 * never lets two writers into one folder, and answers a mistake with one line. The refusals happen
 * before Spark starts, so they run here through the command line; what needs Spark uses the test
 * JVM's one session through the jobs themselves.
 */
class HazardsTest {
    private static final String SWEEP = """
            name: hazards
            model: probe
            seed: 5
            axes:
              x: [0.1, 0.2, 0.3]
            sizes: [4]
            replicas: 2
            budget:
              draws: 5
            analysis:
              control: x
              crossing: e
            """;

    @TempDir
    Path tmp;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private final Configuration hadoop = new Configuration();

    private int execute(String... args) {
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    /** A user's thing at a name phasesweep uses in an output folder; returns the path the refusal must name. */
    @FunctionalInterface
    interface Plant {
        Path into(Path folder) throws IOException;
    }

    static Stream<Arguments> foreignThings() {
        Map<String, Plant> things = Map.of(
                "a notes folder of text", f -> write(f.resolve("notes").resolve("today.txt"), "my notes").getParent(),
                "a points folder of text", f -> write(f.resolve("points").resolve("p.txt"), "1 2 3").getParent(),
                "a file called notes", f -> write(f.resolve("notes"), "my notes"),
                "a runs folder of text", f -> {
                    deleteTree(f.resolve("runs"));
                    return write(f.resolve("runs").resolve("run-1.txt"), "my run log").getParent();
                },
                "a user's file inside raw", f -> {
                    write(f.resolve("raw").resolve(Ownership.MARKER), "");
                    write(f.resolve("raw").resolve("README.txt"), "what these rows are");
                    return f.resolve("raw");
                },
                "a report folder of the user's", f -> write(f.resolve("report").resolve("index.html"),
                        "<html><title>my own report</title></html>").getParent());
        List<String> commands = List.of("run", "run --overwrite", "run --resume", "analyze", "report", "rerun");
        List<Arguments> cases = new ArrayList<>();
        new TreeMap<>(things).forEach((name, plant) -> commands.forEach(c -> cases.add(Arguments.of(c, name, plant))));
        return cases.stream();
    }

    /** Every writing command refuses a folder with a user's thing in the way: exit 2, one line naming it, nothing changed. */
    @ParameterizedTest(name = "{0} with {1}")
    @MethodSource("foreignThings")
    void aUsersThingInTheWayIsRefusedAndKept(String command, String thing, Plant plant) throws Exception {
        Path sweep = write(tmp.resolve("hazards.yaml"), SWEEP);
        Path folder = tmp.resolve("out");
        boolean earlierRun = !command.equals("run") && !command.equals("rerun");
        if (earlierRun) {
            fakeEarlierRun(folder);
        }
        // rerun reads an earlier run and writes into its own folder: the thing is in that one
        Path target = command.equals("rerun") ? tmp.resolve("target") : folder;
        if (command.equals("rerun")) {
            fakeEarlierRun(folder);
        }
        Path planted = plant.into(target);
        Map<String, String> before = snapshot(tmp);

        List<String> args = new ArrayList<>(List.of(command.split(" ")));
        switch (args.get(0)) {
            case "run" -> args.addAll(1, List.of(sweep.toString(), "--out", folder.toString()));
            case "rerun" -> args.addAll(List.of(folder.toString(), "--out", target.toString()));
            default -> args.add(folder.toString());
        }
        assertEquals(2, execute(args.toArray(String[]::new)), err.toString());
        assertOneLine(err.toString());
        assertTrue(err.toString().contains(planted.toString()), err.toString());
        assertEquals(before, snapshot(tmp), "the command changed files");
    }

    /** A folder phasesweep would write its tables straight into, beside the system's or the user's own files. */
    @ParameterizedTest
    @MethodSource("systemFolders")
    void systemFoldersAreRefused(String dir) throws Exception {
        Path sweep = write(tmp.resolve("hazards.yaml"), SWEEP);
        assertEquals(2, execute("run", sweep.toString(), "--out", dir, "--overwrite"));
        assertOneLine(err.toString());
        assertTrue(err.toString().startsWith(dir + ": "), err.toString());
    }

    static Stream<String> systemFolders() {
        return Stream.of("/", "/tmp", "/usr", "/etc/phasesweep", System.getProperty("user.home"), "file:///", "/tmp/..",
                System.getProperty("user.home") + "/x/..");
    }

    /** Read-only commands on a folder that is not phasesweep's, or lacks the table, say so in one line. */
    @ParameterizedTest
    @MethodSource("notAnOutputFolder")
    void readersOfAFolderThatIsNotAnOutputFolderSayOneLine(List<String> args, String start) throws Exception {
        Path plain = Files.createDirectories(tmp.resolve("plain"));
        write(plain.resolve("notes.txt"), "not a phasesweep folder");
        Path earlier = tmp.resolve("earlier");
        fakeEarlierRun(earlier);
        List<String> all = new ArrayList<>();
        for (String a : args) {
            all.add(a.replace("PLAIN", plain.toString()).replace("EARLIER", earlier.toString()));
        }
        assertEquals(2, execute(all.toArray(String[]::new)), err.toString());
        assertOneLine(err.toString());
        String expected = start.replace("PLAIN", plain.toString()).replace("EARLIER", earlier.toString());
        assertTrue(err.toString().startsWith(expected), err.toString());
    }

    static Stream<Arguments> notAnOutputFolder() {
        return Stream.of(
                Arguments.of(List.of("analyze", "PLAIN"), "PLAIN is not a phasesweep output folder (it has no raw table)"),
                Arguments.of(List.of("report", "PLAIN"), "PLAIN is not a phasesweep output folder"),
                Arguments.of(List.of("rerun", "PLAIN"), "PLAIN is not a phasesweep output folder"),
                Arguments.of(List.of("show", "PLAIN"), "PLAIN is not a phasesweep output folder"),
                Arguments.of(List.of("show", "EARLIER", "--limit", "-1"), "--limit: expected a number of rows, 0 or more, got -1"),
                Arguments.of(List.of("show", "EARLIER", "boundaries"), "EARLIER has no boundaries table (phasesweep analyze writes it"),
                Arguments.of(List.of("show", "EARLIER", "x".repeat(10_000)), "unknown table '" + "x".repeat(60) + "...'"));
    }

    /** validate refuses what every point would refuse, as run does with its default time limit. */
    @ParameterizedTest
    @MethodSource("budgetsNoPointRuns")
    void validateRefusesABudgetNoPointRuns(String budget, String message) throws Exception {
        Path sweep = write(tmp.resolve("probe.yaml"), ProbeSweeps.PROBE_SWEEP.replace("draws: 5", budget));
        assertEquals(2, execute("validate", sweep.toString()));
        assertOneLine(err.toString());
        assertEquals(sweep + ": budget.draws: " + message, err.toString().strip());
    }

    static Stream<Arguments> budgetsNoPointRuns() {
        return Stream.of(
                Arguments.of("draws: 2.5", "expected a whole number >= 1, got 2.5 (line 11)"),
                Arguments.of("draws: 1e13", "expected a whole number from 1 to 3600000000000 (no point counts more than 10^9 a second,"
                        + " and its time limit is 3600 s), got 1e13 (line 11)"));
    }

    /** The lock: a second writer into a folder is refused with the holder and how to clear a stale lock. */
    @Test
    void aSecondWriterIsRefusedUntilTheFirstReleasesTheLock() throws Exception {
        String dir = tmp.resolve("out").toString();
        try (OutputFolder first = OutputFolder.prepareLocked(hadoop, dir, OutputFolder.Existing.REFUSE, "first")) {
            Path lock = Path.of(new org.apache.hadoop.fs.Path(first.table(WriterLock.NAME)).toUri().getPath());
            assertTrue(Files.readString(lock).startsWith("pid " + ProcessHandle.current().pid() + " on "), Files.readString(lock));
            // analyze and report too, even before the run has committed a row
            CommandError analyze = assertThrows(CommandError.class, () -> OutputFolder.existingLocked(hadoop, dir, "analyze"));
            assertTrue(analyze.getMessage().contains("is being written by another phasesweep command: pid "), analyze.getMessage());
            for (OutputFolder.Existing mode : OutputFolder.Existing.values()) {
                CommandError e = assertThrows(CommandError.class, () -> OutputFolder.prepareLocked(hadoop, dir, mode, "second"));
                assertTrue(e.getMessage().contains("is being written by another phasesweep command: pid "), e.getMessage());
                assertTrue(e.getMessage().contains(" (first, lock "), e.getMessage());
                assertTrue(e.getMessage().endsWith("; if that command no longer runs, delete " + lock + " and try again"),
                        e.getMessage());
                assertOneLine(e.getMessage());
            }
            assertTrue(Files.exists(lock));
        }
        assertFalse(Files.exists(tmp.resolve("out").resolve(WriterLock.NAME)));
        OutputFolder.prepareLocked(hadoop, dir, OutputFolder.Existing.REFUSE, "third").close();
    }

    /** A stale lock (its command was killed) is named, and honoured until a person deletes it. */
    @Test
    void aStaleLockIsRefusedUntilDeleted() throws Exception {
        Path lock = write(tmp.resolve("out").resolve(WriterLock.NAME),
                "pid 999999 on elsewhere since 2026-01-01T00:00:00Z (phasesweep run x.yaml)\n");
        Path sweep = write(tmp.resolve("hazards.yaml"), SWEEP);
        assertEquals(2, execute("run", sweep.toString(), "--out", tmp.resolve("out").toString()));
        assertOneLine(err.toString());
        assertTrue(err.toString().contains("pid 999999 on elsewhere since 2026-01-01T00:00:00Z (phasesweep run x.yaml); if that command"
                + " no longer runs, delete " + lock + " and try again"), err.toString());
        assertTrue(Files.exists(lock));

        // a holder of this host that has ended is named as such
        Process ended = new ProcessBuilder("true").start();
        ended.waitFor();
        write(lock, "pid " + ended.pid() + " on " + java.net.InetAddress.getLocalHost().getHostName() + " since 2026-01-01T00:00:00Z (x)\n");
        CommandError e = assertThrows(CommandError.class, () -> OutputFolder.prepareLocked(hadoop, tmp.resolve("out").toString(),
                OutputFolder.Existing.REFUSE, "run"));
        assertTrue(e.getMessage().endsWith(" (x), which no longer runs: delete " + lock + " and try again"), e.getMessage());
    }

    /** Two runs into one folder started together: one runs, the other is refused, and no point has two rows. */
    @Test
    void twoConcurrentRunsCannotDoubleARow() throws Exception {
        SparkSession spark = TestSpark.session();
        SweepFile sweep = SweepFile.load(write(tmp.resolve("hazards.yaml"), SWEEP), ModelRegistry.load());
        String dir = tmp.resolve("out").toString();
        CountDownLatch go = new CountDownLatch(1);
        Callable<String> run = () -> {
            go.await();
            try (OutputFolder folder = OutputFolder.prepareLocked(hadoop, dir, OutputFolder.Existing.RESUME, "test run")) {
                new RunJob(spark, 60, new PrintWriter(new StringWriter())).run(sweep, folder, true);
                return "ran";
            } catch (CommandError e) {
                return e.getMessage();
            }
        };
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<String> a = pool.submit(run);
            Future<String> b = pool.submit(run);
            go.countDown();
            List<String> outcomes = Stream.of(a.get(), b.get()).sorted().toList();
            assertEquals("ran", outcomes.get(1), outcomes.toString());
            assertTrue(outcomes.get(0).contains("is being written by another phasesweep command"), outcomes.toString());
        } finally {
            pool.shutdown();
        }
        var raw = spark.read().parquet(dir + "/raw");
        assertEquals(6, raw.count());
        assertEquals(6, raw.select("point").distinct().count());
    }

    /**
     * Rows doubled by an older version's concurrent runs: the current rows keep one per point, and
     * the analysis counts each replica once (the notes say so: the aggregation's reader counts the
     * ok rows it leaves out).
     */
    @Test
    void duplicateOkRowsAreCountedOnce() throws Exception {
        SparkSession spark = TestSpark.session();
        OutputFolder folder = ranSweep(spark);
        spark.read().parquet(folder.table("raw")).limit(2).localCheckpoint()
                .write().mode(SaveMode.Append).parquet(folder.table("raw"));
        assertEquals(8, spark.read().parquet(folder.table("raw")).count());
        assertEquals(6, CurrentRaw.read(spark, folder).rows().count());
        new AnalyzeJob(spark, new PrintWriter(new StringWriter())).run(folder);
        assertEquals(List.of(2), spark.read().parquet(folder.table("points")).select("replicas").distinct()
                .as(org.apache.spark.sql.Encoders.INT()).collectAsList());
    }

    /**
     * The user's own files in an output folder survive every command, and what an analysis derived
     * from raw goes once raw changes: a resumed run without an analysis leaves no stale points or
     * report behind; an overwrite deletes exactly phasesweep's tables and report.
     */
    @Test
    void usersFilesSurviveEveryCommandAndStaleAnswersGo() throws Exception {
        SparkSession spark = TestSpark.session();
        Path dir = tmp.resolve("out");
        Map<String, String> mine = Map.of("mine.txt", "my notes", "notes.md", "more notes", "data/x.csv", "1,2",
                "points.txt", "not a table", "report.html", "my report");
        mine.forEach((name, text) -> write(dir.resolve(name), text));
        SweepFile sweep = SweepFile.load(write(tmp.resolve("hazards.yaml"), SWEEP), ModelRegistry.load());
        PrintWriter log = new PrintWriter(new StringWriter());

        try (OutputFolder folder = OutputFolder.prepareLocked(hadoop, dir.toString(), OutputFolder.Existing.REFUSE, "run")) {
            new RunJob(spark, 60, log).run(sweep, folder, false);
            new AnalyzeJob(spark, log).run(folder);
            Report.write(spark, folder.toString());
        }
        assertMine(dir, mine);
        assertTrue(Files.exists(dir.resolve("points")) && Files.exists(dir.resolve("report").resolve("index.html")));
        try (OutputFolder folder = OutputFolder.existingLocked(hadoop, dir.toString(), "report")) {
            Report.write(spark, folder.toString());
        }
        assertMine(dir, mine);

        // resume a grown sweep without an analysis section: raw changes, nothing re-derives it
        SweepFile grown = SweepFile.load(write(tmp.resolve("grown.yaml"), SWEEP.replace("replicas: 2", "replicas: 3")
                .replaceAll("(?s)analysis:.*", "")), ModelRegistry.load());
        try (OutputFolder folder = OutputFolder.prepareLocked(hadoop, dir.toString(), OutputFolder.Existing.RESUME, "resume")) {
            new RunJob(spark, 60, log).run(grown, folder, true);
        }
        assertMine(dir, mine);
        for (String derived : List.of("points", "boundaries", "exponents", "notes", "report")) {
            assertFalse(Files.exists(dir.resolve(derived)), derived + " outlived the raw rows it came from");
        }

        // rerun of a folder whose latest run was a --resume: compared with the complete sweep
        StringWriter rerunLog = new StringWriter();
        try (OutputFolder target = OutputFolder.prepareLocked(hadoop, tmp.resolve("again").toString(), OutputFolder.Existing.REFUSE, "rerun")) {
            assertEquals(0, Rerun.reproduce(spark, OutputFolder.existing(hadoop, dir.toString()), null, target,
                    new PrintWriter(rerunLog)), rerunLog.toString());
        }
        assertTrue(rerunLog.toString().contains(": 9 rows identical"), rerunLog.toString());

        try (OutputFolder folder = OutputFolder.prepareLocked(hadoop, dir.toString(), OutputFolder.Existing.OVERWRITE, "overwrite")) {
            new RunJob(spark, 60, log).run(sweep, folder, false);
        }
        assertMine(dir, mine);
        assertEquals(6, spark.read().parquet(dir.resolve("raw").toString()).count());
    }

    /** The report page is replaced whole, through a temporary file that does not stay. */
    @Test
    void theReportPageIsReplacedWhole() throws Exception {
        SparkSession spark = TestSpark.session();
        OutputFolder folder = ranSweep(spark);
        new AnalyzeJob(spark, new PrintWriter(new StringWriter())).run(folder);
        Report.write(spark, folder.toString());
        Report.write(spark, folder.toString());
        try (Stream<Path> files = Files.list(tmp.resolve("out").resolve("report"))) {
            assertEquals(List.of("._phasesweep.crc", ".index.html.crc", "_phasesweep", "index.html"),
                    files.map(p -> p.getFileName().toString()).sorted().toList());
        }
    }

    /** A command that fails at run time, as a full disk under Spark's write does. */
    @CommandLine.Command(name = "boom")
    static final class FailingCommand implements Callable<Integer> {
        @Override
        public Integer call() {
            throw new IllegalStateException("Job aborted due to stage failure: Task 0 in stage 3.0 failed\n\tmore detail",
                    new java.io.UncheckedIOException("cannot write", new IOException("No space left on device")));
        }
    }

    /** A failure at run time is one line with the innermost reason, exit code 1; --verbose adds the trace. */
    @Test
    void aFailureAtRunTimeIsOneLineAndExitOne() {
        CommandLine cl = Main.commandLine().addSubcommand(new FailingCommand());
        cl.setErr(new PrintWriter(err, true));
        assertEquals(1, cl.execute("boom"));
        assertEquals("phasesweep boom failed: Job aborted due to stage failure: Task 0 in stage 3.0 failed: No space left on device"
                + " (--verbose shows the trace)", err.toString().strip());
        StringWriter verbose = new StringWriter();
        cl.setErr(new PrintWriter(verbose, true));
        assertEquals(1, cl.execute("boom", "--verbose"));
        assertTrue(verbose.toString().contains("\tat " + FailingCommand.class.getName()), verbose.toString());
    }

    /** Spark refusing to start (a bad --master) is one line and exit code 2; in a JVM of its own, as a user runs it. */
    @Test
    void aBadMasterIsOneLine() throws Exception {
        Path sweep = write(tmp.resolve("probe.yaml"), ProbeSweeps.PROBE_SWEEP);
        Cli cli = Cli.start(tmp, "run", sweep.toString(), "--master", "nonsense://x", "--out", tmp.resolve("out").toString());
        assertEquals(2, cli.exit(), cli.stderr());
        assertOneLine(cli.stderr());
        assertTrue(cli.stderr().startsWith("Spark did not start with --master nonsense://x: "), cli.stderr());
        assertFalse(Files.exists(tmp.resolve("out").resolve(WriterLock.NAME)), "the lock outlived the command");
    }

    /** SIGTERM mid-run: one line, the lock released, the committed waves kept for --resume. */
    @Test
    void aSignalIsOneLineAndReleasesTheLock() throws Exception {
        Path sweep = write(tmp.resolve("probe.yaml"), ProbeSweeps.PROBE_SWEEP.replace("nan_at: 0.2", "pause: 0.4"));
        Path dir = tmp.resolve("out");
        Cli cli = Cli.start(tmp, "run", sweep.toString(), "--master", "local[1]", "--waves", "4", "--out", dir.toString());
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (!Files.readString(cli.stdout).contains("points done") && System.nanoTime() < deadline && cli.process.isAlive()) {
            Thread.sleep(100);
        }
        assertTrue(Files.exists(dir.resolve(WriterLock.NAME)), "no lock while the run works: " + Files.readString(cli.stdout));
        cli.process.destroy();
        assertEquals(143, cli.exit(), cli.stderr());
        assertEquals("phasesweep: stopped by a signal; a run keeps its committed waves (finish it with phasesweep run FILE --resume)",
                cli.stderr().strip());
        assertFalse(Files.exists(dir.resolve(WriterLock.NAME)), "the lock outlived the command");
        // Spark's log lines went to the log file, not the terminal
        assertTrue(Files.exists(tmp.resolve("phasesweep.log")), "no log file");
    }

    /** {@code phasesweep} in a JVM of its own, logging as the launcher sets it up (to a file, not the terminal). */
    private record Cli(Process process, Path stdout, Path stderrFile) {
        static Cli start(Path tmp, String... args) throws IOException {
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "@" + System.getProperty("phasesweep.jvm.options"), "-cp", System.getProperty("java.class.path"),
                    "-Dlog4j2.configurationFile=" + Path.of("..", "conf", "log4j2.properties").toAbsolutePath(),
                    "-Dphasesweep.log=" + tmp.resolve("phasesweep.log"),
                    "-Dspark.ui.enabled=false", "-Dspark.driver.host=127.0.0.1", "-Dspark.driver.bindAddress=127.0.0.1",
                    Main.class.getName()));
            command.addAll(List.of(args));
            Path out = Files.createTempFile(tmp, "stdout", ".txt");
            Path err = Files.createTempFile(tmp, "stderr", ".txt");
            return new Cli(new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start(), out, err);
        }

        int exit() throws InterruptedException {
            assertTrue(process.waitFor(180, java.util.concurrent.TimeUnit.SECONDS), "the command did not end in 180 s");
            return process.exitValue();
        }

        String stderr() throws IOException {
            return Files.readString(stderrFile);
        }
    }

    /**
     * {@code deploy/local-cluster stop} signals a PID of its file only while it is still the JVM it
     * started: a harmless process that took a recorded PID (same PID, other start time or command) lives.
     */
    @Test
    void stopSparesAProcessThatIsNotTheJvmItStarted() throws Exception {
        Process foreign = new ProcessBuilder("sleep", "60").start();
        Process ours = new ProcessBuilder("bash", "-c", "exec -a org.apache.spark.deploy.worker.Worker sleep 60").start();
        try {
            Thread.sleep(300);
            write(tmp.resolve("pids"), foreign.pid() + " Mon Jan  1 00:00:00 2024\n"
                    + foreign.pid() + " " + startedAt(foreign.pid()) + "\n"
                    + ours.pid() + " " + startedAt(ours.pid()) + "\n");
            Process stop = new ProcessBuilder("bash", Path.of("..", "deploy", "local-cluster").toString(), "stop", "--dir", tmp.toString())
                    .redirectErrorStream(true).start();
            String said = new String(stop.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            assertEquals(0, stop.waitFor(), said);
            assertTrue(said.contains("PID " + foreign.pid() + " is no longer the JVM this script started"), said);
            assertTrue(ours.waitFor(10, java.util.concurrent.TimeUnit.SECONDS), "the recorded JVM was not stopped");
            assertTrue(foreign.isAlive(), "stop signalled a process it did not start");
        } finally {
            foreign.destroyForcibly();
            ours.destroyForcibly();
        }
    }

    private static String startedAt(long pid) throws Exception {
        Process ps = new ProcessBuilder("ps", "-o", "lstart=", "-p", Long.toString(pid)).start();
        return new String(ps.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).strip();
    }

    /** The folder {@code out} after a run of {@link #SWEEP}. */
    private OutputFolder ranSweep(SparkSession spark) throws Exception {
        SweepFile sweep = SweepFile.load(write(tmp.resolve("hazards.yaml"), SWEEP), ModelRegistry.load());
        OutputFolder folder = OutputFolder.prepare(hadoop, tmp.resolve("out").toString(), OutputFolder.Existing.REFUSE);
        new RunJob(spark, 60, new PrintWriter(new StringWriter())).run(sweep, folder, false);
        return folder;
    }

    private static void assertMine(Path dir, Map<String, String> mine) throws IOException {
        for (Map.Entry<String, String> f : mine.entrySet()) {
            assertEquals(f.getValue(), Files.readString(dir.resolve(f.getKey())), f.getKey());
        }
    }

    /** An output folder as a run leaves it, as far as the checks before Spark can tell (marked raw and runs). */
    private static void fakeEarlierRun(Path folder) throws IOException {
        for (String table : List.of("raw", "runs")) {
            write(folder.resolve(table).resolve(Ownership.MARKER), "");
            write(folder.resolve(table).resolve("part-00000-1.snappy.parquet"), "rows");
        }
    }

    static void assertOneLine(String text) {
        assertEquals(1, text.strip().lines().count(), text);
        assertFalse(text.contains("\tat "), text);
        assertTrue(text.length() < 600, text);
    }

    private static Path write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            return Files.writeString(file, text);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    /** Every file and folder under {@code dir} with its content. */
    private static Map<String, String> snapshot(Path dir) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.toList()) {
                files.put(dir.relativize(p).toString(), Files.isDirectory(p) ? "/" : Files.readString(p));
            }
        }
        return files;
    }
}
