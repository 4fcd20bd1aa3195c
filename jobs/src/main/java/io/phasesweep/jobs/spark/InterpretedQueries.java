package io.phasesweep.jobs.spark;

import org.apache.spark.sql.SparkSession;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Spark settings that keep a small sweep's queries interpreted: Spark compiles Java source for the
 * expressions of every query (Janino), a second of CPU on a cold JVM for the few queries of a run
 * (the rows' conversion, the runs rows, the replica averaging, the table writes), which only pays
 * back over many rows. Interpreted, the results are the same: the same operators, evaluated
 * without generated classes. A one-point sweep through {@code ./phasesweep run} took 7.3-7.5 s of
 * user CPU compiled and 5.5-6.1 s interpreted (load 14; whole-stage code generation off alone:
 * 7.2-7.7 s), see docs/benchmarks.md.
 *
 * <p>A command starts its session with {@link #atStart}; a sweep's size can change after that (a
 * refined sweep grows round by round; {@code analyze} learns its sweep from the runs table), so
 * {@link RunJob} and {@link AnalyzeJob} set the queries again by the size of the sweep they are
 * about to read or write ({@link #follow}), where the command left the choice to phasesweep.
 */
public final class InterpretedQueries {
    /**
     * Up to this many points a sweep's queries run interpreted: at 10^5 raw rows (synthetic model)
     * {@code analyze} still took less CPU interpreted, 11.9-12.2 s against 13.5-13.6 s (load 10-11).
     */
    public static final long MAX_POINTS = 100_000;

    /**
     * {@code spark.sql.codegen.factoryMode} is marked internal by Spark (its tests use it), but is
     * the one switch that keeps projections from being compiled; whole-stage code generation has its own.
     */
    static final Map<String, String> SETTINGS = Map.of(
            "spark.sql.codegen.wholeStage", "false",
            "spark.sql.codegen.factoryMode", "NO_CODEGEN");

    /** Set (true) in a session whose {@link #SETTINGS} phasesweep chooses by the sweep's size: the user set neither. */
    static final String BY_SIZE = "spark.phasesweep.interpretedQueriesBySize";

    private InterpretedQueries() {
    }

    /** Whether the queries of a sweep of {@code points} points run interpreted. */
    static boolean interpreted(long points) {
        return points <= MAX_POINTS;
    }

    /**
     * The settings a command starts its session with for a sweep of {@code points} points (0 while
     * unknown: the first queries, of the runs table, are small): none where the user sets either of
     * {@link #SETTINGS} ({@code userSets}), whose queries then stay as the user set them.
     */
    public static Map<String, String> atStart(long points, Predicate<String> userSets) {
        if (SETTINGS.keySet().stream().anyMatch(userSets)) {
            return Map.of();
        }
        Map<String, String> settings = new HashMap<>(interpreted(points) ? SETTINGS : Map.of());
        settings.put(BY_SIZE, "true");
        return settings;
    }

    /**
     * Before the queries of a sweep of {@code points} points: interpreted up to {@link #MAX_POINTS},
     * compiled (Spark's defaults) above, in a session started with {@link #atStart}'s choice; any
     * other session is left as it is.
     */
    static void follow(SparkSession spark, long points) {
        if (!Boolean.parseBoolean(spark.conf().get(BY_SIZE, "false"))) {
            return;
        }
        SETTINGS.forEach((key, value) -> {
            if (interpreted(points)) {
                spark.conf().set(key, value);
            } else {
                spark.conf().unset(key);
            }
        });
    }
}
