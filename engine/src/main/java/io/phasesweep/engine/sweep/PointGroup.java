package io.phasesweep.engine.sweep;

import java.io.Serializable;
import java.util.List;

/**
 * The unit of work handed to an executor: one point, or, for a model that takes a whole axis at
 * once (a parallel-tempering ladder, a Newman–Ziff sweep), every point that differs only in that
 * axis. {@code key} names the group; {@code dynamicsSeed} seeds its one dynamics stream.
 */
public record PointGroup(String key, List<Point> points, long disorderSeed, long dynamicsSeed, double cost)
        implements Serializable {

    public PointGroup {
        points = List.copyOf(points);
    }
}
