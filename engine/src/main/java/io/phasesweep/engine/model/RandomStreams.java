package io.phasesweep.engine.model;

import java.util.random.RandomGenerator;

/**
 * A point's two random streams. {@code disorder} draws the quenched sample (couplings, patterns,
 * data) and depends only on size and replica, so one sample is followed across the control
 * parameter; {@code dynamics} draws everything else (Monte Carlo moves, SGD batches).
 */
public record RandomStreams(RandomGenerator disorder, RandomGenerator dynamics) {
}
