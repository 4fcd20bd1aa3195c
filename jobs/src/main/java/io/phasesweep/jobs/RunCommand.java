package io.phasesweep.jobs;

import io.phasesweep.engine.model.ModelRegistry;
import io.phasesweep.engine.sweep.SweepError;
import io.phasesweep.engine.sweep.SweepParser;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import scala.Tuple2;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code phasesweep run FILE}: runs every point of a sweep on Spark and writes {@code raw} and {@code runs}. */
@Command(name = "run", description = "Run a sweep on Spark; write the raw and runs tables (Parquet).")
final class RunCommand implements Callable<Integer> {
    @Parameters(paramLabel = "FILE", description = "the sweep file (YAML)")
    Path file;

    @Option(names = "--out", paramLabel = "DIR", description = "output folder, any Hadoop path (default: out/<sweep name>)")
    String out;

    @Option(names = "--master", paramLabel = "URL",
            description = "Spark master (default: spark.master if set, as by spark-submit, else local[*])")
    String master;

    @Option(names = "--conf", paramLabel = "KEY=VALUE", description = "a Spark setting; repeat as needed")
    Map<String, String> conf = new LinkedHashMap<>();

    @Option(names = "--time-limit", paramLabel = "SECONDS", defaultValue = "3600",
            description = "time limit per point unless the sweep's budget sets time_limit (default: ${DEFAULT-VALUE})")
    double timeLimit;

    @Option(names = "--overwrite", description = "delete the tables of an earlier run in the output folder first")
    boolean overwrite;

    @Option(names = "--resume", description = "keep the earlier runs' rows in the output folder; run only the points"
            + " without an ok row (missing, failed or timed out)")
    boolean resume;

    @Option(names = "--waves", paramLabel = "N", defaultValue = "10",
            description = "write raw in up to N waves, each committed when done, so a stopped run keeps its finished"
                    + " waves for --resume (default: ${DEFAULT-VALUE})")
    int waves;

    @Option(names = "--max-points", paramLabel = "N", defaultValue = "1000000",
            description = "refuse a sweep of more points than this (default: ${DEFAULT-VALUE})")
    long maxPoints;

    @Spec
    CommandSpec command;

    @Override
    public Integer call() throws SweepError, CommandError {
        if (maxPoints < 1) {
            throw new CommandError("--max-points: expected a positive integer, got " + maxPoints);
        }
        SweepFile sweep = SweepFile.load(file, ModelRegistry.load(), SweepParser.Limits.DEFAULT.withMaxPoints(maxPoints));
        if (!(timeLimit > 0)) {
            throw new CommandError("--time-limit: expected a positive number of seconds, got " + timeLimit);
        }
        if (waves < 1) {
            throw new CommandError("--waves: expected a positive integer, got " + waves);
        }
        if (overwrite && resume) {
            throw new CommandError("--overwrite and --resume: choose one");
        }
        OutputFolder.Existing existing = overwrite ? OutputFolder.Existing.OVERWRITE
                : resume ? OutputFolder.Existing.RESUME : OutputFolder.Existing.REFUSE;
        String dir = out != null ? out : "out/" + sweep.spec().name();
        // before Spark starts: a folder that cannot be used costs no Spark start-up
        OutputFolder folder = OutputFolder.prepare(hadoopConfiguration(), dir, existing);
        PrintWriter log = command.commandLine().getOut();
        SparkSession spark = start("phasesweep " + sweep.spec().name());
        try {
            log.printf("Spark %s, master %s%n", spark.version(), spark.sparkContext().master());
            RunSummary run = new RunJob(spark, timeLimit, waves, log).run(sweep, folder, resume);
            log.printf("%d points: %d ok, %d failed, %d timeout%n", run.total(), run.ok(), run.failed(), run.timeout());
            log.printf("tables: %s (run_id %s)%n        %s%n", folder.table("raw"), run.runId(), folder.table("runs"));
            log.flush();
            return 0;
        } finally {
            spark.stop();
        }
    }

    /** Hadoop's settings as Spark will see them: its files on the classpath, then every spark.hadoop.* setting. */
    private Configuration hadoopConfiguration() {
        SparkConf spark = new SparkConf();
        conf.forEach(spark::set);
        Configuration hadoop = new Configuration();
        for (Tuple2<String, String> setting : spark.getAllWithPrefix("spark.hadoop.")) {
            hadoop.set(setting._1(), setting._2());
        }
        return hadoop;
    }

    /** An explicit --master wins; otherwise spark-submit's spark.master; otherwise all local cores. */
    private SparkSession start(String appName) {
        SparkSession.Builder builder = SparkSession.builder().appName(appName);
        if (master != null) {
            builder.master(master);
        } else if (!new SparkConf().contains("spark.master") && !conf.containsKey("spark.master")) {
            builder.master("local[*]");
        }
        conf.forEach(builder::config);
        return builder.getOrCreate();
    }
}
