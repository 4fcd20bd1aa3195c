package io.phasesweep.engine.model;

/**
 * Logarithmic binning of a Monte Carlo time series of several observables at once: the mean, the
 * error of the mean with autocorrelations taken into account, and the integrated autocorrelation
 * time, in memory that grows with the logarithm of the series length.
 *
 * <p>Level {@code l} holds the means of consecutive blocks of {@code 2^l} samples. Blocks much
 * longer than the autocorrelation time are nearly independent, so the naive error of the mean
 * computed from the block means of a high enough level is the true error. The error reported is
 * that of the highest level that still has at least {@link #MIN_BINS} blocks: fewer blocks would
 * make the error estimate itself too noisy (with k blocks its relative spread is about
 * 1/√(2(k−1)), 13 % for k = 32).
 *
 * <p>The integrated autocorrelation time, in samples, is
 * {@code tau_int = ½ · error²(that level) / error²(level 0)}. With this convention an uncorrelated
 * series has {@code tau_int = ½}, and the error of the mean is {@code σ·√(2·tau_int/n)}. A series
 * that never fluctuates has error 0 and tau_int NaN (nothing to measure a correlation from).
 *
 * <p>{@link #add} allocates nothing. Values are accumulated relative to the first sample of each
 * observable, so that a small spread on a large mean keeps its precision.
 *
 * <p>Accumulators of two parts of a series (or of two independent series) {@link #merge}: the mean
 * of the merged accumulator equals that of the whole series, and so does every level whose block
 * length divides the length of the first part.
 */
public final class LogBinning {
    /** Fewest blocks a level must have for its error to be reported. */
    public static final int MIN_BINS = 32;
    /** Levels kept: blocks of up to 2^47 samples, beyond any run. */
    private static final int LEVELS = 48;

    private final int observables;
    private final double[] shift;
    private final long[] count = new long[LEVELS];
    /** Sum and sum of squares of the (shifted) block means, indexed [level · observables + o]. */
    private final double[] sum;
    private final double[] sumSq;
    /** A finished block of each level waiting for its partner, indexed like {@link #sum}. */
    private final double[] pending;
    private final boolean[] hasPending = new boolean[LEVELS];
    /** The block being carried up the levels during {@link #add}. */
    private final double[] carry;

    public LogBinning(int observables) {
        if (observables < 1) {
            throw new IllegalArgumentException("need at least one observable, got " + observables);
        }
        this.observables = observables;
        this.shift = new double[observables];
        this.sum = new double[LEVELS * observables];
        this.sumSq = new double[LEVELS * observables];
        this.pending = new double[LEVELS * observables];
        this.carry = new double[observables];
    }

    public int observables() {
        return observables;
    }

    /** Adds one sample: a value per observable, always in the same order. */
    public void add(double[] sample) {
        if (count[0] == 0) {
            System.arraycopy(sample, 0, shift, 0, observables);
        }
        for (int o = 0; o < observables; o++) {
            carry[o] = sample[o] - shift[o];
        }
        for (int level = 0; level < LEVELS; level++) {
            int base = level * observables;
            count[level]++;
            for (int o = 0; o < observables; o++) {
                double x = carry[o];
                sum[base + o] += x;
                sumSq[base + o] += x * x;
            }
            if (!hasPending[level]) {
                System.arraycopy(carry, 0, pending, base, observables);
                hasPending[level] = true;
                return;
            }
            // This block completes a pair: their mean is a block of the next level.
            hasPending[level] = false;
            for (int o = 0; o < observables; o++) {
                carry[o] = 0.5 * (pending[base + o] + carry[o]);
            }
        }
    }

    /**
     * Adds the blocks of {@code other} (left unchanged) to this one, as if its series followed this
     * one. A block still waiting for its partner at the end of either part is not paired across the
     * seam, so levels whose block length does not divide this part's length may hold a block fewer
     * than a single accumulator over the whole series would.
     */
    public void merge(LogBinning other) {
        if (other.observables != observables) {
            throw new IllegalArgumentException("cannot merge " + other.observables + " observables into "
                    + observables);
        }
        if (other.count[0] == 0) {
            return;
        }
        if (count[0] == 0) {
            System.arraycopy(other.shift, 0, shift, 0, observables);
        }
        for (int level = 0; level < LEVELS; level++) {
            long n = other.count[level];
            count[level] += n;
            int base = level * observables;
            for (int o = 0; o < observables; o++) {
                double d = other.shift[o] - shift[o];
                double s = other.sum[base + o];
                sum[base + o] += s + n * d;
                sumSq[base + o] += other.sumSq[base + o] + 2 * d * s + n * d * d;
            }
            hasPending[level] = false;
        }
    }

    /** Number of samples added. */
    public long count() {
        return count[0];
    }

    /** Number of complete blocks of {@code 2^level} samples. */
    public long blocks(int level) {
        return count[level];
    }

    public double mean(int observable) {
        return shift[observable] + sum[observable] / count[0];
    }

    /**
     * The level the error is taken from: the highest with at least {@link #MIN_BINS} blocks. Below
     * 2·MIN_BINS samples that is level 0, the naive error, and tau_int is ½ by construction.
     */
    public int errorLevel() {
        int level = 0;
        while (level + 1 < LEVELS && count[level + 1] >= MIN_BINS) {
            level++;
        }
        return level;
    }

    /** Error of the mean from the blocks of {@link #errorLevel()}. */
    public double error(int observable) {
        return error(observable, errorLevel());
    }

    /** Error of the mean from the blocks of one level: their standard deviation over √(blocks). */
    public double error(int observable, int level) {
        long k = count[level];
        if (k < 2) {
            return Double.NaN;
        }
        int i = level * observables + observable;
        double variance = Math.max(0.0, (sumSq[i] - sum[i] * sum[i] / k) / (k - 1));
        return Math.sqrt(variance / k);
    }

    /** Integrated autocorrelation time in samples: ½ for an uncorrelated series. */
    public double tau(int observable) {
        double ratio = error(observable) / error(observable, 0);
        return 0.5 * ratio * ratio;
    }
}
