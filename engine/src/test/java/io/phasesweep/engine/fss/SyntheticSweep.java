package io.phasesweep.engine.fss;

import io.phasesweep.engine.model.Model;
import io.phasesweep.engine.model.ModelRegistry;
import io.phasesweep.engine.model.ParamValues;
import io.phasesweep.engine.models.synthetic.ScalingForms;
import io.phasesweep.engine.models.synthetic.SyntheticModel;
import io.phasesweep.engine.run.PointRunner;
import io.phasesweep.engine.run.RawRecord;
import io.phasesweep.engine.stats.Sample;
import io.phasesweep.engine.sweep.PointGroup;
import io.phasesweep.engine.sweep.SweepError;
import io.phasesweep.engine.sweep.SweepExpander;
import io.phasesweep.engine.sweep.SweepParser;
import io.phasesweep.engine.sweep.SweepSpec;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A sweep of the {@code synthetic} model run the way {@code phasesweep run} runs it: the file parsed
 * and validated, expanded into point groups with their seeds, each group run by the
 * {@link PointRunner}, the OK rows handed to the analysis as samples. So a calibration trial draws
 * exactly the rows a real sweep of the same file and seed would write. Public for the refinement
 * planner's tests, which plan from its analysis.
 */
public record SyntheticSweep(SweepSpec spec, Model model) {
    private static final ModelRegistry REGISTRY = ModelRegistry.load();

    public static SyntheticSweep parse(String yaml) {
        try {
            SweepSpec spec = SweepParser.parse(yaml, "calibration.yaml", REGISTRY);
            return new SyntheticSweep(spec, REGISTRY.find(spec.model()));
        } catch (SweepError e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    /** The same sweep with another master seed: an independent trial. */
    SyntheticSweep withSeed(long seed) {
        SweepSpec s = spec;
        return new SyntheticSweep(new SweepSpec(s.name(), s.model(), seed, s.params(), s.axes(), s.sizes(), s.replicas(),
                s.budget(), s.analysis()), model);
    }

    /** One sample per OK row; any other row fails the trial (the synthetic model does not fail). */
    List<Sample> samples() {
        PointRunner runner = new PointRunner(model, 60);
        List<Sample> out = new ArrayList<>();
        for (PointGroup group : SweepExpander.groups(spec, model)) {
            for (RawRecord row : runner.run(group)) {
                if (row.status() != RawRecord.Status.OK) {
                    throw new IllegalStateException(row.point().key() + ": " + row.error());
                }
                out.add(new Sample(row.point().params(), row.point().size(), row.point().replica(),
                        row.measurement().values()));
            }
        }
        return out;
    }

    public AnalysisResult analyze(int bootstrap) {
        return SweepAnalysis.analyze(spec, model, samples(), Map.of(), new AnalysisOptions(bootstrap, spec.seed()));
    }

    /** The sweep's scaling forms: its fixed parameters (the control is not needed). */
    ScalingForms forms() {
        return SyntheticModel.forms(new ParamValues(spec.params()));
    }

    /** The exact value of a critical value ({@code x_c}) or an exponent of the exponents table. */
    double truth(String quantity) {
        ScalingForms f = forms();
        return switch (quantity) {
            case "x_c" -> f.xc();
            case "nu" -> 1 / f.inverseNu();
            case "1/nu" -> f.inverseNu();
            case "gamma/nu" -> f.gammaNu();
            case "beta/nu" -> f.betaNu();
            default -> throw new IllegalArgumentException("no exact value of " + quantity + " in the synthetic model");
        };
    }
}
