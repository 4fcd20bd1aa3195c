package io.phasesweep.jobs.tables;

import io.phasesweep.engine.fss.AnalysisResult;
import io.phasesweep.engine.stats.ObservableSet;
import io.phasesweep.engine.sweep.SweepSpec;
import org.apache.spark.sql.Dataset;
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

    /**
     * Writes the four tables; returns {@code tables} with them in memory, as written, for a reader in
     * this process (the report).
     */
    public FolderTables write(SparkSession spark, OutputFolder out, AnalysisResult result, List<String> notes,
                              FolderTables tables) {
        return tables
                .with(PointsTable.NAME, write(spark, out.table(PointsTable.NAME), points.schema(),
                        result.points().stream().map(points::row).toList()))
                .with(BoundariesTable.NAME, write(spark, out.table(BoundariesTable.NAME), BoundariesTable.SCHEMA,
                        result.boundaries().stream().map(b -> BoundariesTable.row(spec, b)).toList()))
                .with(ExponentsTable.NAME, write(spark, out.table(ExponentsTable.NAME), ExponentsTable.SCHEMA,
                        result.exponents().stream().map(e -> ExponentsTable.row(spec, e)).toList()))
                .with(NotesTable.NAME, write(spark, out.table(NotesTable.NAME), NotesTable.SCHEMA,
                        notes.stream().map(n -> NotesTable.row(spec, n)).toList()));
    }

    /** One Parquet file of {@code rows}; returns them as a query on the driver's copy (no Spark job to collect). */
    private static Dataset<Row> write(SparkSession spark, String path, StructType schema, List<Row> rows) {
        Dataset<Row> table = spark.createDataFrame(rows, schema);
        table.coalesce(1).write().mode(SaveMode.Overwrite).parquet(path);
        return table;
    }
}
