package io.phasesweep.engine.model;

import java.util.List;

/**
 * A model that can run many replicas of one task in a single run (multi-spin coding: 64 replicas
 * in the bits of a word). The engine groups the points that differ only in their replica into
 * batches fixed by replica index (replicas 0 … B−1, B … 2B−1, …, B = {@link #replicaBatch}) and
 * seeds each batch's streams from the batch alone, so a replica's row depends on its batch and its
 * lane (replica mod B), never on partitioning or on which other replicas of the batch the sweep
 * asks for; and it still stores one {@code raw} row per replica.
 */
public interface ReplicaBatchModel extends Model {

    /** Replicas per batch at this task; 1 where the task runs one replica at a time. */
    int replicaBatch(Task task);

    /**
     * Runs one batch of {@code task}.
     *
     * @param lanes the lanes (replica mod {@link #replicaBatch}) whose measurements are wanted, in
     *              the order wanted
     * @return one measurement per lane, in the order of {@code lanes}
     */
    List<Measurement> runBatch(Task task, int[] lanes, RandomStreams streams, Deadline deadline) throws Exception;
}
