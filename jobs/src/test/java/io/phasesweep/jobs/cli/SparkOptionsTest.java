package io.phasesweep.jobs.cli;

import org.apache.spark.SparkConf;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The settings a command reads before Spark starts are read without {@code SparkConf} (so that no
 * Scala class is initialised beside the reflection thread): they must still be the ones Spark sees.
 */
class SparkOptionsTest {
    private static final String PROPERTY = "spark.hadoop.phasesweep.test.fromProperty";
    private static final String BOTH = "spark.hadoop.phasesweep.test.fromBoth";

    @AfterEach
    void clearProperties() {
        System.clearProperty(PROPERTY);
        System.clearProperty(BOTH);
    }

    @Test
    void hadoopSettingsComeFromSystemPropertiesThenConfLikeSparkConfsOwn() {
        System.setProperty(PROPERTY, "property");
        System.setProperty(BOTH, "property");
        SparkOptions options = new SparkOptions();
        options.conf.put(BOTH, "conf");
        options.conf.put("spark.hadoop.phasesweep.test.fromConf", "conf");
        options.conf.put("phasesweep.test.notSpark", "ignored");

        var hadoop = options.hadoopConfiguration();

        assertEquals("property", hadoop.get("phasesweep.test.fromProperty"));
        assertEquals("conf", hadoop.get("phasesweep.test.fromBoth"), "--conf wins over a system property");
        assertEquals("conf", hadoop.get("phasesweep.test.fromConf"));
        assertNull(hadoop.get("phasesweep.test.notSpark"));
        SparkConf spark = new SparkConf();
        options.conf.forEach(spark::set);
        assertEquals(spark.get(BOTH), hadoop.get("phasesweep.test.fromBoth"), "the value Spark's own SparkConf holds");
        assertEquals(spark.get(PROPERTY), hadoop.get("phasesweep.test.fromProperty"), "the value Spark's own SparkConf holds");
    }

    @Test
    void aSettingIsTheUsersWhenGivenByConfOrAsASparkSystemProperty() {
        SparkOptions options = new SparkOptions();
        options.conf.put("spark.sql.test.fromConf", "1");
        System.setProperty(PROPERTY, "1");

        assertTrue(options.userSets("spark.sql.test.fromConf"));
        assertTrue(options.userSets(PROPERTY));
        assertFalse(options.userSets("spark.sql.test.nowhere"));
        assertEquals(new SparkConf().contains(PROPERTY), options.userSets(PROPERTY), "as SparkConf sees it");
    }
}
