package io.phasesweep.jobs;

import org.apache.hadoop.util.ShutdownHookManager;

import java.io.PrintStream;
import java.util.concurrent.TimeUnit;

/**
 * Ctrl-C or SIGTERM while a command works: one line on stderr instead of the stack traces of every
 * Spark thread that the shutdown interrupts. The JVM runs its shutdown hooks (Spark stops its
 * context, the writer lock is released, Hadoop closes its file systems) and ends with the
 * signal's exit code (130, 143); committed waves of {@code raw} are kept for {@code --resume}.
 */
final class Signals {
    /** Before Spark's own hook (priority 30 in Hadoop's manager), so the line comes first. */
    private static final int PRIORITY = 100;
    /** Time the hook may take (it prints a line): Hadoop's default for a hook is 30 s. */
    private static final long HOOK_SECONDS = 10;
    private static volatile boolean finished;
    private static volatile boolean stopping;

    private Signals() {
    }

    /**
     * From {@code main}: a shutdown that comes before {@link #finished} is a signal. The hook's
     * time limit is given: without one, Hadoop reads its default from a new {@code Configuration},
     * parsing core-default.xml on the main thread before the command has begun.
     */
    static void install(PrintStream err) {
        ShutdownHookManager.get().addShutdownHook(() -> {
            if (!finished) {
                stopping = true;
                err.println("phasesweep: stopped by a signal; a run keeps its committed waves"
                        + " (finish it with phasesweep run FILE --resume)");
                err.flush();
            }
        }, PRIORITY, HOOK_SECONDS, TimeUnit.SECONDS);
    }

    static void finished() {
        finished = true;
    }

    /** Whether the JVM is stopping on a signal: failures that follow are its echoes, not news. */
    static boolean stopping() {
        return stopping;
    }
}
