package io.phasesweep.jobs.spark;

import java.util.Map;

/**
 * Spark settings that keep a small sweep's queries interpreted: Spark compiles Java source for the
 * expressions of every query (Janino), a second of CPU on a cold JVM for the few queries of a run
 * (the rows' conversion, the runs rows, the replica averaging, the table writes), which only pays
 * back over many rows. Interpreted, the results are the same: the same operators, evaluated
 * without generated classes. A one-point sweep through {@code ./phasesweep run} took 7.3-7.5 s of
 * user CPU compiled and 5.5-6.1 s interpreted (load 14; whole-stage code generation off alone:
 * 7.2-7.7 s), see docs/benchmarks.md.
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

    private InterpretedQueries() {
    }

    /** The settings for a sweep of {@code points} points: none for a large one. */
    public static Map<String, String> forPoints(long points) {
        return points <= MAX_POINTS ? SETTINGS : Map.of();
    }
}
