package io.phasesweep.jobs.report;

import io.phasesweep.jobs.CommandError;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;

/** Writes {@code report/index.html} of an output folder (any Hadoop path) from its tables. */
public final class Report {
    private Report() {
    }

    /** Reads the tables and writes the page; returns the page's path. */
    public static String write(SparkSession spark, String dir) throws CommandError {
        ReportData data = ReportTables.read(spark, dir);
        return write(spark.sparkContext().hadoopConfiguration(), dir, data, Instant.now());
    }

    /**
     * The report at the end of {@code run}: written when the analysis tables exist (the sweep has an
     * analysis section), else nothing.
     */
    public static Optional<String> writeIfAnalysed(SparkSession spark, String dir) throws CommandError {
        if (!ReportTables.exists(spark, new Path(dir, "points"))) {
            return Optional.empty();
        }
        return Optional.of(write(spark, dir));
    }

    static String write(Configuration hadoop, String dir, ReportData data, Instant generated) throws CommandError {
        Path page = new Path(new Path(dir, "report"), "index.html");
        String html = new ReportPage(data).html(generated);
        try (FSDataOutputStream out = page.getFileSystem(hadoop).create(page, true)) {
            out.write(html.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new CommandError("cannot write the report " + page + ": " + e.getMessage());
        }
        return page.toString();
    }
}
