package io.phasesweep.jobs.spark;

import io.phasesweep.engine.model.ModelRegistry;
import io.phasesweep.jobs.SweepFile;
import io.phasesweep.jobs.TestSpark;
import io.phasesweep.jobs.tables.OutputFolder;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import scala.Option;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static io.phasesweep.jobs.spark.InterpretedQueries.BY_SIZE;
import static io.phasesweep.jobs.spark.InterpretedQueries.MAX_POINTS;
import static io.phasesweep.jobs.spark.InterpretedQueries.SETTINGS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InterpretedQueriesTest {
    private static final String WHOLE_STAGE = "spark.sql.codegen.wholeStage";
    private static final String FACTORY_MODE = "spark.sql.codegen.factoryMode";

    private final SparkSession spark = TestSpark.session();

    @TempDir
    Path tmp;

    @Test
    void smallSweepsStartInterpretedLargeOnesCompiledAndTheUsersSettingsWin() {
        assertTrue(InterpretedQueries.interpreted(MAX_POINTS));
        assertFalse(InterpretedQueries.interpreted(MAX_POINTS + 1));
        Map<String, String> small = new HashMap<>(SETTINGS);
        small.put(BY_SIZE, "true");
        assertEquals(small, InterpretedQueries.atStart(10, key -> false));
        assertEquals(Map.of(BY_SIZE, "true"), InterpretedQueries.atStart(MAX_POINTS + 1, key -> false));
        assertEquals(Map.of(), InterpretedQueries.atStart(10, WHOLE_STAGE::equals), "the user chose");
        assertEquals(Map.of(), InterpretedQueries.atStart(MAX_POINTS + 1, FACTORY_MODE::equals), "the user chose");
    }

    private boolean interpreted() {
        return spark.conf().get(WHOLE_STAGE).equals("false") && spark.conf().get(FACTORY_MODE).equals("NO_CODEGEN");
    }

    /**
     * A refined sweep grows past the limit round by round, and {@code analyze} learns its sweep from
     * the runs table: the run and the analysis set the queries by the size of the sweep they read,
     * in a session whose command left the choice to phasesweep, and only there.
     */
    @Test
    void theRunAndTheAnalysisSetTheQueriesByTheirSweepsSize() throws Exception {
        List<String> keys = Stream.concat(SETTINGS.keySet().stream(), Stream.of(BY_SIZE)).toList();
        Map<String, Option<String>> before = new HashMap<>();
        keys.forEach(key -> before.put(key, spark.conf().getOption(key)));
        try {
            spark.conf().set(BY_SIZE, "true");
            InterpretedQueries.follow(spark, MAX_POINTS + 1);
            assertEquals("true", spark.conf().get(WHOLE_STAGE), "Spark's default: compiled");

            OutputFolder out = OutputFolder.prepare(spark.sparkContext().hadoopConfiguration(), tmp.resolve("out").toString(),
                    OutputFolder.Existing.REFUSE);
            PrintWriter quiet = new PrintWriter(new StringWriter());
            SweepFile sweep = SweepFile.load(Files.writeString(tmp.resolve("probe.yaml"), AnalyzeJobTest.SWEEP),
                    ModelRegistry.load());
            new RunJob(spark, 60, quiet).run(sweep, out);
            assertTrue(interpreted(), "a run of 24 points");

            InterpretedQueries.follow(spark, MAX_POINTS + 1);
            new AnalyzeJob(spark, quiet).run(out);
            assertTrue(interpreted(), "the analysis of 24 points");

            spark.conf().unset(BY_SIZE);
            InterpretedQueries.follow(spark, MAX_POINTS + 1);
            assertTrue(interpreted(), "a session not left to phasesweep is left as it is");
        } finally {
            before.forEach((key, value) -> {
                if (value.isDefined()) {
                    spark.conf().set(key, value.get());
                } else {
                    spark.conf().unset(key);
                }
            });
        }
    }
}
