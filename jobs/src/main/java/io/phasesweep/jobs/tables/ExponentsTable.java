package io.phasesweep.jobs.tables;

import io.phasesweep.engine.fss.ExponentRow;
import io.phasesweep.engine.sweep.SweepSpec;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

import static io.phasesweep.jobs.tables.TableSchema.field;

/** The {@code exponents} table: one row per estimate of an exponent. */
public final class ExponentsTable {
    public static final String NAME = "exponents";
    public static final StructType SCHEMA = new StructType(new StructField[]{
            field("sweep", DataTypes.StringType, false), field("model", DataTypes.StringType, false),
            field("across", DataTypes.StringType, true), field("across_value", DataTypes.DoubleType, true),
            field("quantity", DataTypes.StringType, false), field("value", DataTypes.DoubleType, false),
            field("stderr", DataTypes.DoubleType, false), field("method", DataTypes.StringType, false),
            field("sizes", DataTypes.createArrayType(DataTypes.IntegerType, false), false),
            field("quality", DataTypes.StringType, false)});

    private ExponentsTable() {
    }

    static Row row(SweepSpec spec, ExponentRow e) {
        return RowFactory.create(spec.name(), spec.model(), e.across(), e.acrossValue(), e.quantity(), e.value(),
                e.stderr(), e.method(), e.sizes().toArray(Integer[]::new), e.quality());
    }
}
