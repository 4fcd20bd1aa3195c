package io.phasesweep.jobs.spark;

import io.phasesweep.engine.fss.AnalysisResult;
import io.phasesweep.engine.model.ModelRegistry;
import io.phasesweep.engine.refine.Planner;
import io.phasesweep.engine.refine.ReplicaNumbering;
import io.phasesweep.engine.refine.Precision;
import io.phasesweep.engine.refine.Stop;
import io.phasesweep.engine.refine.TargetStatus;
import io.phasesweep.engine.run.MeasuredCost;
import io.phasesweep.engine.sweep.PointBlock;
import io.phasesweep.engine.sweep.RefineSpec;
import io.phasesweep.engine.sweep.SweepError;
import io.phasesweep.engine.sweep.SweepExpander;
import io.phasesweep.engine.sweep.SweepParser;
import io.phasesweep.engine.sweep.SweepPrinter;
import io.phasesweep.engine.sweep.SweepSpec;
import io.phasesweep.jobs.CommandError;
import io.phasesweep.jobs.SweepFile;
import io.phasesweep.jobs.progress.Progress;
import io.phasesweep.jobs.tables.OutputFolder;
import io.phasesweep.jobs.tables.RawTable;
import io.phasesweep.jobs.tables.RoundsTable;
import io.phasesweep.jobs.tables.RunsTable;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;

/**
 * {@code phasesweep run} of a sweep with a {@code refine} section: round 0 runs the sweep as
 * written; then each round analyses the rows ({@link AnalyzeJob}), measures the core-seconds spent
 * and the cost of a point per size from {@code raw.wall_ms}, stops when the engine's {@link Stop}
 * says so, else plans new points ({@link Planner}) and runs them. A round is a run of the grown
 * sweep (the file's spec with the rounds' points in {@code refine.added}), through {@link RunJob}
 * with {@code --resume}'s machinery: the runs table records its sweep file, so {@code analyze}
 * sees every round's points, and a refinement stopped in the middle of a round resumes from that
 * round's recorded file, its plan unchanged. Writes the {@code rounds} table after every round.
 */
public final class RefineJob {
    private final SparkSession spark;
    private final double defaultLimitSeconds;
    private final int waves;
    private final PrintWriter log;
    private final Progress.Output progress;

    public RefineJob(SparkSession spark, double defaultLimitSeconds, int waves, PrintWriter log, Progress.Output progress) {
        this.spark = spark;
        this.defaultLimitSeconds = defaultLimitSeconds;
        this.waves = waves;
        this.log = log;
        this.progress = progress;
    }

    /** How the rounds ended: the last round, why it stopped, its run and its analysis. */
    public record Outcome(int rounds, Stop stop, RunSummary lastRun, AnalysisResult result) {
    }

    /**
     * Runs the rounds. With {@code resume}, the rounds an earlier refinement of this sweep in the
     * folder planned are taken from its latest run's sweep file, and the rounds table keeps the
     * rounds before the one resumed.
     */
    public Outcome run(SweepFile sweep, OutputFolder out, boolean resume) throws SweepError, CommandError {
        RefineSpec refine = sweep.spec().refine();
        List<PointBlock> planned = resume ? plannedEarlier(out) : List.of();
        SweepSpec spec = sweep.spec().withRefine(refine.plus(planned));
        int round = spec.refine().lastRound();
        SweepFile file = round == 0 ? sweep : printed(spec, sweep, round);
        List<RoundsTable.Round> rounds = new ArrayList<>(resume ? RoundsTable.before(spark, out, round) : List.of());
        List<List<TargetStatus>> earlier = new ArrayList<>();
        for (int r = 0; r < round; r++) {
            earlier.add(statuses(rounds, r));
        }
        long added = round == 0 ? SweepExpander.count(spec) : pointsOf(spec, round);
        boolean resumeRun = resume;
        if (round > 0) {
            log.printf("refine: resuming round %d (%d points planned)%n", round, added).flush();
        }
        while (true) {
            // a resumed run schedules its points by the wall times of the finished ones (RunJob)
            RunSummary run = new RunJob(spark, defaultLimitSeconds, waves, log, progress).run(file, out, resumeRun);
            Progress.done(progress, run);
            resumeRun = true;
            StringWriter analysis = new StringWriter();
            AnalysisResult result = new AnalyzeJob(spark, new PrintWriter(analysis)).run(out);
            double spent = spent(out);
            List<TargetStatus> statuses = Precision.of(spec, result);
            int twoRoundsAgo = round - 2;
            double spentBefore = rounds.stream().filter(r -> r.round() == twoRoundsAgo)
                    .mapToDouble(RoundsTable.Round::coreSeconds).max().orElse(0);
            Optional<Stop> stop = Stop.after(round, statuses, earlier, spent, spent - spentBefore, refine);
            Planner.Plan plan = null;
            if (stop.isEmpty()) {
                double share = (refine.budgetCoreSeconds() - spent) / (refine.maxRounds() - round);
                MeasuredCost costs = MeasuredCosts.read(spark, out, SweepExpander.points(spec), sweep.model());
                plan = Planner.plan(spec, result, costs, share, round + 1, earlier, ReplicaNumbering.of(spec, sweep.model()));
                if (plan.blocks().isEmpty()) {
                    stop = Optional.of(Stop.NOTHING_TO_ADD);
                }
            }
            String stopColumn = stop.map(Stop::column).orElse(null);
            long total = SweepExpander.count(spec);
            for (TargetStatus s : statuses) {
                rounds.add(new RoundsTable.Round(round, added, total, spent, s, stopColumn));
            }
            RoundsTable.write(spark, out, spec, rounds);
            String next = stop.isPresent() ? "stop: " + stopColumn : "next round: " + planPoints(plan);
            log.printf("round %d: +%d points (%d in all), %s core-s; %s; %s%n", round, added, total,
                    number(spent), describe(statuses), next).flush();
            if (stop.isPresent()) {
                log.print(analysis);
                log.printf("rounds: %s%n", out.table(RoundsTable.NAME)).flush();
                return new Outcome(round, stop.get(), run, result);
            }
            earlier.add(statuses);
            round++;
            spec = spec.withRefine(spec.refine().plus(plan.blocks()));
            added = plan.points();
            file = printed(spec, sweep, round);
        }
    }

