package io.phasesweep.jobs.tables;

import io.phasesweep.engine.fss.BoundaryRow;
import io.phasesweep.engine.sweep.SweepSpec;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;

/**
 * The {@code boundaries} table: one row per estimate of a critical value (DESIGN.md): sweep, model,
 * control, then the {@link FindingColumns} with the value in {@code critical_value}.
 */
public final class BoundariesTable {
    public static final String NAME = "boundaries";
    public static final String VALUE = "critical_value";
    public static final StructType SCHEMA = FindingColumns.schema("control", VALUE);

    private BoundariesTable() {
    }

    static Row row(SweepSpec spec, BoundaryRow b) {
        return row(spec.name(), spec.model(), b);
    }

    /** A row of the sweep and model named. */
    public static Row row(String sweep, String model, BoundaryRow b) {
        return FindingColumns.row(sweep, model, b.control(), b.finding());
    }

    /** A row read back. */
    public static BoundaryRow read(Row r) {
        return new BoundaryRow(r.getAs("control"), FindingColumns.read(r, VALUE));
    }
}
