package io.phasesweep.jobs;

import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.apache.spark.sql.SparkSession;

import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Counts the Spark jobs a piece of driver code starts: every job costs planning and scheduling
 * (tenths of a second when the code is cold), so a small sweep's analysis should start few.
 */
public final class SparkJobs extends SparkListener implements AutoCloseable {
    private final SparkSession spark;
    private final AtomicInteger started = new AtomicInteger();

    private SparkJobs(SparkSession spark) {
        this.spark = spark;
    }

    /** Counts from now on, not the jobs whose events are still on their way. */
    public static SparkJobs count(SparkSession spark) {
        drain(spark);
        SparkJobs jobs = new SparkJobs(spark);
        spark.sparkContext().addSparkListener(jobs);
        return jobs;
    }

    @Override
    public void onJobStart(SparkListenerJobStart jobStart) {
        started.incrementAndGet();
    }

    /** The jobs started so far (after the events of every job started so far have arrived). */
    public int started() {
        drain(spark);
        return started.get();
    }

    @Override
    public void close() {
        spark.sparkContext().removeSparkListener(this);
    }

    /** Listener events arrive on a thread of their own: waits until every event posted so far was delivered. */
    private static void drain(SparkSession spark) {
        try {
            spark.sparkContext().listenerBus().waitUntilEmpty();
        } catch (TimeoutException e) {
            throw new IllegalStateException("Spark's listener bus did not drain", e);
        }
    }
}
