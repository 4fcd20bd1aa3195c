package io.phasesweep.engine.refine;

import io.phasesweep.engine.fss.AnalysisResult;
import io.phasesweep.engine.fss.Finding;
import io.phasesweep.engine.fss.Quantity;
import io.phasesweep.engine.sweep.RefineSpec;
import io.phasesweep.engine.sweep.SweepSpec;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/** How precise each target of a refine section is after a round's analysis. */
public final class Precision {
    private Precision() {
    }

    /** One status per target and across value, targets in file order, across values ascending. */
    public static List<TargetStatus> of(SweepSpec spec, AnalysisResult result) {
        List<TargetStatus> out = new ArrayList<>();
        for (var t : spec.refine().target().entrySet()) {
            for (Double a : acrossValues(spec)) {
                Optional<Finding> best = best(result, t.getKey(), a);
                out.add(new TargetStatus(t.getKey(), a, best.map(Finding::value).orElse(null),
                        best.map(Finding::stderr).orElse(null), t.getValue()));
            }
        }
        return out;
    }

    /** The best row of a refine target's quantity ({@code critical_value} is the boundaries' one). */
    static Optional<Finding> best(AnalysisResult result, String quantity, Double acrossValue) {
        return result.best(quantity.equals(RefineSpec.CRITICAL_VALUE) ? Quantity.CRITICAL_VALUE.name() : quantity,
                acrossValue);
    }

    /** Whether the target's best row has a systematic error above its statistical one (corrections to scaling, variants apart). */
    static boolean sysDominates(AnalysisResult result, String quantity, Double acrossValue) {
        return best(result, quantity, acrossValue).filter(b -> b.stderrSys() > b.stderrStat()).isPresent();
    }

    /** The across axis' values at every size, ascending; a single null without an across axis. */
    static List<Double> acrossValues(SweepSpec spec) {
        String across = spec.analysis().across();
        if (across == null) {
            return java.util.Collections.singletonList(null);
        }
        TreeSet<Double> values = new TreeSet<>();
        for (int size : spec.sizes()) {
            Arrays.stream(spec.axis(across).values(size)).forEach(values::add);
        }
        return List.copyOf(values);
    }

    /** The largest stderr/target: at most 1 when every target is met. */
    public static double worst(List<TargetStatus> statuses) {
        return statuses.stream().mapToDouble(TargetStatus::ratio).max().orElse(0);
    }
}
