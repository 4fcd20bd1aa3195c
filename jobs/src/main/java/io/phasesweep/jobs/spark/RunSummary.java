package io.phasesweep.jobs.spark;

import org.apache.spark.sql.Row;

import java.util.List;

/**
 * What one run wrote to {@code raw}: points by status, counted from the table itself.
 *
 * @param runsRows the rows of the folder's {@code runs} table after the run when the run wrote all of
 *                 them (the folder had none before: its started and completed rows), else null; the
 *                 analysis that follows the run then need not read them back
 */
public record RunSummary(String runId, long total, long ok, long failed, long timeout, List<Row> runsRows) {
    public RunSummary {
        runsRows = runsRows == null ? null : List.copyOf(runsRows);
    }

    /** The counts of a run whose runs rows are not kept. */
    public RunSummary(String runId, long total, long ok, long failed, long timeout) {
        this(runId, total, ok, failed, timeout, null);
    }

    /** This summary with the rows of the runs table as they are after the run. */
    RunSummary withRunsRows(List<Row> rows) {
        return new RunSummary(runId, total, ok, failed, timeout, rows);
    }
}
