package io.phasesweep.jobs.tables;

import io.phasesweep.jobs.CommandError;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * The tables of an output folder as a reader on the driver gets them: those this process has just
 * written (or read) from memory, the others from the folder. Each is a Spark job less: the report
 * at the end of {@code run} reads nothing back. A table read from the folder is read with its
 * declared schema where it has a fixed one (else Spark runs a job to infer it from a file's footer).
 */
public final class FolderTables {
    private final SparkSession spark;
    private final String dir;
    private final Map<String, Dataset<Row>> inMemory;

    private FolderTables(SparkSession spark, String dir, Map<String, Dataset<Row>> inMemory) {
        this.spark = spark;
        this.dir = dir;
        this.inMemory = Map.copyOf(inMemory);
    }

    /** The folder's tables, all read from its files. */
    public static FolderTables of(SparkSession spark, String dir) {
        return new FolderTables(spark, dir, Map.of());
    }

    /** These tables with {@code rows} as the table {@code name}: as the folder holds it, already in memory. */
    public FolderTables with(String name, Dataset<Row> rows) {
        Map<String, Dataset<Row>> more = new HashMap<>(inMemory);
        more.put(name, rows);
        return new FolderTables(spark, dir, more);
    }

    public String dir() {
        return dir;
    }

    /** The path of the table {@code name} in the folder. */
    public String path(String name) {
        return new Path(dir, name).toString();
    }

    public boolean has(String name) throws CommandError {
        if (inMemory.containsKey(name)) {
            return true;
        }
        Path path = new Path(dir, name);
        try {
            return path.getFileSystem(spark.sparkContext().hadoopConfiguration()).exists(path);
        } catch (IOException e) {
            throw new CommandError("cannot read " + path + ": " + e.getMessage());
        }
    }

    /**
     * @param schema the table's declared schema; null for a table whose columns the reader takes
     *               from the files (Spark infers them)
     */
    public Dataset<Row> read(String name, StructType schema) {
        Dataset<Row> rows = inMemory.get(name);
        if (rows != null) {
            return rows;
        }
        String path = path(name);
        return schema == null ? spark.read().parquet(path) : spark.read().schema(schema).parquet(path);
    }
}
