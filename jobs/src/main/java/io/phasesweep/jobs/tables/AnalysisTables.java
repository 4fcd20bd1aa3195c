package io.phasesweep.jobs.tables;

import io.phasesweep.engine.fss.AnalysisResult;
import io.phasesweep.engine.stats.ObservableSet;
import io.phasesweep.engine.sweep.SweepSpec;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

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
     * Writes the four tables, each a Spark job of its own, at the same time: a small sweep's
     * tables take a job's start and commit each, mostly driver work a second core can share.
     * Returns {@code tables} with them in memory, as written, for a reader in this process (the
     * report). A failed write fails the whole, after the other writes have ended.
     */
    public FolderTables write(SparkSession spark, OutputFolder out, AnalysisResult result, List<String> notes,
                              FolderTables tables) {
        Map<String, Dataset<Row>> written = new LinkedHashMap<>();
        written.put(PointsTable.NAME, spark.createDataFrame(result.points().stream().map(points::row).toList(), points.schema()));
        written.put(BoundariesTable.NAME, spark.createDataFrame(
                result.boundaries().stream().map(b -> BoundariesTable.row(spec, b)).toList(), BoundariesTable.SCHEMA));
        written.put(ExponentsTable.NAME, spark.createDataFrame(
                result.exponents().stream().map(e -> ExponentsTable.row(spec, e)).toList(), ExponentsTable.SCHEMA));
        written.put(NotesTable.NAME, spark.createDataFrame(notes.stream().map(n -> NotesTable.row(spec, n)).toList(),
                NotesTable.SCHEMA));
        ExecutorService writers = Executors.newFixedThreadPool(written.size(), r -> new Thread(r, "phasesweep-table-writer"));
        try {
            List<Future<?>> writes = new ArrayList<>();
            written.forEach((name, rows) -> writes.add(writers.submit(
                    () -> rows.coalesce(1).write().mode(SaveMode.Overwrite).parquet(out.table(name)))));
            RuntimeException failed = null;
            for (Future<?> w : writes) {
                try {
                    w.get();
                } catch (ExecutionException e) {
                    failed = failed != null ? failed : e.getCause() instanceof RuntimeException r ? r
                            : new IllegalStateException(e.getCause());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    failed = failed != null ? failed : new IllegalStateException("interrupted while writing the tables", e);
                }
            }
            if (failed != null) {
                throw failed;
            }
        } finally {
            writers.shutdown();
        }
        // each a query on the driver's copy of the rows (no Spark job to collect)
        FolderTables all = tables;
        for (Map.Entry<String, Dataset<Row>> t : written.entrySet()) {
            all = all.with(t.getKey(), t.getValue());
        }
        return all;
    }
}
