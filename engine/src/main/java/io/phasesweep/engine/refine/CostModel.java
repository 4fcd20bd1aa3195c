package io.phasesweep.engine.refine;

import java.util.Map;
import java.util.TreeMap;
import java.util.function.IntToDoubleFunction;

/**
 * Core-seconds a point of each size costs, learnt from the wall time of finished points
 * ({@code raw.wall_ms}). A size with no finished point yet (one a round adds from
 * {@code sizes_allowed}) costs what the nearest measured size costs, scaled by the model's own
 * relative cost estimate. Never below {@link #RESOLUTION_SECONDS}, the resolution of
 * {@code wall_ms}: a point that ran in less than a millisecond is not free.
 */
public final class CostModel {
    /** {@code raw.wall_ms} counts whole milliseconds. */
    public static final double RESOLUTION_SECONDS = 1e-3;

    private final TreeMap<Integer, Double> measured;
    private final IntToDoubleFunction relativeCost;

    /**
     * @param measured     size → mean core-seconds per finished point of that size
     * @param relativeCost size → the model's cost estimate of a point of that size (any unit)
     */
    public CostModel(Map<Integer, Double> measured, IntToDoubleFunction relativeCost) {
        this.measured = new TreeMap<>(measured);
        this.relativeCost = relativeCost;
    }

    public double secondsPerPoint(int size) {
        Double known = measured.get(size);
        if (known != null) {
            return Math.max(RESOLUTION_SECONDS, known);
        }
        if (measured.isEmpty()) {
            return RESOLUTION_SECONDS;
        }
        Integer below = measured.floorKey(size);
        Integer above = measured.ceilingKey(size);
        int nearest = below == null ? above : above == null ? below
                : Math.log(size) - Math.log(below) <= Math.log(above) - Math.log(size) ? below : above;
        double scale = relativeCost.applyAsDouble(size) / relativeCost.applyAsDouble(nearest);
        return Math.max(RESOLUTION_SECONDS, measured.get(nearest) * (Double.isFinite(scale) && scale > 0 ? scale : 1));
    }
}
