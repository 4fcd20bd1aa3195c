package io.phasesweep.jobs.cli;

import io.phasesweep.engine.sweep.SweepError;
import io.phasesweep.jobs.CommandError;
import io.phasesweep.jobs.spark.AnalyzeJob;
import io.phasesweep.jobs.spark.InterpretedQueries;
import io.phasesweep.jobs.tables.OutputFolder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/** {@code phasesweep analyze OUTDIR}: re-analyses the rows of earlier runs, without running anything. */
@Command(name = "analyze", description = "Analyse an output folder's raw rows again; overwrite the points,"
        + " boundaries and exponents tables (Parquet).")
public final class AnalyzeCommand implements Callable<Integer> {
    @Parameters(paramLabel = "OUTDIR", description = "output folder of earlier runs, any Hadoop path")
    String dir;

    @Mixin
    SparkOptions sparkOptions;

    @Spec
    CommandSpec command;

    @Override
    public Integer call() throws SweepError, CommandError {
        sparkOptions.initialiseReflectionAhead();
        // the sweep's size is known once the runs table is read (AnalyzeJob): until then, small queries
        sparkOptions.defaultTo(InterpretedQueries.atStart(0, sparkOptions::userSets));
        try (OutputFolder folder = OutputFolder.existingLocked(sparkOptions.hadoopConfiguration(), dir, "phasesweep analyze")) {
            return sparkOptions.withSession("phasesweep analyze " + dir, spark -> {
                new AnalyzeJob(spark, command.commandLine().getOut()).run(folder);
                return 0;
            });
        }
    }
}
