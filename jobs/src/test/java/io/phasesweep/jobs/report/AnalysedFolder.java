package io.phasesweep.jobs.report;

import io.phasesweep.engine.model.ModelRegistry;
import io.phasesweep.jobs.SweepFile;
import io.phasesweep.jobs.spark.RunJob;
import io.phasesweep.jobs.tables.OutputFolder;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import io.phasesweep.jobs.tables.BoundariesTable;
import io.phasesweep.jobs.tables.ExponentsTable;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * An output folder as {@code run} then {@code analyze} leave it: a real run of the test model writes
 * {@code raw} and {@code runs}; the analysis tables hold {@link SyntheticReport}'s rows, with the
 * schemas of DESIGN.md, one file each (as the analysis writes them: the row order is the analysis' order).
 */
final class AnalysedFolder {
    static final String SWEEP = """
            name: synthetic
            model: probe
            seed: 20261123
            axes:
              x: [2.0, 2.1]
            sizes: [4]
            replicas: 2
            analysis:
              control: x
              crossing: e
            """;

    private static Path shared;

    private AnalysedFolder() {
    }

    /** One such folder per test JVM, written on first use, for tests that only read it. */
    static synchronized Path shared(SparkSession spark) throws Exception {
        if (shared == null) {
            Path dir = Files.createTempDirectory("phasesweep-analysed").resolve("out");
            write(spark, dir);
            shared = dir;
        }
        return shared;
    }

    /** The folder {@code dir}, with the synthetic data of control x (no across axis); returns that data. */
    static ReportData write(SparkSession spark, Path dir) throws Exception {
        Path file = Files.writeString(Files.createDirectories(dir.getParent()).resolve("synthetic.yaml"), SWEEP);
        SweepFile sweep = SweepFile.load(file, ModelRegistry.load());
        OutputFolder out = OutputFolder.prepare(spark.sparkContext().hadoopConfiguration(), dir.toString(), OutputFolder.Existing.REFUSE);
        new RunJob(spark, 60, new PrintWriter(new StringWriter())).run(sweep, out, false);
        ReportData data = SyntheticReport.data("x", null, List.of());
        writePoints(spark, data, out.table("points"));
        spark.createDataFrame(data.boundaries().stream().map(b -> BoundariesTable.row("synthetic", "probe", b)).toList(),
                        BoundariesTable.SCHEMA)
                .coalesce(1).write().parquet(out.table("boundaries"));
        spark.createDataFrame(data.exponents().stream().map(e -> ExponentsTable.row("synthetic", "probe", e)).toList(),
                        ExponentsTable.SCHEMA)
                .coalesce(1).write().parquet(out.table("exponents"));
        return data;
    }

    private static void writePoints(SparkSession spark, ReportData data, String path) {
        List<StructField> fields = new ArrayList<>(List.of(field("sweep", DataTypes.StringType),
                field("model", DataTypes.StringType), field("size", DataTypes.IntegerType),
                field("replicas", DataTypes.IntegerType), field("failed", DataTypes.IntegerType),
                field("flavour", DataTypes.StringType), field("x", DataTypes.DoubleType)));
        for (String o : data.observables()) {
            fields.add(field(o, DataTypes.DoubleType));
            fields.add(field(o + "_err", DataTypes.DoubleType));
        }
        List<Row> rows = new ArrayList<>();
        for (ReportData.Point p : data.points()) {
            List<Object> v = new ArrayList<>(List.of("synthetic", "probe", p.size(), p.replicas(), p.failed(), "plain", p.x()));
            p.values().values().forEach(e -> {
                v.add(e.value());
                v.add(e.error());
            });
            rows.add(RowFactory.create(v.toArray()));
        }
        spark.createDataFrame(rows, new StructType(fields.toArray(StructField[]::new))).coalesce(1).write().parquet(path);
    }

    private static StructField field(String name, DataType type) {
        return DataTypes.createStructField(name, type, true);
    }
}
