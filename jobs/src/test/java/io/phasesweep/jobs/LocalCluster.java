package io.phasesweep.jobs;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/**
 * A Spark standalone cluster for the integration tests, started and stopped with
 * {@code deploy/local-cluster} and used with {@code deploy/submit}, exactly as a user does. Spark's
 * jars are this test JVM's own classpath (linked into a SPARK_HOME), and the job jars are built from
 * the compiled classes: the jobs classes as the application jar, the engine's and the tests' (with
 * the probe model) as {@code --jars}.
 */
public final class LocalCluster implements AutoCloseable {
    private static final Path ROOT = Paths.get(System.getProperty("phasesweep.root"));

    private final Path dir;
    private final Path sparkHome;
    private final Path jobJar;
    private final List<Path> extraJars;
    private final String url;
    private final List<Process> submits = new ArrayList<>();

    private LocalCluster(Path dir, Path sparkHome, Path jobJar, List<Path> extraJars, String url) {
        this.dir = dir;
        this.sparkHome = sparkHome;
        this.jobJar = jobJar;
        this.extraJars = extraJars;
        this.url = url;
    }

    /** Starts a master and {@code workers} workers of one core and 512 MB each under {@code dir}. */
    static LocalCluster start(Path dir, int workers) throws IOException, InterruptedException {
        Path jars = Files.createDirectories(dir.resolve("spark-home").resolve("jars"));
        Path appJar = null;
        List<Path> extra = new ArrayList<>();
        int folders = 0;
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Path p = Paths.get(entry);
            if (Files.isDirectory(p)) {
                Path jar = jar(p, dir.resolve("classes-" + folders++ + ".jar"));
                if (Files.exists(p.resolve(Main.class.getName().replace('.', '/') + ".class"))) {
                    appJar = jar;
                } else {
                    extra.add(jar);
                }
            } else if (p.getFileName().toString().startsWith("phasesweep-")) {
                // the engine from the local Maven repository (a build of the jobs module alone): a
                // copy, as another build may install over it while the cluster runs
                extra.add(Files.copy(p, dir.resolve(p.getFileName())));
            } else if (entry.endsWith(".jar") && Files.exists(p)) {
                Path link = jars.resolve(p.getFileName());
                if (!Files.exists(link)) {
                    Files.createSymbolicLink(link, p.toAbsolutePath());
                }
            }
        }
        if (appJar == null) {
            throw new IllegalStateException("the jobs classes are not a folder on the test classpath");
        }
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        Path clusterDir = dir.resolve("cluster");
        Process start = script("local-cluster", dir.resolve("spark-home"), "start", "--workers", String.valueOf(workers),
                "--cores", "1", "--memory", "512m", "--port", String.valueOf(port), "--ui-port", "0",
                "--dir", clusterDir.toString())
                .redirectOutput(ProcessBuilder.Redirect.PIPE)
                .redirectError(dir.resolve("local-cluster-start.log").toFile()).start();
        String out = new String(start.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        LocalCluster cluster = new LocalCluster(clusterDir, dir.resolve("spark-home"), appJar, extra, out);
        if (!start.waitFor(120, TimeUnit.SECONDS) || start.exitValue() != 0) {
            cluster.close();
            throw new IllegalStateException("local-cluster start failed: "
                    + Files.readString(dir.resolve("local-cluster-start.log")));
        }
        return cluster;
    }

    String url() {
        return url;
    }

    /** PIDs of the master, then the workers. */
    List<Long> pids() throws IOException {
        // a line is "PID start-time"
        return Files.readAllLines(dir.resolve("pids")).stream().map(l -> Long.parseLong(l.split(" ")[0])).toList();
    }

    /** Kills worker {@code i} (1-based) with SIGKILL, as a machine that dies. */
    void killWorker(int i) throws IOException {
        ProcessHandle.of(pids().get(i)).orElseThrow().destroyForcibly();
    }

    /** Where a submit's Spark log lines go (deploy/submit's log file): beside its output. */
    static Path sparkLog(Path log) {
        return log.resolveSibling(log.getFileName() + ".spark");
    }

    /** Starts {@code deploy/submit --master URL ... -- args} with its output in {@code log}. */
    Process submit(Path log, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of("--master", url,
                "--jars", String.join(",", extraJars.stream().map(Path::toString).toList()),
                "--executor-memory", "512m", "--conf", "spark.ui.enabled=false", "--"));
        command.addAll(List.of(args));
        ProcessBuilder pb = script("submit", sparkHome, command.toArray(String[]::new));
        pb.environment().put("PHASESWEEP_JOB_JAR", jobJar.toString());
        pb.environment().put("PHASESWEEP_LOG", sparkLog(log).toString());
        Process p = pb.redirectErrorStream(true).redirectOutput(log.toFile()).start();
        submits.add(p);
        return p;
    }

    /** Stops every process this cluster started: submits still running, then the master and workers. */
    @Override
    public void close() throws IOException {
        for (Process p : submits) {
            p.destroyForcibly();
        }
        try {
            script("local-cluster", sparkHome, "stop", "--dir", dir.toString())
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start()
                    .waitFor(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            // a closing resource must not swallow an interrupt: keep it for the caller
            Thread.currentThread().interrupt();
        }
    }

    private static ProcessBuilder script(String name, Path sparkHome, String... args) {
        List<String> command = new ArrayList<>(List.of(ROOT.resolve("deploy").resolve(name).toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(ROOT.toFile());
        pb.environment().put("SPARK_HOME", sparkHome.toString());
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        return pb;
    }

    /** A jar of the files under {@code classes}. */
    private static Path jar(Path classes, Path jar) throws IOException {
        try (OutputStream file = Files.newOutputStream(jar);
             JarOutputStream out = new JarOutputStream(file);
             Stream<Path> files = Files.walk(classes)) {
            for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                out.putNextEntry(new JarEntry(classes.relativize(f).toString().replace(File.separatorChar, '/')));
                Files.copy(f, out);
                out.closeEntry();
            }
        }
        return jar;
    }
}
