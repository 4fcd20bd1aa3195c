package io.phasesweep.jobs.spark;

import io.phasesweep.engine.model.ModelRegistry;
import io.phasesweep.jobs.SparkJobs;
import io.phasesweep.jobs.SweepFile;
import io.phasesweep.jobs.TestSpark;
import io.phasesweep.jobs.report.Report;
import io.phasesweep.jobs.report.ReportData;
import io.phasesweep.jobs.report.ReportTables;
import io.phasesweep.jobs.tables.FolderTables;
import io.phasesweep.jobs.tables.OutputFolder;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Spark jobs of a small sweep's analysis and report, the fixed cost every {@code run} pays, and
 * what saving them must not change.
 */
class AnalysisJobCountTest {
    private final SparkSession spark = TestSpark.session();
    private final StringWriter log = new StringWriter();

    @TempDir
    Path tmp;

    private OutputFolder runSweep() throws Exception {
        SweepFile sweep = SweepFile.load(Files.writeString(tmp.resolve("probe.yaml"), AnalyzeJobTest.SWEEP), ModelRegistry.load());
        OutputFolder out = OutputFolder.prepare(spark.sparkContext().hadoopConfiguration(), tmp.resolve("out").toString(),
                OutputFolder.Existing.REFUSE);
        new RunJob(spark, 60, new PrintWriter(log)).run(sweep, out, false, groups -> 2);
        return out;
    }

    @Test
    void analysingAndReportingASmallSweepStartsFewSparkJobs() throws Exception {
        OutputFolder out = runSweep();
        try (SparkJobs jobs = SparkJobs.count(spark)) {
            AnalyzeJob.Analysed analysed = new AnalyzeJob(spark, new PrintWriter(log)).analyse(out);
            int analysis = jobs.started();
            Report.write(spark, analysed.tables());
            int report = jobs.started() - analysis;
            // read runs, average the replicas and count what was left out, analyse the group, write four tables
            // (before: 14, with runs read three times, a schema inferred per read, AQE's job per shuffle)
            assertTrue(analysis <= 7, "the analysis started " + analysis + " Spark jobs");
            // (before: 12, each table read back, two jobs each)
            assertEquals(0, report, "the report reads the tables the analysis holds");
            Report.write(spark, out.toString());
            int fromFolder = jobs.started() - analysis - report;
            // a job per table read (runs, boundaries, exponents, notes) and two for points, whose schema is inferred
            assertTrue(fromFolder <= 6, "the report from the folder started " + fromFolder + " Spark jobs");
        }
    }

    @Test
    void theReportGetsFromMemoryWhatItWouldReadFromTheFolder() throws Exception {
        OutputFolder out = runSweep();
        AnalyzeJob.Analysed analysed = new AnalyzeJob(spark, new PrintWriter(log)).analyse(out);
        ReportData fromMemory = ReportTables.read(spark, analysed.tables());
        assertEquals(ReportTables.read(spark, FolderTables.of(spark, out.toString())), fromMemory);
        assertEquals(8, fromMemory.points().size());
        assertTrue(fromMemory.notes().stream().anyMatch(n -> n.startsWith("6 failed or timed-out rows")), fromMemory.notes().toString());
    }
}
