package io.phasesweep.jobs.tables;

import io.phasesweep.engine.fss.BoundaryRow;
import io.phasesweep.engine.sweep.SweepSpec;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

import static io.phasesweep.jobs.tables.TableSchema.field;

/** The {@code boundaries} table: one row per estimate of a critical value (DESIGN.md, plus the README's additions). */
public final class BoundariesTable {
    public static final String NAME = "boundaries";
    public static final StructType SCHEMA = new StructType(new StructField[]{
            field("sweep", DataTypes.StringType, false), field("model", DataTypes.StringType, false),
            field("control", DataTypes.StringType, false), field("across", DataTypes.StringType, true),
            field("across_value", DataTypes.DoubleType, true), field("critical_value", DataTypes.DoubleType, false),
            field("stderr", DataTypes.DoubleType, false), field("method", DataTypes.StringType, false),
            field("sizes", DataTypes.createArrayType(DataTypes.IntegerType, false), false),
            field("quality", DataTypes.StringType, false)});

    private BoundariesTable() {
    }

    static Row row(SweepSpec spec, BoundaryRow b) {
        return RowFactory.create(spec.name(), spec.model(), b.control(), b.across(), b.acrossValue(),
                b.criticalValue(), b.stderr(), b.method(), b.sizes().toArray(Integer[]::new), b.quality());
    }
}
