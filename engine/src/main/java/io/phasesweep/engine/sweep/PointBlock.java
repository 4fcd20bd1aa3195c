package io.phasesweep.engine.sweep;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Points a refinement round added at one size: every combination of {@code values} (one list per
 * axis of the sweep, in the sweep's axis order) for replicas {@code firstReplica} to
 * {@code firstReplica + replicas - 1}. A round adds new replicas, never new rows of old ones, so a
 * whole-axis model's run of a (size, replica) is never split between rounds.
 *
 * @param round the refinement round that planned it (1, 2, ...)
 */
public record PointBlock(int round, int size, int firstReplica, int replicas, Map<String, List<Double>> values) {
    public PointBlock {
        Map<String, List<Double>> copy = new LinkedHashMap<>();
        values.forEach((axis, list) -> copy.put(axis, List.copyOf(list)));
        values = Collections.unmodifiableMap(copy);
    }

    /** Points in the block. */
    public long count() {
        long n = replicas;
        for (List<Double> v : values.values()) {
            n *= v.size();
        }
        return n;
    }

    /** Whether the replica ranges of two blocks (or of a block and replicas 0 to {@code n} − 1) meet. */
    boolean replicasMeet(int first, int count) {
        return firstReplica < first + count && first < firstReplica + replicas;
    }
}
