package io.phasesweep.jobs;

import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.util.LongAccumulator;

import java.io.PrintWriter;

/**
 * Prints "points done/total" each time a task finishes. The accumulator is already merged when
 * Spark posts the task-end event; a retried task can count its points twice, hence the cap.
 */
final class Progress extends SparkListener {
    private final LongAccumulator done;
    private final long total;
    private final PrintWriter log;
    private long printed = -1;

    Progress(LongAccumulator done, long total, PrintWriter log) {
        this.done = done;
        this.total = total;
        this.log = log;
    }

    @Override
    public synchronized void onTaskEnd(SparkListenerTaskEnd taskEnd) {
        long now = Math.min(done.value(), total);
        if (now != printed) {
            printed = now;
            log.printf("  %d/%d points done%n", now, total).flush();
        }
    }
}
