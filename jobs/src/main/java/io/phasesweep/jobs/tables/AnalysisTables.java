package io.phasesweep.jobs.tables;

import io.phasesweep.engine.fss.AnalysisResult;
import io.phasesweep.engine.stats.ObservableSet;
import io.phasesweep.engine.sweep.SweepSpec;
import io.phasesweep.jobs.CommandError;
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

    /** Work for the caller's thread while the tables are written, given them in memory as they are being written. */
    @FunctionalInterface
    public interface WhileWriting {
        void accept(FolderTables tables) throws CommandError;
    }

    /**
     * Writes the four tables, each a Spark job of its own, at the same time: a small sweep's
     * tables take a job's start and commit each, mostly driver work a second core can share.
     * Returns {@code tables} with them in memory, as written, for a reader in this process (the
     * report), which {@code meanwhile} gets while they are written (the report's page, rendered
     * then). A failed write fails the whole, after the other writes have ended, and removes every
     * derived table: a mix of new and stale tables would disagree with each other.
     */
    public FolderTables write(SparkSession spark, OutputFolder out, AnalysisResult result, List<String> notes,
                              FolderTables tables, WhileWriting meanwhile) throws CommandError {
        Map<String, Dataset<Row>> written = new LinkedHashMap<>();
        written.put(PointsTable.NAME, spark.createDataFrame(result.points().stream().map(points::row).toList(), points.schema()));
        written.put(BoundariesTable.NAME, spark.createDataFrame(
                result.boundaries().stream().map(b -> BoundariesTable.row(spec, b)).toList(), BoundariesTable.SCHEMA));
        written.put(ExponentsTable.NAME, spark.createDataFrame(
                result.exponents().stream().map(e -> ExponentsTable.row(spec, e)).toList(), ExponentsTable.SCHEMA));
        written.put(NotesTable.NAME, spark.createDataFrame(notes.stream().map(n -> NotesTable.row(spec, n)).toList(),
                NotesTable.SCHEMA));
        // each a query on the driver's copy of the rows (no Spark job to collect)
        FolderTables all = tables;
        for (Map.Entry<String, Dataset<Row>> t : written.entrySet()) {
            all = all.with(t.getKey(), t.getValue());
        }
        ExecutorService writers = Executors.newFixedThreadPool(written.size(), r -> new Thread(r, "phasesweep-table-writer"));
        try {
            List<Future<?>> writes = new ArrayList<>();
            written.forEach((name, rows) -> writes.add(writers.submit(
                    () -> rows.coalesce(1).write().mode(SaveMode.Overwrite).parquet(out.table(name)))));
            try {
                meanwhile.accept(all);
            } finally {
                RuntimeException failed = await(writes);
                if (failed != null) {
                    out.removeDerived();
                    throw failed;
                }
            }
        } finally {
            writers.shutdown();
        }
        return all;
    }

    /**
     * Waits for every write to end, even when interrupted (the caller stops Spark and releases the
     * folder's lock next, which must not happen under a running write; the interrupt is kept for
     * the caller); returns the first failure, or null.
     */
    private static RuntimeException await(List<Future<?>> writes) {
        RuntimeException failed = null;
        boolean interrupted = false;
        for (Future<?> w : writes) {
            while (true) {
                try {
                    w.get();
                    break;
                } catch (ExecutionException e) {
                    failed = failed != null ? failed : e.getCause() instanceof RuntimeException r ? r
                            : new IllegalStateException(e.getCause());
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                    failed = failed != null ? failed : new IllegalStateException("interrupted while writing the tables", e);
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        return failed;
    }
}
