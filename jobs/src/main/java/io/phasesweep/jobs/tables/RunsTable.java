package io.phasesweep.jobs.tables;

import io.phasesweep.jobs.BuildInfo;
import io.phasesweep.jobs.SweepFile;
import io.phasesweep.jobs.spark.RunSummary;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.expressions.GenericRowWithSchema;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The {@code runs} table: provenance of the rows of {@code raw}. A run appends a row with status
 * {@code started} before it writes any raw row, and one with status {@code completed} (end time,
 * counts, and the earlier runs whose rows a {@code --resume} run kept) when it is done. A run with
 * only its started row was interrupted (or is still running): its raw rows are a partial sweep.
 *
 * <p>Readers of {@code raw} ({@code analyze}, {@code report}) take the rows of
 * {@link #finishedRunIds} and report {@link #unfinishedRunIds}; {@link CurrentRaw} does both
 * selections for them.
 */
public final class RunsTable {
    public static final String NAME = "runs";
    public static final String STARTED = "started";
    public static final String COMPLETED = "completed";

    public static final StructType SCHEMA = new StructType(List.of(
            string("run_id", false), string("status", false), string("sweep", false), string("sweep_file", false),
            string("sweep_sha256", false), string("engine_version", false), string("git_commit", false),
            string("java_version", false), string("spark_version", false), string("master", false),
            DataTypes.createStructField("started_at", DataTypes.TimestampType, false),
            DataTypes.createStructField("ended_at", DataTypes.TimestampType, true),
            count("points_total"), count("points_ok"), count("points_failed"), count("points_timeout"),
            string("resumed_runs", true)
    ).toArray(StructField[]::new));

    private RunsTable() {
    }

    /** Appends the run's started row, before any of its raw rows exist; returns the row. */
    public static Row started(SparkSession spark, String path, SweepFile sweep, String runId, Instant started) {
        return append(spark, path, sweep, runId, STARTED, started, null, null, Set.of());
    }

    /** Appends the run's completed row, after its last raw rows are committed; returns the row. */
    public static Row completed(SparkSession spark, String path, SweepFile sweep, RunSummary run, Instant started,
                          Instant ended, Set<String> resumedRuns) {
        return append(spark, path, sweep, run.runId(), COMPLETED, started, ended, run, resumedRuns);
    }

    private static Row append(SparkSession spark, String path, SweepFile sweep, String runId, String status,
                               Instant started, Instant ended, RunSummary counts, Set<String> resumedRuns) {
        BuildInfo build = BuildInfo.load();
        // with its schema, as the rows read back have it: a reader takes columns by name
        Row row = new GenericRowWithSchema(new Object[] {runId, status, sweep.spec().name(), sweep.text(), sha256(sweep.text()),
                build.version(), build.gitCommit(), Runtime.version().toString(), spark.version(),
                spark.sparkContext().master(), timestamp(started), ended == null ? null : timestamp(ended),
                counts == null ? null : counts.total(), counts == null ? null : counts.ok(),
                counts == null ? null : counts.failed(), counts == null ? null : counts.timeout(),
                resumedRuns.isEmpty() ? null : String.join(",", new TreeSet<>(resumedRuns))}, SCHEMA);
        // INT64 microseconds with Parquet's TIMESTAMP annotation, not Spark's default INT96, which the
        // Parquet format deprecates and which other readers see only by convention.
        spark.conf().set("spark.sql.parquet.outputTimestampType", "TIMESTAMP_MICROS");
        spark.createDataFrame(List.of(row), SCHEMA).coalesce(1).write().mode(SaveMode.Append).parquet(path);
        return row;
    }

    /** A time as the table holds it: to the microsecond. */
    private static Timestamp timestamp(Instant t) {
        return Timestamp.from(t.truncatedTo(ChronoUnit.MICROS));
    }

    /**
     * Runs whose raw rows are final: every completed run, and every run a completed {@code --resume}
     * run took rows over from.
     */
    public static Set<String> finishedRunIds(SparkSession spark, String path) {
        return finishedRunIds(rows(spark, path));
    }

    /** {@link #finishedRunIds(SparkSession, String)} of the table's rows, as {@link #rows} collects them. */
    public static Set<String> finishedRunIds(List<Row> runs) {
        Set<String> ids = new TreeSet<>();
        for (Row r : runs) {
            if (COMPLETED.equals(r.getAs("status"))) {
                ids.add(r.getAs("run_id"));
                String resumed = r.getAs("resumed_runs");
                if (resumed != null) {
                    ids.addAll(Arrays.asList(resumed.split(",")));
                }
            }
        }
        return ids;
    }

    /** Runs that started but are not finished: interrupted, or still running. Their raw rows are a partial sweep. */
    public static Set<String> unfinishedRunIds(SparkSession spark, String path) {
        List<Row> runs = rows(spark, path);
        Set<String> ids = new TreeSet<>();
        for (Row r : runs) {
            if (STARTED.equals(r.getAs("status"))) {
                ids.add(r.getAs("run_id"));
            }
        }
        ids.removeAll(finishedRunIds(runs));
        return ids;
    }

    /** Every row of the table, on the driver (two per run: it is small), in one Spark job. */
    public static List<Row> rows(SparkSession spark, String path) {
        return read(spark, path).collectAsList();
    }

    /** Rows as {@link #rows} collects them, as the table again: a query on the driver's copy (no Spark job to collect). */
    public static Dataset<Row> of(SparkSession spark, List<Row> rows) {
        return spark.createDataFrame(rows, SCHEMA);
    }

    public static Dataset<Row> read(SparkSession spark, String path) {
        return spark.read().schema(SCHEMA).parquet(path);
    }

    public static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    private static StructField string(String name, boolean nullable) {
        return DataTypes.createStructField(name, DataTypes.StringType, nullable);
    }

    private static StructField count(String name) {
        return DataTypes.createStructField(name, DataTypes.LongType, true);
    }
}
