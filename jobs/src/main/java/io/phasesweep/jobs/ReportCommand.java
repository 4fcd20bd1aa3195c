package io.phasesweep.jobs;

import io.phasesweep.jobs.report.Report;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code phasesweep report OUTDIR}: writes OUTDIR/report/index.html from the folder's tables. */
@Command(name = "report", description = "Write OUTDIR/report/index.html (one self-contained page: charts and tables)"
        + " from the tables of an analysed output folder.")
final class ReportCommand implements Callable<Integer> {
    @Parameters(paramLabel = "OUTDIR", description = "output folder of an analysed run, any Hadoop path")
    String dir;

    @Option(names = "--master", paramLabel = "URL",
            description = "Spark master (default: spark.master if set, as by spark-submit, else local[*])")
    String master;

    @Option(names = "--conf", paramLabel = "KEY=VALUE", description = "a Spark setting; repeat as needed")
    Map<String, String> conf = new LinkedHashMap<>();

    @Spec
    CommandSpec command;

    @Override
    public Integer call() throws CommandError {
        SparkSession spark = RunCommand.start("phasesweep report " + dir, master, conf);
        try {
            command.commandLine().getOut().printf("report: %s%n", Report.write(spark, dir)).flush();
            return 0;
        } finally {
            spark.stop();
        }
    }
}
