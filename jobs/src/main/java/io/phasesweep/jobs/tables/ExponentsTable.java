package io.phasesweep.jobs.tables;

import io.phasesweep.engine.fss.ExponentRow;
import io.phasesweep.engine.sweep.SweepSpec;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

import java.util.ArrayList;
import java.util.List;

import static io.phasesweep.jobs.tables.TableSchema.field;

/**
 * The {@code exponents} table: one row per estimate of an exponent: sweep, model, quantity, then the
 * {@link FindingColumns} with the value in {@code value}.
 */
public final class ExponentsTable {
    public static final String NAME = "exponents";
    public static final String VALUE = "value";
    public static final StructType SCHEMA;

    static {
        List<StructField> f = new ArrayList<>(List.of(field("sweep", DataTypes.StringType, false),
                field("model", DataTypes.StringType, false), field("quantity", DataTypes.StringType, false)));
        f.addAll(FindingColumns.fields(VALUE));
        SCHEMA = new StructType(f.toArray(StructField[]::new));
    }

    private ExponentsTable() {
    }

    static Row row(SweepSpec spec, ExponentRow e) {
        return row(spec.name(), spec.model(), e);
    }

    /** A row of the sweep and model named. */
    public static Row row(String sweep, String model, ExponentRow e) {
        List<Object> v = new ArrayList<>(List.of(sweep, model, e.quantity()));
        v.addAll(FindingColumns.values(e.finding()));
        return RowFactory.create(v.toArray());
    }

    /** A row read back. */
    public static ExponentRow read(Row r) {
        return new ExponentRow(r.getAs("quantity"), FindingColumns.read(r, VALUE));
    }
}
