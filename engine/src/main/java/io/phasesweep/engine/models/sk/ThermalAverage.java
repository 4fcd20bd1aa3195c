package io.phasesweep.engine.models.sk;

/**
 * Mean of a Monte Carlo time series with its error from binning (32 bins, or as many as there are
 * samples below 64) and the integrated autocorrelation time τ = ½·(bin length)·σ²_bins/σ², in
 * measurement steps. A constant series has error 0 and τ = ½, the value for independent samples.
 */
record ThermalAverage(double mean, double error, double tau) {
    private static final int BINS = 32;

    static ThermalAverage of(double[] series) {
        int n = series.length;
        double mean = 0;
        for (double x : series) {
            mean += x;
        }
        mean /= n;
        double variance = 0;
        for (double x : series) {
            variance += (x - mean) * (x - mean);
        }
        variance /= n;
        int binLength = Math.max(1, n / BINS);
        int bins = n / binLength;
        if (variance == 0 || bins < 2) {
            return new ThermalAverage(mean, 0.0, 0.5);
        }
        double binnedMean = 0;
        double[] binMeans = new double[bins];
        for (int b = 0; b < bins; b++) {
            double sum = 0;
            for (int i = b * binLength; i < (b + 1) * binLength; i++) {
                sum += series[i];
            }
            binMeans[b] = sum / binLength;
            binnedMean += binMeans[b];
        }
        binnedMean /= bins;
        double binVariance = 0;
        for (double m : binMeans) {
            binVariance += (m - binnedMean) * (m - binnedMean);
        }
        binVariance /= bins - 1;
        double error = Math.sqrt(binVariance / bins);
        double tau = Math.max(0.5, 0.5 * binLength * binVariance / variance);
        return new ThermalAverage(mean, error, tau);
    }
}
