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

    /** The folder of the sweep; {@link #run} its run's summary. */
    private OutputFolder out;
    private RunSummary run;

    private void runSweep() throws Exception {
        SweepFile sweep = SweepFile.load(Files.writeString(tmp.resolve("probe.yaml"), AnalyzeJobTest.SWEEP), ModelRegistry.load());
        out = OutputFolder.prepare(spark.sparkContext().hadoopConfiguration(), tmp.resolve("out").toString(),
                OutputFolder.Existing.REFUSE);
        run = new RunJob(spark, 60, new PrintWriter(log)).run(sweep, out, false, groups -> 2);
    }

    @Test
    void analysingAndReportingASmallSweepStartsFewSparkJobs() throws Exception {
        runSweep();
        try (SparkJobs jobs = SparkJobs.count(spark)) {
            new AnalyzeJob(spark, new PrintWriter(log)).analyse(out);
            int reading = jobs.started();
            // after a run in this process: the runs table's rows are those the run wrote, not read back
            AnalyzeJob.Analysed analysed = new AnalyzeJob(spark, new PrintWriter(log)).analyseAfter(run, out);
            int analysis = jobs.started() - reading;
            assertEquals(reading - 1, analysis, "the analysis after the run read the runs table");
            Report.write(spark, analysed.tables());
            int report = jobs.started() - reading - analysis;
            // average the replicas and count what was left out, analyse the group, write four tables
            // (before: 14, with runs read three times, a schema inferred per read, AQE's job per shuffle)
            assertTrue(analysis <= 6, "the analysis started " + analysis + " Spark jobs");
            // (before: 12, each table read back, two jobs each)
            assertEquals(0, report, "the report reads the tables the analysis holds");
            Report.write(spark, out.toString());
            int fromFolder = jobs.started() - reading - analysis - report;
            // a job per table read (runs, boundaries, exponents, notes) and two for points, whose schema is inferred
            assertTrue(fromFolder <= 6, "the report from the folder started " + fromFolder + " Spark jobs");
        }
    }

    @Test
    void theReportGetsFromMemoryWhatItWouldReadFromTheFolder() throws Exception {
        runSweep();
        assertEquals(2, run.runsRows().size(), "the run kept the runs rows it wrote");
        AnalyzeJob.Analysed analysed = new AnalyzeJob(spark, new PrintWriter(log)).analyseAfter(run, out);
        ReportData fromMemory = ReportTables.read(spark, analysed.tables());
        assertEquals(ReportTables.read(spark, FolderTables.of(spark, out.toString())), fromMemory);
        assertEquals(8, fromMemory.points().size());
        assertTrue(fromMemory.notes().stream().anyMatch(n -> n.startsWith("6 failed or timed-out rows")), fromMemory.notes().toString());
    }
}
