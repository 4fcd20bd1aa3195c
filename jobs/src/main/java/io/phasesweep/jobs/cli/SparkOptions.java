package io.phasesweep.jobs.cli;

import io.phasesweep.engine.sweep.SweepError;
import io.phasesweep.jobs.CommandError;
import io.phasesweep.jobs.OneLine;
import io.phasesweep.jobs.tables.OutputFolder;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Option;
import scala.Tuple2;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/** The Spark options of every command that starts Spark: {@code --master} and {@code --conf}. */
public final class SparkOptions {
    @Option(names = "--master", paramLabel = "URL",
            description = "Spark master (default: spark.master if set, as by spark-submit, else local[*])")
    String master;

    @Option(names = "--conf", paramLabel = "KEY=VALUE", description = "a Spark setting; repeat as needed")
    Map<String, String> conf = new LinkedHashMap<>();

    /** Settings of the command's own for its session, each unless the user set it (--conf, spark-submit, the defaults file). */
    private final Map<String, String> defaults = new LinkedHashMap<>();

    /** Adds {@code settings} to the session's, each only where the user has not set it. */
    void defaultTo(Map<String, String> settings) {
        defaults.putAll(settings);
    }

    /** Hadoop's settings as Spark will see them: its files on the classpath, then every spark.hadoop.* setting. */
    Configuration hadoopConfiguration() {
        SparkConf spark = new SparkConf();
        conf.forEach(spark::set);
        Configuration hadoop = new Configuration();
        for (Tuple2<String, String> setting : spark.getAllWithPrefix("spark.hadoop.")) {
            hadoop.set(setting._1(), setting._2());
        }
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

    /** What a command readies while its Spark session starts, e.g. its output folder, checked and locked. */
    @FunctionalInterface
    interface Preparation {
        OutputFolder prepare() throws SweepError, CommandError;
    }

    /** What a command does with its Spark session and its prepared folder; its result is the command's exit code. */
    @FunctionalInterface
    interface FolderWork {
        int run(SparkSession spark, OutputFolder folder) throws SweepError, CommandError;
    }

    /**
     * As {@link #withSession}, with Spark started on a thread of its own while {@code prepare} runs on
     * this one: a command's first seconds are class loading, interpretation and compilation on one
     * thread, and a second core can do Spark's part of them meanwhile. The folder is closed, and
     * the session stopped, however the work ends; when {@code prepare} fails, once the session has
     * started.
     */
    int withSessionStartedDuring(String appName, Preparation prepare, FolderWork work) throws SweepError, CommandError {
        FutureTask<SparkSession> starting = new FutureTask<>(() -> start(appName));
        Thread starter = new Thread(starting, "spark-start");
        starter.setDaemon(true);
        starter.start();
        OutputFolder prepared;
        try {
            prepared = prepare.prepare();
        } catch (SweepError | CommandError | RuntimeException | Error e) {
            try {
                started(starting).stop();
            } catch (CommandError | RuntimeException startFailed) {
                e.addSuppressed(startFailed);
            }
            throw e;
        }
        try (OutputFolder folder = prepared) {
            SparkSession spark = started(starting);
            try {
                return work.run(spark, folder);
            } finally {
                spark.stop();
            }
        }
    }

    /** The session {@code starting} started, or why it did not. */
    private static SparkSession started(FutureTask<SparkSession> starting) throws CommandError {
        try {
            return starting.get();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof CommandError c) {
                throw c;
            }
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException("Spark did not start", cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while Spark started", e);
        }
    }

    /**
     * An explicit --master wins; otherwise spark-submit's spark.master; otherwise all local cores.
     * Spark refusing to start is nearly always a setting the user gave: one line, exit code 2.
     */
    private SparkSession start(String appName) throws CommandError {
        SparkSession.Builder builder = SparkSession.builder().appName(appName);
        // the settings given by system properties: spark-submit's and the launcher's defaults file
        SparkConf given = new SparkConf();
        if (master != null) {
            builder.master(master);
        } else if (!given.contains("spark.master") && !conf.containsKey("spark.master")) {
            builder.master("local[*]");
        }
        defaults.forEach((key, value) -> {
            if (!conf.containsKey(key) && !given.contains(key)) {
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
}
