package io.phasesweep.jobs.cli;

import io.phasesweep.engine.sweep.SweepError;
import io.phasesweep.jobs.CommandError;
import io.phasesweep.jobs.OneLine;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Option;

import java.util.LinkedHashMap;
import java.util.Map;

/** The Spark options of every command that starts Spark: {@code --master} and {@code --conf}. */
public final class SparkOptions {
    @Option(names = "--master", paramLabel = "URL",
            description = "Spark master (default: spark.master if set, as by spark-submit, else local[*])")
    String master;

    @Option(names = "--conf", paramLabel = "KEY=VALUE", description = "a Spark setting; repeat as needed")
    Map<String, String> conf = new LinkedHashMap<>();

    /** Settings of the command's own for its session, each unless the user set it (--conf, spark-submit, the defaults file). */
    private final Map<String, String> defaults = new LinkedHashMap<>();

    /** The thread initialising Scala's runtime reflection ahead of Spark, if the command started one. */
    private Thread reflection;

    /** Adds {@code settings} to the session's, each only where the user has not set it. */
    void defaultTo(Map<String, String> settings) {
        defaults.putAll(settings);
    }

    /**
     * Initialises Scala's runtime reflection on a daemon thread of its own while the command reads
     * its sweep and checks and locks its output folder, all before Spark starts: the first
     * {@code SparkSession.builder()} needs it and waits for it otherwise, and it is most of that
     * call's time (without the launcher's class archive 0.8-0.9 s of CPU of 0.85-0.95 s, load 11;
     * 0.5 s of a one-point sweep's start at load 8 with it, docs/benchmarks.md). Class initialisation
     * only: nothing starts, and a command refused before Spark starts exits without waiting for it.
     * The command's own thread touches no Scala class until {@link #withSession} has joined this
     * thread (the settings below are read without {@code SparkConf}): two threads initialising
     * classes that refer to each other can deadlock on their class-initialisation locks, a hang no
     * timeout ends. Called first by every command that starts Spark.
     */
    void initialiseReflectionAhead() {
        // a lambda, not a bound method reference: that would read MODULE$, initialising the package
        // object, on this thread
        reflection = new Thread(() -> scala.reflect.runtime.package$.MODULE$.universe(), "scala-reflection");
        reflection.setDaemon(true);
        reflection.start();
    }

    /**
     * Whether the user set {@code key}: by --conf, or as a system property (spark-submit's, the
     * launcher's defaults file), where {@code SparkConf} reads its settings from.
     */
    boolean userSets(String key) {
        return conf.containsKey(key) || isSparkSystemProperty(key);
    }

    private static boolean isSparkSystemProperty(String key) {
        return key.startsWith("spark.") && System.getProperty(key) != null;
    }

    /**
     * Hadoop's settings as Spark will see them: its files on the classpath, then every
     * spark.hadoop.* setting (system properties, then --conf, as {@code SparkConf} orders them).
     */
    Configuration hadoopConfiguration() {
        Map<String, String> settings = new LinkedHashMap<>();
        for (String key : System.getProperties().stringPropertyNames()) {
            if (isSparkSystemProperty(key)) {
                settings.put(key, System.getProperty(key));
            }
        }
        settings.putAll(conf);
        Configuration hadoop = new Configuration();
        String prefix = "spark.hadoop.";
        settings.forEach((key, value) -> {
            if (key.startsWith(prefix)) {
                hadoop.set(key.substring(prefix.length()), value);
            }
        });
        return hadoop;
    }

    /** What a command does with its Spark session; its result is the command's exit code. */
    @FunctionalInterface
    interface SparkWork {
        int run(SparkSession spark) throws SweepError, CommandError;
    }

    /**
     * The one place a command's Spark session lives: started here, handed to {@code work}, stopped
     * however the work ends.
     */
    int withSession(String appName, SparkWork work) throws SweepError, CommandError {
        SparkSession spark = start(appName);
        try {
            return work.run(spark);
        } finally {
            spark.stop();
        }
    }

    /**
     * An explicit --master wins; otherwise spark-submit's spark.master; otherwise all local cores.
     * Spark refusing to start is nearly always a setting the user gave: one line, exit code 2.
     */
    private SparkSession start(String appName) throws CommandError {
        awaitReflection();
        SparkSession.Builder builder = SparkSession.builder().appName(appName);
        if (master != null) {
            builder.master(master);
        } else if (!userSets("spark.master")) {
            builder.master("local[*]");
        }
        defaults.forEach((key, value) -> {
            if (!userSets(key)) {
                builder.config(key, value);
            }
        });
        conf.forEach(builder::config);
        try {
            return builder.getOrCreate();
        } catch (Exception e) {
            // Scala throws checked exceptions undeclared: SparkException for a bad master URL
            throw new CommandError("Spark did not start" + (master != null ? " with --master " + OneLine.prefix(master) : "")
                    + (conf.isEmpty() ? "" : " and the --conf settings") + ": " + OneLine.of(e));
        }
    }

    /** Waits for the reflection thread, if any: from here on this thread initialises Scala classes. */
    private void awaitReflection() {
        if (reflection == null) {
            return;
        }
        boolean interrupted = false;
        while (reflection.isAlive()) {
            try {
                reflection.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
