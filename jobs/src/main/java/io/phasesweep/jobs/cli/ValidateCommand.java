package io.phasesweep.jobs.cli;

import io.phasesweep.engine.model.ModelRegistry;
import io.phasesweep.engine.sweep.PointGroup;
import io.phasesweep.engine.sweep.RefineSpec;
import io.phasesweep.engine.sweep.SweepError;
import io.phasesweep.engine.sweep.SweepExpander;
import io.phasesweep.engine.sweep.SweepParser;
import io.phasesweep.jobs.SweepFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code phasesweep validate FILE}: checks a sweep file and says how much work it is, without Spark. */
@Command(name = "validate", description = "Check a sweep file; print its point count, group count and cost estimate.")
public final class ValidateCommand implements Callable<Integer> {
    @Parameters(paramLabel = "FILE", description = "the sweep file (YAML)")
    Path file;

    @Spec
    CommandSpec command;

    @Override
    public Integer call() throws SweepError {
        // as run checks it with its default time limit
        SweepFile sweep = SweepFile.load(file, ModelRegistry.load(),
                SweepParser.Limits.DEFAULT.withTimeLimit(RunCommand.DEFAULT_TIME_LIMIT_SECONDS));
        List<PointGroup> groups = SweepExpander.groups(sweep.spec(), sweep.model());
        long points = groups.stream().mapToLong(g -> g.points().size()).sum();
        double cost = groups.stream().mapToDouble(PointGroup::cost).sum();
        PrintWriter out = command.commandLine().getOut();
        out.printf("%s: sweep %s, model %s%n", file, sweep.spec().name(), sweep.model().id());
        out.printf("  points:     %d%n", points);
        out.printf("  groups:     %d (units of work)%n", groups.size());
        out.printf("  total cost: %s (model's relative units)%n", ModelsCommand.number(cost));
        RefineSpec refine = sweep.spec().refine();
        if (refine != null) {
            out.printf("  refine:     round 0 as above, then up to %d rounds within %s core-seconds in all%n",
                    refine.maxRounds(), ModelsCommand.number(refine.budgetCoreSeconds()));
        }
        out.flush();
        return 0;
    }
}
