package io.phasesweep.jobs.spark;

import io.phasesweep.engine.model.Budget;
import io.phasesweep.engine.model.ModelRegistry;
import io.phasesweep.engine.sweep.Axis;
import io.phasesweep.engine.sweep.SweepError;
import io.phasesweep.engine.sweep.SweepParser;
import io.phasesweep.engine.sweep.SweepSpec;
import io.phasesweep.jobs.CommandError;
import io.phasesweep.jobs.SweepFile;
import io.phasesweep.jobs.tables.OutputFolder;
import io.phasesweep.jobs.tables.RawTable;
import io.phasesweep.jobs.tables.RunsTable;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What {@code --resume} keeps of an output folder: the points that already have an {@code ok} row
 * (any run, finished or interrupted: a committed raw file holds whole, final rows) and the runs that
 * wrote rows. Failed and timed-out points are run again, as are points with no row.
 *
 * <p>Only a grown sweep may resume: the earlier runs' sweep files must agree with this one in name,
 * model, seed, parameters, budget (bar {@code time_limit}) and axis names; sizes, replicas and axis
 * values may change, since a point's key and seeds depend only on those.
 */
public record Resume(Set<String> okPoints, Set<String> runIds) {
    static final Resume NOTHING = new Resume(Set.of(), Set.of());

    static Resume read(SparkSession spark, OutputFolder out, SweepFile sweep, ModelRegistry registry) throws CommandError {
        if (!out.hasRaw()) {
            return NOTHING;
        }
        for (Row r : RunsTable.read(spark, out.table(RunsTable.NAME)).select("run_id", "sweep_file").distinct().collectAsList()) {
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
        Set<String> ok = new HashSet<>();
        Set<String> runs = new HashSet<>();
        for (Row r : spark.read().parquet(out.table(RawTable.NAME)).select("point", "status", "run_id").collectAsList()) {
            if ("ok".equals(r.getString(1))) {
                ok.add(r.getString(0));
            }
            runs.add(r.getString(2));
        }
        return new Resume(ok, runs);
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
