package io.phasesweep.jobs;

import io.phasesweep.engine.model.Model;
import io.phasesweep.engine.model.ModelRegistry;
import io.phasesweep.engine.sweep.SweepError;
import io.phasesweep.engine.sweep.SweepParser;
import io.phasesweep.engine.sweep.SweepSpec;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
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
        SweepSpec spec = SweepParser.parse(file, registry, limits);
        Model model = registry.find(spec.model());
        if (model == null) {
            throw new SweepError(file.toString(), "model", "unknown model " + spec.model());
        }
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new SweepError(file.toString(), "", "cannot read the file: " + e);
        }
        return new SweepFile(text, spec, model);
    }
}
