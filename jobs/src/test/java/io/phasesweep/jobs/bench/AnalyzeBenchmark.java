package io.phasesweep.jobs.bench;

import com.sun.management.GarbageCollectionNotificationInfo;
import io.phasesweep.jobs.spark.AnalyzeJob;
import io.phasesweep.jobs.tables.OutputFolder;
import io.phasesweep.jobs.tables.RawTable;
import org.apache.spark.sql.SparkSession;

import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * Times {@code analyze} ({@link AnalyzeJob}, as the command runs it) on an output folder and
 * prints one line: raw rows, seconds, rows per second, and the driver's heap: the largest heap in
 * use right after any garbage collection, an upper bound of what the analysis held live (a young
 * collection leaves the old generation's garbage; in local mode the executors' tasks run in this
 * JVM too, with Spark's execution memory).
 * Spark settings come from system properties, as the launcher passes conf/spark-defaults.conf.
 *
 * <p>Usage: {@code AnalyzeBenchmark OUTDIR MASTER}
 */
public final class AnalyzeBenchmark {
    private static final double MIB = 1024.0 * 1024.0;

    private AnalyzeBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        AtomicLong liveAfterGc = watchLiveHeap();
        SparkSession spark = SparkSession.builder().appName("phasesweep analyze benchmark").master(args[1]).getOrCreate();
        try {
            OutputFolder out = OutputFolder.existing(spark.sparkContext().hadoopConfiguration(), args[0]);
            long rows = spark.read().parquet(out.table(RawTable.NAME)).count();
            StringWriter log = new StringWriter();
            long start = System.nanoTime();
            new AnalyzeJob(spark, new PrintWriter(log)).run(out);
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf(Locale.ROOT, "%d raw rows: analyze %.1f s, %.0f rows/s; heap: max %.0f MiB, after GC"
                            + " at most %.0f MiB%n", rows, seconds, rows / seconds,
                    Runtime.getRuntime().maxMemory() / MIB, liveAfterGc.get() / MIB);
        } finally {
            spark.stop();
        }
    }

    /** The largest heap in use right after a garbage collection, kept up to date by the collectors' notifications. */
    private static AtomicLong watchLiveHeap() {
        Set<String> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .map(MemoryPoolMXBean::getName).collect(Collectors.toSet());
        AtomicLong max = new AtomicLong();
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            ((NotificationEmitter) gc).addNotificationListener((notification, handback) -> {
                if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
                    var after = GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData())
                            .getGcInfo().getMemoryUsageAfterGc();
                    long used = after.entrySet().stream().filter(e -> heapPools.contains(e.getKey()))
                            .mapToLong(e -> e.getValue().getUsed()).sum();
                    max.accumulateAndGet(used, Math::max);
                }
            }, null, null);
        }
        return max;
    }
}
