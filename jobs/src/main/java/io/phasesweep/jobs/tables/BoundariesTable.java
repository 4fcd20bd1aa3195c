package io.phasesweep.jobs.tables;

import io.phasesweep.engine.fss.BoundaryRow;
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
 * The {@code boundaries} table: one row per estimate of a critical value (DESIGN.md): sweep, model,
 * control, then the {@link FindingColumns} with the value in {@code critical_value}.
 */
public final class BoundariesTable {
    public static final String NAME = "boundaries";
    public static final String VALUE = "critical_value";
    public static final StructType SCHEMA;

    static {
        List<StructField> f = new ArrayList<>(List.of(field("sweep", DataTypes.StringType, false),
                field("model", DataTypes.StringType, false), field("control", DataTypes.StringType, false)));
        f.addAll(FindingColumns.fields(VALUE));
        SCHEMA = new StructType(f.toArray(StructField[]::new));
    }

    private BoundariesTable() {
    }

    static Row row(SweepSpec spec, BoundaryRow b) {
        return row(spec.name(), spec.model(), b);
    }

    /** A row of the sweep and model named. */
    public static Row row(String sweep, String model, BoundaryRow b) {
        List<Object> v = new ArrayList<>(List.of(sweep, model, b.control()));
        v.addAll(FindingColumns.values(b.finding()));
        return RowFactory.create(v.toArray());
    }

    /** A row read back. */
    public static BoundaryRow read(Row r) {
        return new BoundaryRow(r.getAs("control"), FindingColumns.read(r, VALUE));
    }
}
