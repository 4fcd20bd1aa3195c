package io.phasesweep.jobs.spark;

import io.phasesweep.engine.model.ModelRegistry;
import io.phasesweep.engine.refine.Stop;
import io.phasesweep.jobs.SweepFile;
import io.phasesweep.jobs.TestSpark;
import io.phasesweep.jobs.tables.CurrentRaw;
import io.phasesweep.jobs.tables.OutputFolder;
import io.phasesweep.jobs.tables.RoundsTable;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A refined sweep of the synthetic model (x_c = 2.27) end to end on embedded Spark: rounds run,
 * are recorded, and a refinement interrupted in its last round resumes to the same result.
 */
class RefineJobTest {
    /**
     * A coarse start: 6 temperatures over [2.1, 2.45], 3 replicas; at most one more round. A
     * synthetic point takes microseconds and counts a millisecond (the resolution of wall_ms): the
     * budget is about 1500 points, half of it for round 1.
     */
    static final String COARSE = """
            name: refine-synthetic
            model: synthetic
            seed: 5
            params: {x_c: 2.27, nu: 1.0, noise: 0.05}
            axes:
              T: {from: 2.1, to: 2.45, steps: 6}
            sizes: [8, 16, 32]
            replicas: 3
            analysis:
              control: T
              crossing: u
              exponents:
                - {quantity: nu, method: collapse, observable: u}
            refine:
              target: {critical_value: 0.0005}
              budget_core_seconds: 1.5
              max_rounds: 1
            """;

    private final SparkSession spark = TestSpark.session();

    @TempDir
    Path tmp;

    private RefineJob.Outcome refine(String dir, boolean resume, StringWriter log) throws Exception {
        SweepFile sweep = SweepFile.load(Files.writeString(tmp.resolve("refine.yaml"), COARSE), ModelRegistry.load());
        OutputFolder out = OutputFolder.prepare(spark.sparkContext().hadoopConfiguration(), tmp.resolve(dir).toString(),
                resume ? OutputFolder.Existing.RESUME : OutputFolder.Existing.REFUSE);
        PrintWriter writer = new PrintWriter(log);
        return new RefineJob(spark, 60, 1, writer, io.phasesweep.jobs.progress.Progress.Output.text(writer)).run(sweep, out, resume);
    }

    private Dataset<Row> table(String dir, String name) {
        return spark.read().parquet(tmp.resolve(dir).resolve(name).toString());
    }

    /** The rounds of the table: round, points added, points, value, stderr, stop (not the core-seconds: timing). */
    private List<String> rounds(String dir) {
        return table(dir, RoundsTable.NAME).orderBy("round").collectAsList().stream()
                .map(r -> r.getAs("round") + " " + r.getAs("points_added") + " " + r.getAs("points") + " "
                        + r.getAs("value") + " " + r.getAs("stderr") + " " + r.getAs("stop")).toList();
    }

    private List<String> current(String dir) throws Exception {
        OutputFolder out = OutputFolder.prepare(spark.sparkContext().hadoopConfiguration(), tmp.resolve(dir).toString(),
                OutputFolder.Existing.RESUME);
        return CurrentRaw.read(spark, out).rows().collectAsList().stream()
                .map(r -> r.getAs("point") + " " + r.getAs("status") + " " + Double.doubleToRawLongBits(r.getAs("u")))
                .sorted().toList();
    }

    @Test
    void roundsRunUntilAStopAndTheInterruptedLastRoundResumesToTheSameResult() throws Exception {
        StringWriter log = new StringWriter();
        RefineJob.Outcome whole = refine("whole", false, log);
        List<Row> rows = table("whole", RoundsTable.NAME).orderBy("round").collectAsList();
        assertEquals(whole.rounds() + 1, rows.size(), log.toString());
        assertTrue(whole.rounds() >= 1, log.toString());
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            assertEquals(i, (int) r.getAs("round"));
            boolean last = i == rows.size() - 1;
            assertEquals(last ? whole.stop().column() : null, r.getAs("stop"));
            if (i > 0) {
                assertEquals((long) rows.get(i - 1).getAs("points") + (long) r.getAs("points_added"), (long) r.getAs("points"));
            }
            assertTrue(log.toString().contains("round " + i + ": +" + r.getAs("points_added") + " points"), log.toString());
        }
        assertEquals(18 * 3, (long) rows.get(0).getAs("points"));
        Row last = rows.get(rows.size() - 1);
        double value = last.getAs("value");
        double stderr = last.getAs("stderr");
        // the refined estimate is within 3 sigma of the truth and more precise than the coarse grid's
        assertTrue(Math.abs(value - 2.27) < 3 * stderr, value + " ± " + stderr);
        assertNull(rows.get(0).getAs("stderr") == null ? null
                : (double) rows.get(0).getAs("stderr") > stderr ? null : "round 0 was more precise: " + rows);
        // the added points carry on the replica numbers of the sweep: r=3 onwards
        assertTrue(table("whole", "raw").where(col("replica").geq(3)).count() > 0);

        io.phasesweep.jobs.report.Report.write(spark, tmp.resolve("whole").toString());
        String page = Files.readString(tmp.resolve("whole").resolve("report").resolve("index.html"));
        assertTrue(page.contains("<table id=\"rounds\"") && page.contains("<figure id=\"rounds-critical_value\""));

        crashInLastRound("whole", "resumed", whole.rounds());
        RefineJob.Outcome resumed = refine("resumed", true, new StringWriter());
        assertEquals(whole.rounds(), resumed.rounds());
        assertEquals(whole.stop(), resumed.stop());
        assertEquals(rounds("whole"), rounds("resumed"));
        assertEquals(current("whole"), current("resumed"));
        assertTrue(List.of(Stop.values()).contains(whole.stop()));
    }

    /**
     * The folder a driver killed in the middle of the last round leaves: that round's run started,
     * half its rows committed, no completed row, the rounds table without it.
     */
    private void crashInLastRound(String from, String to, int lastRound) {
        Row lastRun = table(from, "runs").orderBy(col("started_at").desc()).select("run_id").first();
        String runId = lastRun.getString(0);
        String target = tmp.resolve(to).toString();
        table(from, "runs").where(col("run_id").notEqual(runId).or(col("status").equalTo("started")))
                .write().mode(SaveMode.Overwrite).parquet(target + "/runs");
        Dataset<Row> raw = table(from, "raw");
        raw.where(col("run_id").notEqual(runId)).union(raw.where(col("run_id").equalTo(runId)).where("replica % 2 = 0"))
                .write().mode(SaveMode.Overwrite).parquet(target + "/raw");
        table(from, RoundsTable.NAME).where(col("round").lt(lastRound)).write().mode(SaveMode.Overwrite)
                .parquet(target + "/" + RoundsTable.NAME);
    }
}
