package io.phasesweep.jobs.spark;

/** What one run wrote to {@code raw}: points by status, counted from the table itself. */
public record RunSummary(String runId, long total, long ok, long failed, long timeout) {
}
