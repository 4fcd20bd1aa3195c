package io.phasesweep.jobs.tables;

import io.phasesweep.engine.model.Measurement;
import io.phasesweep.engine.model.Model;
import io.phasesweep.engine.model.ObservableSpec;
import io.phasesweep.engine.run.RawRecord;
import io.phasesweep.engine.sweep.Axis;
import io.phasesweep.engine.sweep.Point;
import io.phasesweep.engine.sweep.SweepSpec;
import io.phasesweep.jobs.CommandError;
import io.phasesweep.jobs.OneLine;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.apache.parquet.schema.Type;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

import java.io.IOException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.phasesweep.jobs.tables.TableSchema.field;

/**
 * The columns of {@code raw} for one sweep, and a point's outcome as a row of them: the fixed
 * columns, one per parameter (every model parameter and every axis; numbers double, words string),
 * one double per observable, and {@code X_err}, {@code X_tau} for thermal observables. Observable
 * columns are null in a failed or timed-out row.
 */
public final class RawTable implements Serializable {
    private static final long serialVersionUID = 1L;
    public static final String NAME = "raw";

    static final List<StructField> FIXED = List.of(
            field("sweep", DataTypes.StringType, false),
            field("model", DataTypes.StringType, false),
            field("point", DataTypes.StringType, false),
            field("size", DataTypes.IntegerType, false),
            field("replica", DataTypes.IntegerType, false),
            field("seed", DataTypes.LongType, false),
            field("disorder_seed", DataTypes.LongType, false),
            field("status", DataTypes.StringType, false),
            field("error", DataTypes.StringType, true),
            field("wall_ms", DataTypes.LongType, false),
            field("run_id", DataTypes.StringType, false));

    /** Parameter name → true when it is a word (string column). */
    private final Map<String, Boolean> params;
    /** Observable name → true when thermal (with _err and _tau columns). */
    private final Map<String, Boolean> observables;
    private final StructType schema;
    private final String modelId;

    private RawTable(String modelId, Map<String, Boolean> params, Map<String, Boolean> observables) {
        this.modelId = modelId;
        this.params = params;
        this.observables = observables;
        List<StructField> fields = new ArrayList<>(FIXED);
        params.forEach((name, word) -> fields.add(field(name, word ? DataTypes.StringType : DataTypes.DoubleType, false)));
        observables.forEach((name, thermal) -> {
            fields.add(field(name, DataTypes.DoubleType, true));
            if (thermal) {
                fields.add(field(name + "_err", DataTypes.DoubleType, true));
                fields.add(field(name + "_tau", DataTypes.DoubleType, true));
            }
        });
        this.schema = new StructType(fields.toArray(StructField[]::new));
        List<String> names = List.of(schema.fieldNames());
        for (String name : names) {
            if (names.indexOf(name) != names.lastIndexOf(name)) {
                throw new IllegalArgumentException("model " + modelId + ": the raw column '" + name
                        + "' would appear twice; a parameter or observable must not reuse a column name");
            }
        }
    }

    public static RawTable of(SweepSpec spec, Model model) {
        Map<String, Boolean> params = parameterColumns(spec);
        Map<String, Boolean> observables = new LinkedHashMap<>();
        for (ObservableSpec o : model.observables()) {
            observables.put(o.name(), o.thermal());
        }
        return new RawTable(model.id(), params, observables);
    }

    /**
     * The parameter columns, also those of {@code points}, in the order of a point's parameter values
     * (the model's parameters, then the axes): name → true for a word (string column).
     */
    public static Map<String, Boolean> parameterColumns(SweepSpec spec) {
        Map<String, Boolean> params = new LinkedHashMap<>();
        spec.params().forEach((name, value) -> params.put(name, value instanceof String));
        for (Axis axis : spec.axes()) {
            params.put(axis.name(), false);
        }
        return params;
    }

    public StructType schema() {
        return schema;
    }

    /**
     * The folder's {@code raw} with this sweep's columns, read with their declared types: no Spark
     * job to infer a schema from a file's footer (Spark runs one per read otherwise). Refuses a
     * folder whose {@code raw} lacks a column this sweep's rows have: written by an older version
     * of the model, before a parameter or observable was added. Read on, its rows would be null in
     * that column, and a resumed run would append rows of two schemas to one table. The columns
     * written are those of one data file's footer, read on the driver (the file Spark's own
     * inference would pick when it does not merge schemas: one, since the files of one folder are
     * written with one schema, which this check keeps so).
     *
     * @param path the table's path, also named in the message
     */
    public Dataset<Row> read(SparkSession spark, String path) throws CommandError {
        List<String> have = columnsWritten(spark.sparkContext().hadoopConfiguration(), path);
        List<String> missing = Arrays.stream(schema.fieldNames()).filter(name -> !have.contains(name)).toList();
        if (!missing.isEmpty()) {
            throw new CommandError(path + " has no column " + String.join(", ", missing.stream().map(n -> "'" + n + "'").toList())
                    + ", which model " + modelId + " writes now: the folder was written by an older version of the model"
                    + " (its runs table names the engine_version); analyse it with that version, or run the sweep again"
                    + " into another folder");
        }
        try {
            return spark.read().schema(schema).parquet(path);
        } catch (RuntimeException e) {
            throw new CommandError("cannot read " + path + ": " + e.getMessage());
        }
    }

    /** The columns in the footer of the table's first data file (by name). */
    private static List<String> columnsWritten(Configuration hadoop, String table) throws CommandError {
        Path dir = new Path(table);
        try {
            FileStatus[] files = dir.getFileSystem(hadoop).listStatus(dir,
                    f -> f.getName().endsWith(".parquet") && !f.getName().startsWith("_") && !f.getName().startsWith("."));
            FileStatus first = Arrays.stream(files).min(Comparator.comparing(f -> f.getPath().getName()))
                    .orElseThrow(() -> new CommandError("cannot read " + table + ": it holds no Parquet file"));
            try (ParquetFileReader reader = ParquetFileReader.open(HadoopInputFile.fromStatus(first, hadoop))) {
                return reader.getFooter().getFileMetaData().getSchema().getFields().stream().map(Type::getName).toList();
            }
        } catch (IOException | RuntimeException e) {
            throw new CommandError("cannot read " + table + ": " + OneLine.of(e));
        }
    }

    public Row row(RawRecord record, String runId) {
        Point p = record.point();
        List<Object> values = new ArrayList<>(schema.size());
        values.add(p.sweep());
        values.add(p.model());
        values.add(p.key());
        values.add(p.size());
        values.add(p.replica());
        values.add(p.dynamicsSeed());
        values.add(p.disorderSeed());
        values.add(record.status().label());
        values.add(record.error());
        values.add(record.wallMs());
        values.add(runId);
        params.keySet().forEach(name -> values.add(p.params().values().get(name)));
        Measurement m = record.measurement();
        observables.forEach((name, thermal) -> {
            values.add(m == null ? null : m.values().get(name));
            if (thermal) {
                values.add(m == null ? null : m.errors().get(name));
                values.add(m == null ? null : m.taus().get(name));
            }
        });
        return RowFactory.create(values.toArray());
    }

}
