package io.phasesweep.engine.sweep;

import io.phasesweep.engine.model.ParamValues;
import io.phasesweep.engine.model.Task;

import java.io.Serializable;

/**
 * One simulation: the sweep and model, the {@link Task} the model runs (parameters, size, budget),
 * the replica, and what the engine keeps from the model: the stable, readable {@code key}
 * ({@code size=16|T=2.23|r=3}) and both seeds, which follow from the master seed and the key alone
 * (see {@link Seeds}).
 */
public record Point(
        String sweep,
        String model,
        String key,
        Task task,
        int replica,
        long disorderSeed,
        long dynamicsSeed) implements Serializable {

    public ParamValues params() {
        return task.params();
    }

    public int size() {
        return task.size();
    }
}
