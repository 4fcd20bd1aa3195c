package io.phasesweep.jobs.report;

import io.phasesweep.jobs.CommandError;
import io.phasesweep.jobs.tables.AtomicFile;
import io.phasesweep.jobs.tables.FolderTables;
import io.phasesweep.jobs.tables.Ownership;
import io.phasesweep.jobs.tables.PointsTable;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;

/** Writes {@code report/index.html} of an output folder (any Hadoop path) from its tables. */
public final class Report {
    private Report() {
    }

    /** Reads the tables and writes the page; returns the page's path. */
    public static String write(SparkSession spark, String dir) throws CommandError {
        return write(spark, FolderTables.of(spark, dir));
    }

    /** Writes the page from {@code tables}, those in memory without reading them back; returns the page's path. */
    public static String write(SparkSession spark, FolderTables tables) throws CommandError {
        return render(spark, tables).write();
    }

    /** A page rendered, not yet written. */
    public record Page(Configuration hadoop, String dir, String html) {
        /** Writes the page; returns its path. */
        public String write() {
            return Report.write(hadoop, dir, html);
        }
    }

    /** The page of {@code tables}, rendered: to be written once the tables it shows are. */
    public static Page render(SparkSession spark, FolderTables tables) throws CommandError {
        ReportData data = ReportTables.read(spark, tables);
        return new Page(spark.sparkContext().hadoopConfiguration(), tables.dir(), new ReportPage(data).html(Instant.now()));
    }

    /**
     * The report at the end of {@code run}: written when the analysis tables exist (the sweep has an
     * analysis section), else nothing.
     */
    public static Optional<String> writeIfAnalysed(SparkSession spark, String dir) throws CommandError {
        FolderTables tables = FolderTables.of(spark, dir);
        if (!tables.has(PointsTable.NAME)) {
            return Optional.empty();
        }
        return Optional.of(write(spark, tables));
    }

    /** The page goes to a temporary name first (a full disk leaves the old page or none, never a truncated one). */
    static String write(Configuration hadoop, String dir, ReportData data, Instant generated) {
        return write(hadoop, dir, new ReportPage(data).html(generated));
    }

    private static String write(Configuration hadoop, String dir, String html) {
        Path page = new Path(new Path(dir, Ownership.REPORT), Ownership.PAGE);
        try {
            AtomicFile.write(hadoop, page, html.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the report " + page, e);
        }
        return page.toString();
    }
}
