package io.phasesweep.jobs;

import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;

/**
 * The command line in a JVM of its own, as the launcher starts it (Spark's JVM options, the test
 * classpath, the driver on 127.0.0.1, no UI): for a run with another master or heap than this
 * JVM's one SparkSession.
 */
public final class MainProcess {
    private MainProcess() {
    }

    /**
     * Starts {@code Main args} with its output and errors in {@code log}.
     *
     * @param jvmOptions more JVM options, e.g. a heap size
     */
    public static Process start(Path log, List<String> jvmOptions, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
                "@" + System.getProperty("phasesweep.jvm.options")));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"),
                "-Dspark.ui.enabled=false", "-Dspark.driver.host=127.0.0.1", "-Dspark.driver.bindAddress=127.0.0.1",
                Main.class.getName()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }
}
