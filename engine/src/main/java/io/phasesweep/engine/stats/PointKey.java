package io.phasesweep.engine.stats;

import io.phasesweep.engine.model.ParamValues;

import java.io.Serializable;

/** One (parameters, size): a row of the {@code points} table, the unit of replica averaging. */
public record PointKey(ParamValues params, int size) implements Serializable {
}
