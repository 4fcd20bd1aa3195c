package io.phasesweep.jobs.progress;

import io.phasesweep.jobs.spark.RunSummary;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.util.LongAccumulator;

import java.io.PrintWriter;

/**
 * The progress of a run, updated each time a Spark task ends: points done out of the total, failed,
 * rate and ETA. The counts come from accumulators the executors add to, so they are right on a
 * cluster too; Spark has merged a task's updates when it posts the task-end event. A retried task
 * can count its points twice, hence the cap at the total.
 */
public final class Progress extends SparkListener {
    /** How progress is shown. */
    public enum Style {
        /** One line per update; on a terminal the line is rewritten in place. */
        TEXT,
        /** One JSON object per line. */
        JSON,
        /** Nothing. */
        QUIET
    }

    /** Where and how progress goes. */
    public record Output(Style style, PrintWriter out, boolean terminal) {
        public static Output text(PrintWriter out) {
            return new Output(Style.TEXT, out, false);
        }
    }

    /** A line written to a file or pipe is repeated at most this often, so logs stay short. */
    private static final long MIN_INTERVAL_NANOS = 1_000_000_000L;

    private final LongAccumulator done;
    private final LongAccumulator failed;
    private final long total;
    private final Output output;
    private final long startNanos = System.nanoTime();
    private long printedDone = -1;
    private long printedNanos;

    public Progress(LongAccumulator done, LongAccumulator failed, long total, Output output) {
        this.done = done;
        this.failed = failed;
        this.total = total;
        this.output = output;
    }

    /** The first line: the total and, when the Spark UI is on, its address. */
    public void start(String sparkUi) {
        PrintWriter out = output.out();
        switch (output.style()) {
            case TEXT -> {
                if (sparkUi != null) {
                    out.printf("Spark UI: %s%n", sparkUi);
                }
            }
            case JSON -> out.printf("{\"event\":\"start\",\"total\":%d,\"spark_ui\":%s}%n", total,
                    sparkUi == null ? "null" : "\"" + sparkUi.replace("\\", "\\\\").replace("\"", "\\\"") + "\"");
            case QUIET -> {
            }
        }
        out.flush();
    }

    @Override
    public synchronized void onTaskEnd(SparkListenerTaskEnd taskEnd) {
        show(false);
    }

    /** The last line, whatever the time since the one before. */
    public synchronized void finish() {
        show(true);
        if (output.style() == Style.TEXT && output.terminal()) {
            output.out().println();
        }
        output.out().flush();
    }

    /** In JSON style, the closing event with the counts by status read back from {@code raw}. */
    public static void done(Output output, RunSummary run) {
        if (output.style() == Style.JSON) {
            output.out().printf("{\"event\":\"done\",\"run_id\":\"%s\",\"total\":%d,\"ok\":%d,\"failed\":%d,\"timeout\":%d}%n",
                    run.runId(), run.total(), run.ok(), run.failed(), run.timeout()).flush();
        }
    }

    ProgressLine now() {
        return new ProgressLine(Math.min(done.value(), total), total, Math.min(failed.value(), total),
                (System.nanoTime() - startNanos) / 1e9);
    }

    private void show(boolean last) {
        if (output.style() == Style.QUIET) {
            return;
        }
        ProgressLine line = now();
        long nanos = System.nanoTime();
        boolean changed = line.done() != printedDone;
        boolean due = output.terminal() || line.done() == total || nanos - printedNanos >= MIN_INTERVAL_NANOS;
        if (!changed || !(due || last)) {
            return;
        }
        printedDone = line.done();
        printedNanos = nanos;
        PrintWriter out = output.out();
        if (output.style() == Style.JSON) {
            out.println(line.json());
        } else if (output.terminal()) {
            // \r and clear to the end of the line: the line is rewritten in place
            out.print("\r  " + line.text() + "\033[K");
        } else {
            out.println("  " + line.text());
        }
        out.flush();
    }
}
