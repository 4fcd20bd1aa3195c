package io.phasesweep.jobs;

/**
 * Messages as one line a person can read, of bounded length: an exception as its own message and
 * that of its innermost cause (Spark and Hadoop wrap the real reason, e.g. "No space left on
 * device", several layers deep), first lines only, at most {@value #MAX} characters; a value the
 * user gave as a short prefix.
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
        String outer = firstLine(e);
        Throwable innermost = e;
        for (Throwable t = e.getCause(); t != null && t != innermost; t = t.getCause()) {
            innermost = t;
        }
        String inner = firstLine(innermost);
        String line = outer.contains(inner) ? outer : inner.contains(outer) ? inner : outer + ": " + inner;
        return line.length() <= MAX ? line : line.substring(0, MAX) + "...";
    }

    private static String firstLine(Throwable t) {
        String message = t.getMessage();
        if (message == null || message.isBlank()) {
            return t.getClass().getSimpleName();
        }
        return message.strip().lines().findFirst().orElse("");
    }
}
