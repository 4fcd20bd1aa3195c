package io.phasesweep.engine.stats;

/**
 * Count, mean and sum of squared deviations of a stream of numbers (Welford's update), mergeable:
 * the moments of two parts merge to those of the whole (Chan, Golub, LeVeque 1979), so partial
 * aggregates from different partitions combine exactly.
 */
public record Moments(long count, double mean, double m2) {

    public static final Moments EMPTY = new Moments(0, 0.0, 0.0);

    public static Moments of(double... xs) {
        Moments m = EMPTY;
        for (double x : xs) {
            m = m.plus(x);
        }
        return m;
    }

    public Moments plus(double x) {
        long n = count + 1;
        double delta = x - mean;
        double newMean = mean + delta / n;
        return new Moments(n, newMean, m2 + delta * (x - newMean));
    }

    public Moments merge(Moments other) {
        if (other.count == 0) {
            return this;
        }
        if (count == 0) {
            return other;
        }
        long n = count + other.count;
        double delta = other.mean - mean;
        return new Moments(n, mean + delta * other.count / n,
                m2 + other.m2 + delta * delta * ((double) count * other.count / n));
    }

    /** Unbiased sample variance; NaN below two values. */
    public double variance() {
        return count < 2 ? Double.NaN : m2 / (count - 1);
    }

    public double std() {
        return Math.sqrt(variance());
    }

    /** Standard error of the mean. */
    public double stdError() {
        return Math.sqrt(variance() / count);
    }
}
