package io.phasesweep.engine.fss;

/**
 * Settings of the analysis that are not part of the sweep file.
 *
 * @param bootstrap resamples over replicas behind every error bar of a fitted quantity
 * @param seed      seed of the resampling, so a re-run gives the same error bars
 */
public record AnalysisOptions(int bootstrap, long seed) {
    public AnalysisOptions {
        if (bootstrap < 2) {
            throw new IllegalArgumentException("bootstrap needs at least 2 resamples, got " + bootstrap);
        }
    }

    /** 200 resamples: the error of an error bar is then about 1/√400 = 5 %. */
    public static AnalysisOptions defaults(long seed) {
        return new AnalysisOptions(200, seed);
    }
}
