package io.phasesweep.engine.model;

/**
 * The time limit of one run. Long loops call {@link #check()} now and then (the Monte Carlo layer
 * does so for its models); the point runner also stops a run that ignores it.
 */
public final class Deadline {
    private final long endNanos;

    private Deadline(long endNanos) {
        this.endNanos = endNanos;
    }

    public static Deadline after(double seconds) {
        return new Deadline(System.nanoTime() + (long) (seconds * 1e9));
    }

    public static Deadline none() {
        return new Deadline(Long.MAX_VALUE);
    }

    public boolean expired() {
        return endNanos != Long.MAX_VALUE && System.nanoTime() - endNanos > 0;
    }

    /** Throws {@link PointTimeoutException} once the limit has passed or the thread was interrupted. */
    public void check() {
        if (expired() || Thread.currentThread().isInterrupted()) {
            throw new PointTimeoutException();
        }
    }

    public static final class PointTimeoutException extends RuntimeException {
        public PointTimeoutException() {
            super("time limit reached", null, false, false);
        }
    }
}
