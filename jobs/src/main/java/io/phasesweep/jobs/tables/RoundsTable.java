package io.phasesweep.jobs.tables;

import io.phasesweep.engine.refine.TargetStatus;
import io.phasesweep.engine.sweep.SweepSpec;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

import java.util.List;

import static io.phasesweep.jobs.tables.TableSchema.field;

/**
 * The {@code rounds} table of a refined sweep (one with a {@code refine} section): one row per
 * round and target (quantity and across value): the points the round added, the points and
 * core-seconds of the sweep after it, the target's best value and stderr after it, and on the last
 * round why the rounds stopped. Rewritten whole after each round; {@code run --resume} keeps the
 * rounds before the one it resumes.
 */
public final class RoundsTable {
    public static final String NAME = "rounds";
    public static final StructType SCHEMA = new StructType(new StructField[]{
            field("sweep", DataTypes.StringType, false), field("model", DataTypes.StringType, false),
            field("round", DataTypes.IntegerType, false), field("points_added", DataTypes.LongType, false),
            field("points", DataTypes.LongType, false), field("core_seconds", DataTypes.DoubleType, false),
            field("quantity", DataTypes.StringType, false), field("across", DataTypes.StringType, true),
            field("across_value", DataTypes.DoubleType, true), field("value", DataTypes.DoubleType, true),
            field("stderr", DataTypes.DoubleType, true), field("target", DataTypes.DoubleType, false),
            field("stop", DataTypes.StringType, true)});

    private RoundsTable() {
    }

    /**
     * One round's record of one target.
     *
     * @param pointsAdded points the round planned (round 0: the sweep's own)
     * @param points      points of the sweep after the round
     * @param coreSeconds core-seconds of the sweep's rows after the round
     * @param stop        why the rounds stopped after this one, or null
     */
    public record Round(int round, long pointsAdded, long points, double coreSeconds, TargetStatus target, String stop) {
    }

    public static void write(SparkSession spark, OutputFolder out, SweepSpec spec, List<Round> rounds) {
        List<Row> rows = rounds.stream().map(r -> RowFactory.create(spec.name(), spec.model(), r.round(), r.pointsAdded(),
                r.points(), r.coreSeconds(), r.target().quantity(),
                r.target().acrossValue() == null ? null : spec.analysis().across(), r.target().acrossValue(),
                r.target().value(), r.target().stderr(), r.target().target(), r.stop())).toList();
        spark.createDataFrame(rows, SCHEMA).coalesce(1).write().mode(SaveMode.Overwrite).parquet(out.table(NAME));
    }

    /** The rounds recorded in the folder before {@code round}, in order; none when it has no table. */
    public static List<Round> before(SparkSession spark, OutputFolder out, int round) {
        if (!out.hasTable(NAME)) {
            return List.of();
        }
        return read(spark, out.table(NAME)).stream().filter(r -> r.round() < round).toList();
    }

    /** Every row of the table at {@code path}, in round order. */
    public static List<Round> read(SparkSession spark, String path) {
        return spark.read().schema(SCHEMA).parquet(path).orderBy("round").collectAsList().stream()
                .map(r -> new Round(r.getInt(2), r.getLong(3), r.getLong(4), r.getDouble(5),
                        new TargetStatus(r.getString(6), r.isNullAt(8) ? null : r.getDouble(8),
                                r.isNullAt(9) ? null : r.getDouble(9), r.isNullAt(10) ? null : r.getDouble(10), r.getDouble(11)),
                        r.getString(12)))
                .toList();
    }
}
