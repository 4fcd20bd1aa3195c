package io.phasesweep.jobs.spark;

import io.phasesweep.engine.model.Budget;
import io.phasesweep.engine.model.ModelRegistry;
import io.phasesweep.engine.sweep.Axis;
import io.phasesweep.engine.sweep.Point;
import io.phasesweep.engine.sweep.PointGroup;
import io.phasesweep.engine.sweep.SweepError;
import io.phasesweep.engine.sweep.SweepParser;
import io.phasesweep.engine.sweep.SweepSpec;
import io.phasesweep.jobs.CommandError;
import io.phasesweep.jobs.SweepFile;
import io.phasesweep.jobs.tables.OutputFolder;
import io.phasesweep.jobs.tables.RawTable;
import io.phasesweep.jobs.tables.RunsTable;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import static org.apache.spark.sql.functions.col;

/**
 * What {@code --resume} keeps of an output folder: which points of the sweep already have an
 * {@code ok} row (any run, finished or interrupted: a committed raw file holds whole, final rows),
 * and the runs that wrote rows. Failed and timed-out points are run again, as are points with no row.
 *
 * <p>The decision is a Spark query, not a driver loop over {@code raw}: the sweep's point keys
 * (which the driver holds anyway, to run them) anti-joined with the points of {@code raw}'s ok rows
 * give the keys still to run, and only those keys, the count of ok points and the run ids come back
 * to the driver. However many rows {@code raw} has (duplicates, failed attempts, points a later
 * sweep file dropped), the driver holds at most one key per point of the sweep.
 *
 * <p>Only a grown sweep may resume: the earlier runs' sweep files must agree with this one in name,
 * model, seed, parameters, budget (bar {@code time_limit}) and axis names; sizes, replicas and axis
 * values may change, since a point's key and seeds depend only on those.
 *
 * @param resumed  whether an earlier run's rows are kept (false: every point runs)
 * @param pending  with {@code resumed}, the keys of the sweep's points that have no ok row
 * @param okPoints points of the sweep that have an ok row
 * @param runIds   the runs with rows in {@code raw}, whose rows this run takes over
 */
public record Resume(boolean resumed, Set<String> pending, long okPoints, Set<String> runIds) {
    static final Resume NOTHING = new Resume(false, Set.of(), 0, Set.of());
    /** Point keys per task of the anti-join's left side (about 300 KB: Spark warns above 1 MB a task). */
    private static final int KEYS_PER_TASK = 10_000;

    /**
     * The folder's ok points among {@code groups}, the sweep's points, or {@link #NOTHING} when
     * the folder has no raw rows yet.
     */
    static Resume read(SparkSession spark, OutputFolder out, SweepFile sweep, ModelRegistry registry,
                       List<PointGroup> groups) throws CommandError {
        if (!out.hasRaw()) {
            return NOTHING;
        }
        Dataset<Row> runs = RunsTable.read(spark, out.table(RunsTable.NAME));
        for (Row r : runs.select("run_id", "sweep_file").distinct().collectAsList()) {
            String earlier = r.getString(0);
            String difference;
            try {
                difference = difference(SweepParser.parse(r.getString(1), "run " + earlier, registry), sweep.spec());
            } catch (SweepError e) {
                difference = "its sweep file no longer reads (" + e.getMessage() + ")";
            }
            if (difference != null) {
                throw new CommandError(out + ": cannot resume run " + earlier + ": " + difference
                        + "; only sizes, replicas and axis values may change (or use --overwrite or another --out)");
            }
        }
        Dataset<Row> raw = RawTable.of(sweep.spec(), registry.find(sweep.spec().model())).read(spark, out.table(RawTable.NAME));
        List<String> keys = groups.stream().flatMap(g -> g.points().stream()).map(Point::key).toList();
        Dataset<String> sweepKeys = spark.createDataset(JavaSparkContext.fromSparkContext(spark.sparkContext())
                .parallelize(keys, Math.max(spark.sparkContext().defaultParallelism(), keys.size() / KEYS_PER_TASK + 1))
                .rdd(), Encoders.STRING());
        // a shuffle join, never a broadcast one: broadcasting the ok points would gather raw's rows on the driver
        Dataset<Row> ok = raw.where(col("status").equalTo("ok")).select(col("point")).hint("shuffle_merge");
        Set<String> pending = Set.copyOf(sweepKeys.join(ok, sweepKeys.col("value").equalTo(ok.col("point")), "left_anti")
                .as(Encoders.STRING()).collectAsList());
        // a run's started row precedes its raw rows: the runs with rows are runs of the runs table
        Set<String> runIds = Set.copyOf(runs.select("run_id").distinct()
                .join(raw.select("run_id").distinct().hint("shuffle_merge"), "run_id", "left_semi")
                .as(Encoders.STRING()).collectAsList());
        return new Resume(true, pending, keys.size() - pending.size(), runIds);
    }

    /** Whether point {@code key} of the sweep has an ok row already (and need not run). */
    boolean ok(String key) {
        return resumed && !pending.contains(key);
    }

    /** What differs between an earlier run's sweep and this one beyond growth, or null. */
    static String difference(SweepSpec before, SweepSpec now) {
        if (!before.name().equals(now.name())) {
            return "name " + before.name() + " is now " + now.name();
        }
        if (!before.model().equals(now.model())) {
            return "model " + before.model() + " is now " + now.model();
        }
        if (before.seed() != now.seed()) {
            return "seed " + before.seed() + " is now " + now.seed();
        }
        String params = changed("params", before.params(), now.params());
        if (params != null) {
            return params;
        }
        String budget = changed("budget", withoutTimeLimit(before.budget()), withoutTimeLimit(now.budget()));
        if (budget != null) {
            return budget;
        }
        var axesBefore = before.axes().stream().map(Axis::name).toList();
        var axesNow = now.axes().stream().map(Axis::name).toList();
        return axesBefore.equals(axesNow) ? null : "axes " + axesBefore + " are now " + axesNow;
    }

    private static String changed(String section, Map<String, ?> before, Map<String, ?> now) {
        Set<String> keys = new HashSet<>(before.keySet());
        keys.addAll(now.keySet());
        for (String key : keys.stream().sorted().toList()) {
            if (!Objects.equals(before.get(key), now.get(key))) {
                return section + "." + key + " " + before.get(key) + " is now " + now.get(key);
            }
        }
        return null;
    }

    private static Map<String, Double> withoutTimeLimit(Map<String, Double> budget) {
        Map<String, Double> out = new LinkedHashMap<>(budget);
        out.remove(Budget.TIME_LIMIT);
        return out;
    }
}
