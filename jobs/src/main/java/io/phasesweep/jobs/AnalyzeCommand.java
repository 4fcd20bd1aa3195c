package io.phasesweep.jobs;

import io.phasesweep.engine.sweep.SweepError;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code phasesweep analyze OUTDIR}: re-analyses the rows of earlier runs, without running anything. */
@Command(name = "analyze", description = "Analyse an output folder's raw rows again; overwrite the points,"
        + " boundaries and exponents tables (Parquet).")
final class AnalyzeCommand implements Callable<Integer> {
    @Parameters(paramLabel = "OUTDIR", description = "output folder of earlier runs, any Hadoop path")
    String dir;

    @Option(names = "--master", paramLabel = "URL",
            description = "Spark master (default: spark.master if set, as by spark-submit, else local[*])")
    String master;

    @Option(names = "--conf", paramLabel = "KEY=VALUE", description = "a Spark setting; repeat as needed")
    Map<String, String> conf = new LinkedHashMap<>();

    @Spec
    CommandSpec command;

    @Override
    public Integer call() throws SweepError, CommandError {
        SparkSession spark = RunCommand.start("phasesweep analyze " + dir, master, conf);
        try {
            OutputFolder folder = OutputFolder.existing(spark.sparkContext().hadoopConfiguration(), dir);
            new AnalyzeJob(spark, command.commandLine().getOut()).run(folder);
            return 0;
        } finally {
            spark.stop();
        }
    }
}
