package io.phasesweep.jobs;

import org.apache.hadoop.conf.Configuration;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Option;
import scala.Tuple2;

import java.util.LinkedHashMap;
import java.util.Map;

/** The Spark options of every command that starts Spark: {@code --master} and {@code --conf}. */
final class SparkOptions {
    @Option(names = "--master", paramLabel = "URL",
            description = "Spark master (default: spark.master if set, as by spark-submit, else local[*])")
    String master;

    @Option(names = "--conf", paramLabel = "KEY=VALUE", description = "a Spark setting; repeat as needed")
    Map<String, String> conf = new LinkedHashMap<>();

    /** Hadoop's settings as Spark will see them: its files on the classpath, then every spark.hadoop.* setting. */
    Configuration hadoopConfiguration() {
        SparkConf spark = new SparkConf();
        conf.forEach(spark::set);
        Configuration hadoop = new Configuration();
        for (Tuple2<String, String> setting : spark.getAllWithPrefix("spark.hadoop.")) {
            hadoop.set(setting._1(), setting._2());
        }
        return hadoop;
    }

    /** An explicit --master wins; otherwise spark-submit's spark.master; otherwise all local cores. */
    SparkSession start(String appName) {
        SparkSession.Builder builder = SparkSession.builder().appName(appName);
        if (master != null) {
            builder.master(master);
        } else if (!new SparkConf().contains("spark.master") && !conf.containsKey("spark.master")) {
            builder.master("local[*]");
        }
        conf.forEach(builder::config);
        return builder.getOrCreate();
    }
}
