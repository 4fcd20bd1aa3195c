package io.phasesweep.engine.model;

import java.util.List;

/**
 * A model that takes every value of one axis in a single run: a parallel-tempering ladder over T,
 * a Newman–Ziff sweep over p. The engine hands it all points that differ only in
 * {@link #wholeAxis()} (sorted by that axis), with one pair of random streams, and stores one
 * {@code raw} row per point.
 */
public interface AxisModel extends Model {

    /** The parameter this model takes whole. */
    String wholeAxis();

    /**
     * @param ladder the tasks of one size and replica that differ only in {@link #wholeAxis()},
     *               in increasing order of it
     * @return one measurement per task, in the same order
     */
    List<Measurement> runAxis(List<Task> ladder, RandomStreams streams, Deadline deadline) throws Exception;

    @Override
    default Measurement run(Task task, RandomStreams streams, Deadline deadline) throws Exception {
        return runAxis(List.of(task), streams, deadline).get(0);
    }
}
