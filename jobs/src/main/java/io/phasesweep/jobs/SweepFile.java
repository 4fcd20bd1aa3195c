package io.phasesweep.jobs;

import io.phasesweep.engine.model.Model;
import io.phasesweep.engine.model.ModelRegistry;
import io.phasesweep.engine.sweep.SweepError;
import io.phasesweep.engine.sweep.SweepParser;
import io.phasesweep.engine.sweep.SweepSpec;

import java.nio.file.Path;

/**
 * A validated sweep file with its model, and its text as written (kept in the {@code runs} table,
 * with its hash, so a run can be reproduced from the table alone).
 */
public record SweepFile(String text, SweepSpec spec, Model model) {

    public static SweepFile load(Path file, ModelRegistry registry) throws SweepError {
        return load(file, registry, SweepParser.Limits.DEFAULT);
    }

    public static SweepFile load(Path file, ModelRegistry registry, SweepParser.Limits limits) throws SweepError {
        // read once, with the parser's bounds: the text kept in runs is the text parsed
        String text = SweepParser.read(file);
        SweepSpec spec = SweepParser.parse(text, file.toString(), registry, limits);
        Model model = registry.find(spec.model());
        if (model == null) {
            throw new SweepError(file.toString(), "model", "unknown model " + spec.model());
        }
        return new SweepFile(text, spec, model);
    }
}
