package io.phasesweep.jobs;

/**
 * A problem the user can fix that is not in the sweep file (an output folder that holds an earlier
 * run or cannot be written, a bad option value): one line on stderr, exit code 2, no stack trace.
 */
public final class CommandError extends Exception {
    private static final long serialVersionUID = 1L;

    public CommandError(String message) {
        super(message, null, false, false);
    }
}
