package io.phasesweep.engine.model;

import java.io.Serializable;

/**
 * One point as its model sees it: everything a run may depend on besides its random streams and
 * its deadline. The point's key, replica number and seeds are deliberately not here: a result that
 * depended on them would not be a draw from the model's ensemble.
 *
 * @param params every parameter value of the point (declared parameters and swept axes)
 * @param size   the system size, as the model's {@link Model#sizeMeaning()} says
 */
public record Task(ParamValues params, int size, Budget budget) implements Serializable {
}
