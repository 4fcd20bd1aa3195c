package io.phasesweep.jobs.spark;

import io.phasesweep.engine.fss.AnalysisResult;
import io.phasesweep.engine.fss.SweepAnalysis;
import io.phasesweep.engine.model.ModelRegistry;
import io.phasesweep.engine.model.ParamValues;
import io.phasesweep.engine.stats.ObservableSet;
import io.phasesweep.engine.stats.PointKey;
import io.phasesweep.engine.stats.Sample;
import io.phasesweep.engine.sweep.SweepExpander;
import io.phasesweep.engine.sweep.SweepSpec;
import io.phasesweep.jobs.ProbeSweeps;
import io.phasesweep.jobs.SweepFile;
import io.phasesweep.jobs.TestSpark;
import io.phasesweep.jobs.tables.CurrentRaw;
import io.phasesweep.jobs.tables.OutputFolder;
import io.phasesweep.jobs.tables.RawTable;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * The Spark path of the analysis (points averaged and resampled on the executors, the driver
 * receives points) against the plain-Java path (every row in one JVM, {@link SweepAnalysis} on raw
 * samples), on the quick 2D Ising study with a smaller budget and on a synthetic sweep of two
 * analysis groups (each a Spark task of its own): the same engine code sums over replicas in the
 * same order on both paths, and analyses a group alike in any JVM, so points, critical values and
 * exponents are equal to the last bit, also with another partitioning and with the queries
 * interpreted (a small sweep's settings, {@link InterpretedQueries}).
 */
class AnalysisPathsTest {
    private final SparkSession spark = TestSpark.session();

    @TempDir
    Path tmp;

    @Test
    void sparkAndPlainJavaGiveTheSameTablesWhateverThePartitioning() throws Exception {
        String text = Files.readString(Path.of("..", "sweeps", "ising2d-quick.yaml"))
                .replaceFirst("(?m)^replicas: .*$", "replicas: 4")
                .replaceFirst("(?m)^  thermalize: .*$", "  thermalize: 100")
                .replaceFirst("(?m)^  measure: .*$", "  measure: 600");
        OutputFolder out = run(text);
        StringWriter log = new StringWriter();
        AnalysisResult onSpark = samePathsTables(out, log);

        String partitions = spark.conf().get("spark.sql.shuffle.partitions");
        try {
            spark.conf().set("spark.sql.shuffle.partitions", "7");
            AnalysisResult sevenPartitions = new AnalyzeJob(spark, new PrintWriter(log)).run(out);
            assertEquals(onSpark.points(), sevenPartitions.points());
            assertEquals(onSpark.boundaries(), sevenPartitions.boundaries());
            assertEquals(onSpark.exponents(), sevenPartitions.exponents());
        } finally {
            spark.conf().set("spark.sql.shuffle.partitions", partitions);
        }

        // a small sweep's queries interpreted (run's settings): the same numbers
        Map<String, String> before = new HashMap<>();
        InterpretedQueries.SETTINGS.keySet().forEach(key -> before.put(key, spark.conf().get(key)));
        try {
            InterpretedQueries.SETTINGS.forEach(spark.conf()::set);
            AnalysisResult interpreted = new AnalyzeJob(spark, new PrintWriter(log)).run(out);
            assertEquals(onSpark.points(), interpreted.points());
            assertEquals(onSpark.boundaries(), interpreted.boundaries());
            assertEquals(onSpark.exponents(), interpreted.exponents());
        } finally {
            before.forEach(spark.conf()::set);
        }
    }

    /** Two analysis groups, each analysed in a Spark task of its own, give the plain-Java path's tables. */
    @Test
    void groupsAnalysedAsTasksGiveThePlainJavaTables() throws Exception {
        AnalysisResult onSpark = samePathsTables(run(ProbeSweeps.ACROSS), new StringWriter());
        assertEquals(List.of(0.03, 0.05), onSpark.boundaries().stream().filter(b -> b.finding().isBest())
                .map(b -> b.acrossValue()).toList());
    }

    private OutputFolder run(String text) throws Exception {
        SweepFile sweep = SweepFile.load(Files.writeString(tmp.resolve("sweep.yaml"), text), ModelRegistry.load());
        OutputFolder out = OutputFolder.prepare(spark.sparkContext().hadoopConfiguration(), tmp.resolve("out").toString(),
                OutputFolder.Existing.REFUSE);
        new RunJob(spark, 600, new PrintWriter(new StringWriter())).run(sweep, out, false);
        return out;
    }

    /** The Spark path's tables, after checking that they equal the plain-Java path's. */
    private AnalysisResult samePathsTables(OutputFolder out, StringWriter log) throws Exception {
        AnalysisResult onSpark = new AnalyzeJob(spark, new PrintWriter(log)).run(out);
        AnalysisResult inOneJvm = plainJava(out);
        SweepSpec spec = CurrentRaw.read(spark, out).spec();
        assertEquals(SweepExpander.count(spec) / spec.replicas(), onSpark.points().size(), "points of the sweep");
        assertFalse(onSpark.boundaries().isEmpty(), log.toString());
        assertFalse(onSpark.exponents().isEmpty(), log.toString());
        assertEquals(inOneJvm.points(), onSpark.points());
        assertEquals(inOneJvm.boundaries(), onSpark.boundaries());
        assertEquals(inOneJvm.exponents(), onSpark.exponents());
        assertEquals(inOneJvm.notes(), onSpark.notes());
        return onSpark;
    }

    /** The rows collected to this JVM, analysed by the engine alone. */
    private static AnalysisResult plainJava(OutputFolder out) throws Exception {
        SparkSession spark = TestSpark.session();
        CurrentRaw raw = CurrentRaw.read(spark, out);
        List<String> measured = ObservableSet.of(raw.model()).measured();
        List<Sample> samples = new ArrayList<>();
        Map<PointKey, Integer> failures = new HashMap<>();
        for (Row r : raw.rows().collectAsList()) {
            Map<String, Object> params = new LinkedHashMap<>();
            RawTable.parameterColumns(raw.spec()).keySet().forEach(name -> params.put(name, r.getAs(name)));
            int size = r.getAs("size");
            if ("ok".equals(r.getAs("status"))) {
                Map<String, Double> values = new HashMap<>();
                measured.forEach(name -> values.put(name, r.getAs(name)));
                samples.add(new Sample(new ParamValues(params), size, r.getAs("replica"), values));
            } else {
                failures.merge(new PointKey(new ParamValues(params), size), 1, Integer::sum);
            }
        }
        return SweepAnalysis.analyze(raw.spec(), raw.model(), samples, failures);
    }
}
