package io.phasesweep.jobs.tables;

import io.phasesweep.engine.fss.AnalysisResult;
import io.phasesweep.engine.stats.ObservableSet;
import io.phasesweep.engine.sweep.SweepSpec;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;

import java.util.List;

/**
 * Writes the derived tables {@code points}, {@code boundaries}, {@code exponents} and {@code notes}
 * of one sweep. They are overwritten on every analysis, one Parquet file each: they are small and
 * follow from {@code raw} alone.
 */
public final class AnalysisTables {
    private final SweepSpec spec;
    private final PointsTable points;

    public AnalysisTables(SweepSpec spec, ObservableSet observables) {
        this.spec = spec;
        this.points = new PointsTable(spec, observables);
    }

    public void write(SparkSession spark, OutputFolder out, AnalysisResult result, List<String> notes) {
        write(spark, out.table(PointsTable.NAME), points.schema(), result.points().stream().map(points::row).toList());
        write(spark, out.table(BoundariesTable.NAME), BoundariesTable.SCHEMA,
                result.boundaries().stream().map(b -> BoundariesTable.row(spec, b)).toList());
        write(spark, out.table(ExponentsTable.NAME), ExponentsTable.SCHEMA,
                result.exponents().stream().map(e -> ExponentsTable.row(spec, e)).toList());
        write(spark, out.table(NotesTable.NAME), NotesTable.SCHEMA, notes.stream().map(n -> NotesTable.row(spec, n)).toList());
    }

    private static void write(SparkSession spark, String path, StructType schema, List<Row> rows) {
        spark.createDataFrame(rows, schema).coalesce(1).write().mode(SaveMode.Overwrite).parquet(path);
    }
}
