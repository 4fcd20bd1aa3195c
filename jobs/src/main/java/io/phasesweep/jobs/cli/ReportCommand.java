package io.phasesweep.jobs.cli;

import io.phasesweep.engine.sweep.SweepError;
import io.phasesweep.jobs.CommandError;
import io.phasesweep.jobs.report.Report;
import io.phasesweep.jobs.tables.OutputFolder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/** {@code phasesweep report OUTDIR}: writes OUTDIR/report/index.html from the folder's tables. */
@Command(name = "report", description = "Write OUTDIR/report/index.html (one self-contained page: charts and tables)"
        + " from the tables of an analysed output folder.")
public final class ReportCommand implements Callable<Integer> {
    @Parameters(paramLabel = "OUTDIR", description = "output folder of an analysed run, any Hadoop path")
    String dir;

    @Mixin
    SparkOptions sparkOptions;

    @Spec
    CommandSpec command;

    @Override
    public Integer call() throws SweepError, CommandError {
        sparkOptions.initialiseReflectionAhead();
        try (OutputFolder folder = OutputFolder.existingLocked(sparkOptions.hadoopConfiguration(), dir, "phasesweep report")) {
            return sparkOptions.withSession("phasesweep report " + dir, spark -> {
                command.commandLine().getOut().printf("report: %s%n", Report.write(spark, folder.toString())).flush();
                return 0;
            });
        }
    }
}
