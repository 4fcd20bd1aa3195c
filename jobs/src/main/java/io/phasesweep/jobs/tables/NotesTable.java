package io.phasesweep.jobs.tables;

import io.phasesweep.engine.sweep.SweepSpec;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

import static io.phasesweep.jobs.tables.TableSchema.field;

/**
 * The {@code notes} table (not in DESIGN.md): what the analysis left out or could not estimate, so
 * that the report shows it beside the numbers.
 */
public final class NotesTable {
    public static final String NAME = "notes";
    public static final StructType SCHEMA = new StructType(new StructField[]{
            field("sweep", DataTypes.StringType, false), field("model", DataTypes.StringType, false),
            field("note", DataTypes.StringType, false)});

    private NotesTable() {
    }

    static Row row(SweepSpec spec, String note) {
        return RowFactory.create(spec.name(), spec.model(), note);
    }
}
