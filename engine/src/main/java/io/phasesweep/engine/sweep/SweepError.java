package io.phasesweep.engine.sweep;

/**
 * A sweep file that cannot be used, with one line a person can act on:
 * {@code ising.yaml: axes.T.steps: expected a positive integer, got -3}. The command line prints
 * {@link #getMessage()} alone and exits with code 2.
 *
 * @see #getFile() the file as the user named it
 * @see #getField() the dotted field path, or "" for the file as a whole
 */
public final class SweepError extends Exception {
    private final String file;
    private final String field;

    public SweepError(String file, String field, String problem) {
        super(file + ": " + (field.isEmpty() ? "" : field + ": ") + problem, null, false, false);
        this.file = file;
        this.field = field;
    }

    public String getFile() {
        return file;
    }

    public String getField() {
        return field;
    }
}
