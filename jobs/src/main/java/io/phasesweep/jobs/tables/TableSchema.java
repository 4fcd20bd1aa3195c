package io.phasesweep.jobs.tables;

import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;

/** Shorthand for the column declarations of the table classes. */
final class TableSchema {
    private TableSchema() {
    }

    static StructField field(String name, DataType type, boolean nullable) {
        return DataTypes.createStructField(name, type, nullable);
    }
}
