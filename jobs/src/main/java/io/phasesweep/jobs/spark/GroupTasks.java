package io.phasesweep.jobs.spark;

import io.phasesweep.engine.fss.SweepAnalysis;
import io.phasesweep.engine.model.Model;
import io.phasesweep.engine.model.ModelRegistry;
import io.phasesweep.engine.sweep.SweepSpec;
import io.phasesweep.jobs.tables.CurrentRaw;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;

import java.util.List;

/**
 * The finite-size-scaling analysis of each analysis group (one value of the across axis) as a Spark
 * task of its own: the driver sends each task its group's resampled points (points × resamples
 * numbers, small) and collects the estimates. A task runs the engine's
 * {@link SweepAnalysis#analyze(SweepSpec, Model, SweepAnalysis.Group)}, a function of the sweep and
 * the group alone, so the estimates are those of the plain-Java path to the last bit, on any
 * executor.
 *
 * <p>A group's estimators run over all its resamples in one task: an estimate at x_c reads the best
 * x_c of the same resample, which combines every estimate of x_c, so a group's resamples are not
 * independent pieces of work. Groups are.
 */
final class GroupTasks {
    private GroupTasks() {
    }

    /** The result of each group, in the order of {@code groups}; no Spark job without groups. */
    static List<SweepAnalysis.GroupResult> analyze(SparkSession spark, CurrentRaw raw, List<SweepAnalysis.Group> groups) {
        if (groups.isEmpty()) {
            return List.of();
        }
        // the sweep as text: a spec is not serializable, and the executor parses it as the driver did
        String sweepFile = raw.sweepFile();
        String runId = raw.runId();
        return JavaSparkContext.fromSparkContext(spark.sparkContext())
                .parallelize(groups, groups.size())
                .map(group -> {
                    ModelRegistry registry = ModelRegistry.load();
                    SweepSpec spec = CurrentRaw.spec(sweepFile, runId, registry);
                    Model model = registry.find(spec.model());
                    if (model == null) {
                        throw new IllegalStateException("model " + spec.model() + " is not on the executor's classpath (--jars?)");
                    }
                    return SweepAnalysis.analyze(spec, model, group);
                })
                .collect();
    }
}
