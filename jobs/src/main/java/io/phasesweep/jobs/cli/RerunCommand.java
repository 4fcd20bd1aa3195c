package io.phasesweep.jobs.cli;

import io.phasesweep.engine.sweep.SweepError;
import io.phasesweep.jobs.CommandError;
import io.phasesweep.jobs.spark.Rerun;
import io.phasesweep.jobs.tables.OutputFolder;
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
public final class RerunCommand implements Callable<Integer> {
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
    public Integer call() throws SweepError, CommandError {
        sparkOptions.initialiseReflectionAhead();
        PrintWriter log = command.commandLine().getOut();
        String target = out != null ? out : dir.replaceAll("/+$", "") + "-rerun";
        OutputFolder original = OutputFolder.existing(sparkOptions.hadoopConfiguration(), dir);
        try (OutputFolder folder = OutputFolder.prepareLocked(sparkOptions.hadoopConfiguration(), target,
                OutputFolder.Existing.REFUSE, "phasesweep rerun " + dir)) {
            return sparkOptions.withSession("phasesweep rerun " + dir,
                    spark -> Rerun.reproduce(spark, original, runId, folder, log) == 0 ? 0 : 1);
        }
    }
}
