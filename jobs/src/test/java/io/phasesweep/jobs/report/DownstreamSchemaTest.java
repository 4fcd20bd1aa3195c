package io.phasesweep.jobs.report;

import io.phasesweep.jobs.TestFindings;
import io.phasesweep.engine.model.ModelRegistry;
import io.phasesweep.jobs.SweepFile;
import io.phasesweep.jobs.TestSpark;
import io.phasesweep.jobs.spark.AnalyzeJob;
import io.phasesweep.jobs.spark.RunJob;
import io.phasesweep.jobs.tables.OutputFolder;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.apache.parquet.schema.GroupType;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.Type;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The tables as another program sees them: each file's schema read with parquet-hadoop's own
 * footer reader (no Spark), against the column names and types of DESIGN.md, after a real run and
 * analysis. Types are named as
 * Spark names them (string, int, bigint, double, timestamp, array&lt;int&gt;).
 */
class DownstreamSchemaTest {
    private static Path dir;

    /** A real run of the test model, then the real analysis: the tables exactly as {@code run} leaves them. */
    @BeforeAll
    static void runAndAnalyse(@TempDir Path tmp) throws Exception {
        SparkSession spark = TestSpark.session();
        Path file = Files.writeString(tmp.resolve("downstream.yaml"), """
                name: downstream
                model: probe
                seed: 11
                axes:
                  x: [0.1, 0.2, 0.3, 0.4]
                sizes: [4, 8]
                replicas: 3
                analysis:
                  control: x
                  crossing: e
                """);
        dir = tmp.resolve("out");
        OutputFolder out = OutputFolder.prepare(spark.sparkContext().hadoopConfiguration(), dir.toString(),
                OutputFolder.Existing.REFUSE);
        PrintWriter quiet = new PrintWriter(new StringWriter());
        new RunJob(spark, 60, quiet).run(SweepFile.load(file, ModelRegistry.load()), out);
        new AnalyzeJob(spark, quiet).run(out);
    }

    @Test
    void rawHasTheDesignColumnsThenParametersThenObservables() throws IOException {
        assertEquals(List.of("sweep:string", "model:string", "point:string", "size:int", "replica:int",
                        "seed:bigint", "disorder_seed:bigint", "status:string", "error:string", "wall_ms:bigint",
                        "run_id:string", "throw_at:double", "nan_at:double", "sleep_at:double", "pause:double",
                        "flavour:string",
                        "x:double", "e:double", "e_err:double", "e_tau:double", "d:double"),
                columns("raw"));
    }

    @Test
    void runsHoldsTheProvenance() throws IOException {
        assertEquals(List.of("run_id:string", "status:string", "sweep:string", "sweep_file:string", "sweep_sha256:string",
                        "engine_version:string", "git_commit:string", "java_version:string", "spark_version:string",
                        "master:string", "started_at:timestamp", "ended_at:timestamp", "points_total:bigint",
                        "points_ok:bigint", "points_failed:bigint", "points_timeout:bigint", "resumed_runs:string"),
                columns("runs"));
    }

    @Test
    void analysisTablesHaveTheDesignColumns() throws IOException {
        assertEquals(List.of("sweep:string", "model:string", "size:int", "replicas:int", "failed:int",
                        "throw_at:double", "nan_at:double", "sleep_at:double", "pause:double", "flavour:string", "x:double",
                        "e:double", "e_err:double", "d:double", "d_err:double"),
                columns("points"));
        assertEquals(TestFindings.BOUNDARIES_COLUMNS, columns("boundaries"));
        assertEquals(TestFindings.EXPONENTS_COLUMNS, columns("exponents"));
        assertEquals(List.of("sweep:string", "model:string", "note:string"), columns("notes"));
    }

    /** "name:type" of every column of the table's first data file. */
    private static List<String> columns(String table) throws IOException {
        Path file;
        try (Stream<Path> files = Files.list(dir.resolve(table))) {
            file = files.filter(f -> f.getFileName().toString().endsWith(".parquet")).sorted().findFirst().orElseThrow();
        }
        try (ParquetFileReader reader = ParquetFileReader.open(HadoopInputFile.fromPath(
                new org.apache.hadoop.fs.Path(file.toUri()), new Configuration()))) {
            MessageType schema = reader.getFooter().getFileMetaData().getSchema();
            return schema.getFields().stream().map(f -> f.getName() + ":" + type(f)).toList();
        }
    }

    private static String type(Type t) {
        LogicalTypeAnnotation logical = t.getLogicalTypeAnnotation();
        if (!t.isPrimitive()) {
            // a Parquet LIST: group (LIST) { repeated group list { element } }
            GroupType list = t.asGroupType();
            if (logical instanceof LogicalTypeAnnotation.ListLogicalTypeAnnotation) {
                return "array<" + type(list.getType(0).asGroupType().getType(0)) + ">";
            }
            return "group " + list;
        }
        PrimitiveType p = t.asPrimitiveType();
        return switch (p.getPrimitiveTypeName()) {
            case BINARY -> logical instanceof LogicalTypeAnnotation.StringLogicalTypeAnnotation ? "string" : "binary";
            case INT32 -> logical == null ? "int" : "int32 " + logical;
            case INT64 -> logical == null ? "bigint"
                    : logical instanceof LogicalTypeAnnotation.TimestampLogicalTypeAnnotation ? "timestamp" : "int64 " + logical;
            case DOUBLE -> "double";
            default -> p.toString();
        };
    }
}
