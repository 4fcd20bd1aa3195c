package io.phasesweep.jobs;

import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Option;

import java.util.LinkedHashMap;
import java.util.Map;

/** The Spark options of a command that reads or writes an output folder: {@code --master}, {@code --conf}. */
final class SparkOptions {
    @Option(names = "--master", paramLabel = "URL",
            description = "Spark master (default: spark.master if set, as by spark-submit, else local[*])")
    String master;

    @Option(names = "--conf", paramLabel = "KEY=VALUE", description = "a Spark setting; repeat as needed")
    Map<String, String> conf = new LinkedHashMap<>();

    SparkSession start(String appName) {
        return RunCommand.start(appName, master, conf);
    }
}
