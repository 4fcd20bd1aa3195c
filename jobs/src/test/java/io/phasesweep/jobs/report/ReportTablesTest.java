package io.phasesweep.jobs.report;

import io.phasesweep.jobs.CommandError;
import io.phasesweep.jobs.TestSpark;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReportTablesTest {
    private final SparkSession spark = TestSpark.session();

    @TempDir
    Path tmp;

    @Test
    void theTablesReadBackAsWrittenAndThePageIsWritten() throws Exception {
        Path dir = AnalysedFolder.shared(spark);
        ReportData written = SyntheticReport.data("x", null, List.of());
        ReportData read = ReportTables.read(spark, dir.toString());

        assertEquals("synthetic", read.sweep());
        assertEquals("probe", read.model());
        assertEquals("x", read.control(), "from the analysis section of the sweep in runs");
        assertEquals(List.of("binder", "chi"), read.observables());
        assertEquals(written.points(), read.points());
        assertEquals(written.boundaries(), read.boundaries());
        assertEquals(written.exponents(), read.exponents());
        assertEquals(AnalysedFolder.SWEEP, read.sweepFile());
        assertEquals(1, read.runs().size());
        assertEquals("4", read.runs().get(0).get("points_ok"), "2 x values × 2 replicas of the test model");

        Path page = Path.of(Report.write(spark, dir.toString()).replaceFirst("^file:", ""));
        assertEquals(dir.resolve("report").resolve("index.html"), page);
        assertTrue(Files.readString(page).contains("<figure id=\"collapse-chi\">"));
    }

    @Test
    void aFolderWithoutTablesSaysWhatToRun() throws Exception {
        String dir = Files.createDirectories(tmp.resolve("empty")).toString();
        CommandError e = assertThrows(CommandError.class, () -> ReportTables.read(spark, dir));
        assertEquals(dir + " has no runs table: run the sweep first: phasesweep run FILE --out " + dir, e.getMessage());
        assertTrue(Report.writeIfAnalysed(spark, dir).isEmpty(), "no points table: no report at the end of run");
    }
}
