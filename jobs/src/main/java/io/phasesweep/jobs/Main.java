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
import org.apache.logging.log4j.LogManager;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine;

import java.io.PrintWriter;

/**
 * {@code phasesweep}: the command line. A sweep file or option the user must fix ends the command
 * with its one-line message on stderr and exit code 2; a usage error also exits with 2. A failure at
 * run time (Spark, the file system, a full disk) ends it with one line and exit code 1, the trace
 * going to the log file ({@code -Dphasesweep.log}, set by the launcher) or, with {@code --verbose},
 * to stderr.
 */
@Command(name = "phasesweep", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Parameter sweeps on Spark for finite-size-scaling studies of phase transitions.",
        subcommands = {RunCommand.class, AnalyzeCommand.class, ValidateCommand.class, ModelsCommand.class,
                ReportCommand.class, ShowCommand.class, RerunCommand.class, SchemaCommand.class})
public final class Main {
    /** Exit code for a sweep file or option the user must fix. */
    static final int USER_ERROR = 2;

    /** Exit code for a failure at run time (Spark, the file system, a full disk). */
    static final int FAILURE = 1;
    /** Set by the launcher: the log file that gets Spark's log lines and every failure's trace. */
    static final String LOG_FILE_PROPERTY = "phasesweep.log";

    /** Read from the parsed arguments: an inherited option may follow any subcommand. */
    @Option(names = "--verbose", scope = CommandLine.ScopeType.INHERIT,
            description = "on a failure, print the full stack trace as well as the one-line message")
    boolean verbose;

    public static void main(String[] args) {
        CompilerDirectives.installInBackground();
        Signals.install(System.err);
        int code;
        try {
            code = commandLine().execute(args);
        } finally {
            // also when an Error ends the command: the JVM's end is then not a signal's
            Signals.finished();
        }
        System.exit(code);
    }

    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Main());
        cl.setExecutionExceptionHandler((e, cmd, parsed) -> {
            if (e instanceof SweepError || e instanceof CommandError) {
                cmd.getErr().println(e.getMessage());
                cmd.getErr().flush();
                return USER_ERROR;
            }
            if (!Signals.stopping()) {
                failure(e, cmd, parsed.expandedArgs().contains("--verbose"));
            }
            return FAILURE;
        });
        return cl;
    }

    /**
     * One line that says what failed; the trace to the log file when there is one (without it,
     * logging would print it on the terminal), and to stderr with --verbose.
     */
    private static void failure(Exception e, CommandLine cmd, boolean verbose) {
        String log = System.getProperty(LOG_FILE_PROPERTY);
        if (log != null) {
            LogManager.getLogger(Main.class).error("phasesweep " + cmd.getCommandName() + " failed", e);
        }
        PrintWriter err = cmd.getErr();
        err.println("phasesweep " + cmd.getCommandName() + " failed: " + OneLine.of(e)
                + (verbose ? "" : log != null ? " (the trace is in " + log + ")" : " (--verbose shows the trace)"));
        if (verbose) {
            e.printStackTrace(err);
        }
        err.flush();
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            BuildInfo b = BuildInfo.load();
            return new String[] {"phasesweep " + b.version() + " (" + b.gitCommit() + ")"};
        }
    }
}
