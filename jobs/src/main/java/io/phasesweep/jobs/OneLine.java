package io.phasesweep.jobs;

/**
 * An exception as one line a person can read: the message of its innermost cause that has one
 * (Spark and Hadoop wrap the real reason several layers deep), first line only, at most
 * {@value #MAX} characters.
 */
public final class OneLine {
    static final int MAX = 300;
    static final int PREFIX = 60;

    private OneLine() {
    }

    /** A value the user gave, shown in a message: its first {@value #PREFIX} characters. */
    public static String prefix(String value) {
        return value.length() <= PREFIX ? value : value.substring(0, PREFIX) + "...";
    }

    public static String of(Throwable e) {
        String message = null;
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                message = t.getMessage();
            }
        }
        if (message == null) {
            return e.getClass().getSimpleName();
        }
        String line = message.strip().lines().findFirst().orElse("");
        return line.length() <= MAX ? line : line.substring(0, MAX) + "...";
    }
}
