package io.phasesweep.engine.refine;

import io.phasesweep.engine.model.Model;
import io.phasesweep.engine.sweep.SweepExpander;
import io.phasesweep.engine.sweep.SweepSpec;

/**
 * How a round numbers the replicas it adds at a size. A point's key holds its replica number, and
 * the number decides its seeds, so the numbering decides which points of a size share their
 * randomness with which.
 */
public enum ReplicaNumbering {
    /**
     * Each control value's new replicas continue that value's own numbers, so every value holds
     * replicas 0..n-1. A size's curve near the critical value is then one set of replicas wherever
     * the rounds put them, not blocks of unequal sizes stitched together (the perceptron's
     * refinement published 5 sigma errors from such stitched curves, docs/refine.md).
     */
    PER_VALUE,
    /**
     * New replicas continue the numbers of the size (and across value) over every control value:
     * for a model whose unit of work is a whole-axis ladder of one replica, whose ladder of replica
     * r must not gain points of a later round.
     */
    PER_SIZE;

    /** PER_SIZE when the sweep runs the model as whole-axis ladders, else PER_VALUE. */
    public static ReplicaNumbering of(SweepSpec spec, Model model) {
        return SweepExpander.laddersOverWholeAxis(spec, model) ? PER_SIZE : PER_VALUE;
    }
}
