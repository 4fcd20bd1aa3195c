package io.phasesweep.jobs.show;

import io.phasesweep.jobs.CommandError;
import io.phasesweep.jobs.OneLine;
import io.phasesweep.jobs.report.Numbers;
import io.phasesweep.jobs.tables.OutputFolder;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.NumericType;
import org.apache.spark.sql.types.StructField;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Prints one table of an output folder as text, CSV or JSON lines. */
public final class ShowTable {
    public enum Format { TEXT, CSV, JSON }

    public static final List<String> TABLES = List.of("raw", "points", "boundaries", "exponents", "notes", "runs", "rounds");
    /** Widest cell of the text view; CSV and JSON keep every character. */
    static final int MAX_WIDTH = 32;

    private ShowTable() {
    }

    /**
     * Prints a table that {@link #check} found.
     *
     * @param limit rows of the text view (the rest is counted); CSV and JSON print every row
     */
    public static void print(SparkSession spark, String dir, String table, Format format, int limit, PrintWriter out) {
        Dataset<Row> rows = spark.read().parquet(new Path(dir, table).toString());
        StructField[] fields = rows.schema().fields();
        switch (format) {
            case JSON -> rows.toJSON().toLocalIterator().forEachRemaining(out::println);
            case CSV -> {
                out.print(Csv.line(Arrays.stream(fields).map(StructField::name).toList()));
                rows.toLocalIterator().forEachRemaining(r -> out.print(Csv.line(cells(r, false))));
            }
            case TEXT -> {
                List<List<String>> shown = new ArrayList<>();
                rows.limit(limit).collectAsList().forEach(r -> shown.add(cells(r, true)));
                TextTable text = new TextTable(Arrays.stream(fields).map(StructField::name).toList(),
                        Arrays.stream(fields).map(f -> f.dataType() instanceof NumericType).toList(), MAX_WIDTH);
                out.print(text.format(shown));
                long total = rows.count();
                out.printf("(%d row%s%s)%n", total, total == 1 ? "" : "s",
                        total > shown.size() ? ", first " + shown.size() + " shown; --limit N, --csv or --json for more" : "");
            }
        }
        out.flush();
    }


    /**
     * The checks {@code show} makes before Spark starts: a known table name, a limit of 0 or more,
     * a phasesweep output folder that has the table.
     */
    public static void check(Configuration hadoop, String dir, String table, int limit) throws CommandError {
        if (!TABLES.contains(table)) {
            throw new CommandError("unknown table '" + OneLine.prefix(table) + "'; tables: " + String.join(", ", TABLES));
        }
        if (limit < 0) {
            throw new CommandError("--limit: expected a number of rows, 0 or more, got " + limit);
        }
        OutputFolder.existing(hadoop, dir).requireTable(table);
    }

    /** The row as text: doubles to six significant digits for reading, in full for CSV; arrays as [a, b]. */
    static List<String> cells(Row r, boolean readable) {
        List<String> cells = new ArrayList<>(r.size());
        StructField[] fields = r.schema().fields();
        for (int i = 0; i < r.size(); i++) {
            DataType type = fields[i].dataType();
            String cell = r.isNullAt(i) ? ""
                    : type instanceof ArrayType ? r.getList(i).toString()
                    : readable && type.equals(DataTypes.DoubleType) ? Numbers.plain(r.getDouble(i))
                    : r.get(i).toString();
            cells.add(cell);
        }
        return cells;
    }
}
