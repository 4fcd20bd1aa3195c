package io.phasesweep.jobs.tables;

import io.phasesweep.engine.fss.PointRow;
import io.phasesweep.engine.stats.Estimate;
import io.phasesweep.engine.stats.ObservableSet;
import io.phasesweep.engine.sweep.SweepSpec;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.phasesweep.jobs.tables.TableSchema.field;

/**
 * The {@code points} table of one sweep: one row per (parameters, size) with replica means and
 * errors. Its schema depends on the sweep: the parameter columns are those of {@code raw}, then
 * {@code X}, {@code X_err} per observable (measured, then derived).
 */
public final class PointsTable {
    public static final String NAME = "points";

    private final SweepSpec spec;
    private final StructType schema;

    public PointsTable(SweepSpec spec, ObservableSet observables) {
        this.spec = spec;
        List<StructField> fields = new ArrayList<>(List.of(
                field("sweep", DataTypes.StringType, false), field("model", DataTypes.StringType, false),
                field("size", DataTypes.IntegerType, false), field("replicas", DataTypes.IntegerType, false),
                field("failed", DataTypes.IntegerType, false)));
        RawTable.parameterColumns(spec).forEach((name, word) ->
                fields.add(field(name, word ? DataTypes.StringType : DataTypes.DoubleType, false)));
        for (String name : observables.names()) {
            fields.add(field(name, DataTypes.DoubleType, true));
            fields.add(field(name + "_err", DataTypes.DoubleType, true));
        }
        this.schema = new StructType(fields.toArray(StructField[]::new));
    }

    public StructType schema() {
        return schema;
    }

    Row row(PointRow p) {
        List<Object> v = new ArrayList<>(schema.size());
        v.add(spec.name());
        v.add(spec.model());
        v.add(p.size());
        v.add(p.replicas());
        v.add(p.failed());
        RawTable.parameterColumns(spec).keySet().forEach(name -> v.add(p.params().values().get(name)));
        for (Map.Entry<String, Estimate> e : p.observables().entrySet()) {
            v.add(nullIfNaN(e.getValue().value()));
            v.add(nullIfNaN(e.getValue().error()));
        }
        return RowFactory.create(v.toArray());
    }

    /** A point without replicas, or an error from a single one, has no number: null, as in {@code raw}. */
    private static Double nullIfNaN(double v) {
        return Double.isNaN(v) ? null : v;
    }
}
