package io.phasesweep.jobs;

import io.phasesweep.engine.sweep.SweepError;
import picocli.CommandLine;
import picocli.CommandLine.Command;

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

    static CommandLine commandLine() {
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
