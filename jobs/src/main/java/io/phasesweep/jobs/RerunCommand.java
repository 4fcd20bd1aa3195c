package io.phasesweep.jobs;

import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

/** {@code phasesweep rerun OUTDIR}: runs a recorded sweep again into a new folder and compares the rows. */
@Command(name = "rerun", description = "Run the sweep of a recorded run again (its text from the runs table) into a new"
        + " folder and compare the rows; exit code 1 when they differ.")
final class RerunCommand implements Callable<Integer> {
    @Parameters(paramLabel = "OUTDIR", description = "output folder of the run to reproduce")
    String dir;

    @Option(names = "--run", paramLabel = "RUN_ID", description = "which run (default: the latest)")
    String runId;

    @Option(names = "--out", paramLabel = "DIR", description = "where the reproduction goes (default: OUTDIR-rerun)")
    String out;

    @Mixin
    SparkOptions sparkOptions;

    @Spec
    CommandSpec command;

    @Override
    public Integer call() throws CommandError {
        PrintWriter log = command.commandLine().getOut();
        SparkSession spark = sparkOptions.start("phasesweep rerun " + dir);
        try {
            String target = out != null ? out : dir.replaceAll("/+$", "") + "-rerun";
            return reproduce(spark, dir, runId, target, log) == 0 ? 0 : 1;
        } finally {
            spark.stop();
        }
    }

    /** Runs the recorded sweep into {@code target}; returns the number of differing rows. */
    static long reproduce(SparkSession spark, String dir, String runId, String target, PrintWriter log)
            throws CommandError {
        Rerun.Recorded original = Rerun.recorded(spark, dir, runId);
        OutputFolder folder = OutputFolder.prepare(spark.sparkContext().hadoopConfiguration(), target, OutputFolder.Existing.REFUSE);
        RunSummary run = new RunJob(spark, Rerun.TIME_LIMIT_SECONDS, log).run(original.sweep(), folder, false);
        long differ = Rerun.differences(spark, dir + "/raw", original.runId(), folder.table("raw"), run.runId());
        log.printf("rerun of %s into %s: %s%n", original.runId(), target, differ == 0
                ? run.total() + " rows identical (all columns but " + String.join(", ", Rerun.MAY_DIFFER) + ")"
                : differ + " rows differ").flush();
        return differ;
    }
}
