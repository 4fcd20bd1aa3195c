package io.phasesweep.jobs;

import org.apache.spark.sql.SparkSession;

/**
 * The one SparkSession of the test JVM: starting Spark costs ~3 s, so every test class shares it
 * (surefire runs them in one reused fork). local[2] so partitions really run in parallel.
 */
public final class TestSpark {
    private static SparkSession session;

    private TestSpark() {
    }

    public static synchronized SparkSession session() {
        if (session == null) {
            session = SparkSession.builder()
                    .appName("phasesweep-tests")
                    .master("local[2]")
                    .config("spark.ui.enabled", "false")
                    .config("spark.driver.host", "127.0.0.1")
                    .config("spark.driver.bindAddress", "127.0.0.1")
                    .config("spark.sql.shuffle.partitions", "2")
                    .getOrCreate();
        }
        return session;
    }
}