    /** The points a round planned, in the round's sweep spec. */
    private static long pointsOf(SweepSpec spec, int round) {
        return spec.added().stream().filter(b -> b.round() == round).mapToLong(PointBlock::count).sum();
    }

    /** The targets of a recorded round (none when it is not recorded: infinitely far from any target). */
    private static List<TargetStatus> statuses(List<RoundsTable.Round> rounds, int round) {
        List<TargetStatus> of = rounds.stream().filter(r -> r.round() == round).map(RoundsTable.Round::target).toList();
        return of.isEmpty() ? List.of(new TargetStatus(RefineSpec.CRITICAL_VALUE, null, null, null, 1)) : of;
    }

    /**
     * The points earlier rounds of this sweep planned: the {@code refine.added} of the latest run's
     * sweep file (finished or interrupted), which holds every round up to its own.
     */
    private List<PointBlock> plannedEarlier(OutputFolder out) {
        if (!out.hasTable(RunsTable.NAME)) {
            return List.of();
        }
        Row latest = RunsTable.read(spark, out.table(RunsTable.NAME)).orderBy(col("started_at").desc(), col("run_id").desc())
                .select("run_id", "sweep_file").first();
        try {
            SweepSpec earlier = SweepParser.parse(latest.getString(1), "runs[" + latest.getString(0) + "].sweep_file",
                    ModelRegistry.load(), SweepParser.Limits.DEFAULT.withMaxPoints(Long.MAX_VALUE));
            return earlier.added();
        } catch (SweepError e) {
            // RunJob's resume check names what changed; a file that no longer reads planned nothing to keep
            return List.of();
        }
    }

    /** The sweep file a round records in the runs table: the spec with its rounds' points, printed. */
    private static SweepFile printed(SweepSpec spec, SweepFile sweep, int round) throws SweepError {
        String text = "# phasesweep run: round " + round + " of the refined sweep " + spec.name() + "\n"
                + SweepPrinter.toYaml(spec);
        // the default point limit, as --resume reads the runs' sweep files with it
        SweepSpec reread = SweepParser.parse(text, "round " + round + " of " + spec.name(), ModelRegistry.load());
        return new SweepFile(text, reread, sweep.model());
    }

    /**
     * Core-seconds of every row in raw: {@code wall_ms} summed, a row counting at least the
     * resolution of {@code wall_ms}, as the {@link MeasuredCost} that plans the rounds counts it.
     */
    private double spent(OutputFolder out) {
        Row r = spark.read().parquet(out.table(RawTable.NAME)).agg(sum(greatest(col("wall_ms"), lit(1)))).first();
        return r.isNullAt(0) ? 0 : r.getLong(0) / 1000.0;
    }

    private static String describe(List<TargetStatus> statuses) {
        return statuses.stream().map(s -> (s.acrossValue() == null ? "" : number(s.acrossValue()) + ": ") + s.quantity() + " "
                + (s.value() == null ? "no best row" : number(s.value()) + " ± " + number(s.stderr()))
                + " (target " + number(s.target()) + ")").collect(Collectors.joining(", "));
    }

    private static String planPoints(Planner.Plan plan) {
        return plan.points() + " points at sizes " + plan.blocks().stream().map(PointBlock::size).distinct().sorted().toList()
                + " (" + String.join("; ", plan.steering()) + ")";
    }

    private static String number(double v) {
        return String.format(Locale.ROOT, "%.4g", v);
    }
}
