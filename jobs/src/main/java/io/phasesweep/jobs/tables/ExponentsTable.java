package io.phasesweep.jobs.tables;

import io.phasesweep.engine.fss.ExponentRow;
import io.phasesweep.engine.sweep.SweepSpec;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;

/**
 * The {@code exponents} table: one row per estimate of an exponent: sweep, model, quantity, then the
 * {@link FindingColumns} with the value in {@code value}.
 */
public final class ExponentsTable {
    public static final String NAME = "exponents";
    public static final String VALUE = "value";
    public static final StructType SCHEMA = FindingColumns.schema("quantity", VALUE);

    private ExponentsTable() {
    }

    static Row row(SweepSpec spec, ExponentRow e) {
        return row(spec.name(), spec.model(), e);
    }

    /** A row of the sweep and model named. */
    public static Row row(String sweep, String model, ExponentRow e) {
        return FindingColumns.row(sweep, model, e.quantity(), e.finding());
    }

    /** A row read back. */
    public static ExponentRow read(Row r) {
        return new ExponentRow(r.getAs("quantity"), FindingColumns.read(r, VALUE));
    }
}
