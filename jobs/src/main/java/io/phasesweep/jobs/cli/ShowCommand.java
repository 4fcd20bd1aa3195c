package io.phasesweep.jobs.cli;

import io.phasesweep.engine.sweep.SweepError;
import io.phasesweep.jobs.CommandError;
import io.phasesweep.jobs.show.ShowTable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/** {@code phasesweep show OUTDIR [TABLE]}: one table in the terminal, or as CSV or JSON lines. */
@Command(name = "show", description = "Print a table of an output folder: aligned columns (long text trimmed),"
        + " or --csv / --json (one object per line).")
public final class ShowCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "OUTDIR", description = "output folder, any Hadoop path")
    String dir;

    @Parameters(index = "1", arity = "0..1", paramLabel = "TABLE", defaultValue = "points",
            description = "raw, points, boundaries, exponents, notes or runs (default: ${DEFAULT-VALUE})")
    String table;

    @ArgGroup
    Machine machine;

    static final class Machine {
        @Option(names = "--csv", description = "CSV with a header line, every row, full precision")
        boolean csv;

        @Option(names = "--json", description = "JSON lines: one object per row, every row")
        boolean json;
    }

    @Option(names = "--limit", paramLabel = "N", defaultValue = "50", description = "rows of the text view (default: ${DEFAULT-VALUE})")
    int limit;

    @Mixin
    SparkOptions sparkOptions;

    @Spec
    CommandSpec command;

    @Override
    public Integer call() throws SweepError, CommandError {
        sparkOptions.initialiseReflectionAhead();
        ShowTable.Format format = machine == null ? ShowTable.Format.TEXT
                : machine.csv ? ShowTable.Format.CSV : ShowTable.Format.JSON;
        ShowTable.check(sparkOptions.hadoopConfiguration(), dir, table, limit);
        return sparkOptions.withSession("phasesweep show " + dir, spark -> {
            ShowTable.print(spark, dir, table, format, limit, command.commandLine().getOut());
            return 0;
        });
    }
}
