package io.phasesweep.jobs;

import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;

/** The {@code runs} table: one provenance row per run, enough to say what produced the rows of {@code raw}. */
final class RunsTable {
    static final StructType SCHEMA = new StructType(List.of(
            string("run_id"), string("sweep"), string("sweep_file"), string("sweep_sha256"),
            string("engine_version"), string("git_commit"), string("java_version"), string("spark_version"),
            string("master"),
            DataTypes.createStructField("started_at", DataTypes.TimestampType, false),
            DataTypes.createStructField("ended_at", DataTypes.TimestampType, false),
            count("points_total"), count("points_ok"), count("points_failed"), count("points_timeout")
    ).toArray(StructField[]::new));

    private RunsTable() {
    }

    static void append(SparkSession spark, String path, SweepFile sweep, RunSummary run, Instant started, Instant ended) {
        BuildInfo build = BuildInfo.load();
        var row = RowFactory.create(run.runId(), sweep.spec().name(), sweep.text(), sha256(sweep.text()),
                build.version(), build.gitCommit(), Runtime.version().toString(), spark.version(),
                spark.sparkContext().master(), Timestamp.from(started), Timestamp.from(ended),
                run.total(), run.ok(), run.failed(), run.timeout());
        spark.createDataFrame(List.of(row), SCHEMA).coalesce(1).write().mode(SaveMode.Append).parquet(path);
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    private static StructField string(String name) {
        return DataTypes.createStructField(name, DataTypes.StringType, false);
    }

    private static StructField count(String name) {
        return DataTypes.createStructField(name, DataTypes.LongType, false);
    }
}
