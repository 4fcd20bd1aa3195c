package io.phasesweep.jobs;

import io.phasesweep.engine.fss.AnalysisResult;
import io.phasesweep.engine.fss.BoundaryRow;
import io.phasesweep.engine.fss.ExponentRow;
import io.phasesweep.engine.fss.PointRow;
import io.phasesweep.engine.stats.Estimate;
import io.phasesweep.engine.stats.ObservableSet;
import io.phasesweep.engine.sweep.SweepSpec;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The derived tables {@code points}, {@code boundaries}, {@code exponents} and {@code notes} of one
 * sweep: their schemas (as in DESIGN.md, plus {@code notes}, which it does not have) and the
 * engine's rows as Spark rows. They are overwritten on every
 * analysis, one Parquet file each: they are small and follow from {@code raw} alone.
 */
final class AnalysisTables {
    static final StructType BOUNDARIES = schema(
            field("sweep", DataTypes.StringType, false), field("model", DataTypes.StringType, false),
            field("control", DataTypes.StringType, false), field("across", DataTypes.StringType, true),
            field("across_value", DataTypes.DoubleType, true), field("critical_value", DataTypes.DoubleType, false),
            field("stderr", DataTypes.DoubleType, false), field("method", DataTypes.StringType, false),
            field("sizes", DataTypes.createArrayType(DataTypes.IntegerType, false), false),
            field("quality", DataTypes.StringType, false));
    static final StructType EXPONENTS = schema(
            field("sweep", DataTypes.StringType, false), field("model", DataTypes.StringType, false),
            field("across", DataTypes.StringType, true), field("across_value", DataTypes.DoubleType, true),
            field("quantity", DataTypes.StringType, false), field("value", DataTypes.DoubleType, false),
            field("stderr", DataTypes.DoubleType, false), field("method", DataTypes.StringType, false),
            field("sizes", DataTypes.createArrayType(DataTypes.IntegerType, false), false),
            field("quality", DataTypes.StringType, false));
    /** What the analysis left out or could not estimate, so that the report shows it beside the numbers. */
    static final StructType NOTES = schema(
            field("sweep", DataTypes.StringType, false), field("model", DataTypes.StringType, false),
            field("note", DataTypes.StringType, false));

    private final SweepSpec spec;
    private final StructType points;

    /** The {@code points} schema depends on the sweep: its parameter columns are those of {@code raw}. */
    AnalysisTables(SweepSpec spec, ObservableSet observables) {
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
        this.points = new StructType(fields.toArray(StructField[]::new));
    }

    StructType pointsSchema() {
        return points;
    }

    void write(SparkSession spark, OutputFolder out, AnalysisResult result, List<String> notes) {
        write(spark, out.table("points"), points, result.points().stream().map(this::point).toList());
        write(spark, out.table("boundaries"), BOUNDARIES, result.boundaries().stream().map(this::boundary).toList());
        write(spark, out.table("exponents"), EXPONENTS, result.exponents().stream().map(this::exponent).toList());
        write(spark, out.table("notes"), NOTES,
                notes.stream().map(n -> RowFactory.create(spec.name(), spec.model(), n)).toList());
    }

    private static void write(SparkSession spark, String path, StructType schema, List<Row> rows) {
        spark.createDataFrame(rows, schema).coalesce(1).write().mode(SaveMode.Overwrite).parquet(path);
    }

    private Row point(PointRow p) {
        List<Object> v = new ArrayList<>(points.size());
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

    private Row boundary(BoundaryRow b) {
        return RowFactory.create(spec.name(), spec.model(), b.control(), b.across(), b.acrossValue(),
                b.criticalValue(), b.stderr(), b.method(), b.sizes().toArray(Integer[]::new), b.quality());
    }

    private Row exponent(ExponentRow e) {
        return RowFactory.create(spec.name(), spec.model(), e.across(), e.acrossValue(), e.quantity(), e.value(),
                e.stderr(), e.method(), e.sizes().toArray(Integer[]::new), e.quality());
    }

    /** A point without replicas, or an error from a single one, has no number: null, as in {@code raw}. */
    private static Double nullIfNaN(double v) {
        return Double.isNaN(v) ? null : v;
    }

    private static StructType schema(StructField... fields) {
        return new StructType(fields);
    }

    private static StructField field(String name, DataType type, boolean nullable) {
        return DataTypes.createStructField(name, type, nullable);
    }
}
