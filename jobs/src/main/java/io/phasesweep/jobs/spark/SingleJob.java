package io.phasesweep.jobs.spark;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.RuntimeConfig;

import java.util.List;

/**
 * Collects a query with a shuffle in one Spark job. Adaptive query execution runs each shuffle's
 * map side as a job of its own and plans the rest again after it: tenths of a second per job
 * while the code is cold, the whole cost of a small sweep's aggregation, for re-planning that
 * only coalesces partitions. Without it the query is one job of two stages, with
 * {@code spark.sql.shuffle.partitions} reduce tasks. The setting is the session's: set for the
 * planning of this one query (planned when it is collected, on the caller's thread), then put back.
 * So it holds only while the driver plans one query at a time, as the analysis does today: a query
 * planned on another thread of the same session meanwhile would run without adaptive execution too.
 */
final class SingleJob {
    private static final String ADAPTIVE = "spark.sql.adaptive.enabled";

    private SingleJob() {
    }

    static <T> List<T> collect(Dataset<T> query) {
        RuntimeConfig conf = query.sparkSession().conf();
        String before = conf.get(ADAPTIVE);
        conf.set(ADAPTIVE, "false");
        try {
            return query.collectAsList();
        } finally {
            conf.set(ADAPTIVE, before);
        }
    }
}
