package io.phasesweep.engine.fss;

import io.phasesweep.engine.model.ParamValues;
import io.phasesweep.engine.stats.Estimate;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A row of {@code points}: one (parameters, size).
 *
 * @param replicas    successful replicas averaged
 * @param failed      failed or timed-out rows of this point
 * @param observables measured then derived observables, in model order: the {@code X}, {@code X_err}
 *                    columns (NaN values when no replica succeeded, NaN errors with one replica)
 */
public record PointRow(ParamValues params, int size, int replicas, int failed, Map<String, Estimate> observables) {
    public PointRow {
        observables = Collections.unmodifiableMap(new LinkedHashMap<>(observables));
    }
}
