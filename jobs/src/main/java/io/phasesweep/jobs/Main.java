package io.phasesweep.jobs;

import io.phasesweep.engine.sweep.SweepError;
import io.phasesweep.jobs.cli.AnalyzeCommand;
import io.phasesweep.jobs.cli.ModelsCommand;
import io.phasesweep.jobs.cli.ReportCommand;
import io.phasesweep.jobs.cli.RerunCommand;
import io.phasesweep.jobs.cli.RunCommand;
import io.phasesweep.jobs.cli.SchemaCommand;
import io.phasesweep.jobs.cli.ShowCommand;
import io.phasesweep.jobs.cli.ValidateCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine;

/**
 * {@code phasesweep}: the command line. A sweep file or option the user must fix ends the command
 * with its one-line message on stderr and exit code 2; a usage error also exits with 2.
 */
@Command(name = "phasesweep", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Parameter sweeps on Spark for finite-size-scaling studies of phase transitions.",
        subcommands = {RunCommand.class, AnalyzeCommand.class, ValidateCommand.class, ModelsCommand.class,
                ReportCommand.class, ShowCommand.class, RerunCommand.class, SchemaCommand.class})
public final class Main {
    /** Exit code for a sweep file or option the user must fix. */
    static final int USER_ERROR = 2;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Main());
        cl.setExecutionExceptionHandler((e, cmd, parsed) -> {
            if (e instanceof SweepError || e instanceof CommandError) {
                cmd.getErr().println(e.getMessage());
                cmd.getErr().flush();
                return USER_ERROR;
            }
            throw e;
        });
        return cl;
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            BuildInfo b = BuildInfo.load();
            return new String[] {"phasesweep " + b.version() + " (" + b.gitCommit() + ")"};
        }
    }
}
