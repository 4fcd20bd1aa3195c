package io.phasesweep.jobs.show;

import io.phasesweep.jobs.CommandError;
import io.phasesweep.jobs.TestSpark;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ShowTableTest {
    private static final SparkSession SPARK = TestSpark.session();

    @TempDir
    static Path dir;

    @BeforeAll
    static void writeTable() {
        StructType schema = new StructType(new StructField[] {
                DataTypes.createStructField("method", DataTypes.StringType, false),
                DataTypes.createStructField("critical_value", DataTypes.DoubleType, true),
                DataTypes.createStructField("sizes", DataTypes.createArrayType(DataTypes.IntegerType, false), false),
                DataTypes.createStructField("quality", DataTypes.StringType, false)});
        SPARK.createDataFrame(List.of(
                        RowFactory.create("crossing:binder", 2.269184, new Integer[] {8, 16}, "chi2/dof=0.8"),
                        RowFactory.create("collapse:binder", null, new Integer[] {8}, "S=4 (poor collapse: corrections, \"wide\")")),
                schema).coalesce(1).write().parquet(dir.resolve("boundaries").toString());
    }

    private String show(ShowTable.Format format, int limit) throws CommandError {
        StringWriter out = new StringWriter();
        ShowTable.print(SPARK, dir.toString(), "boundaries", format, limit, new PrintWriter(out));
        return out.toString();
    }

    @Test
    void textIsAlignedAndCountsTheRowsLeftOut() throws CommandError {
        assertEquals("""
                method           critical_value  sizes    quality
                ---------------  --------------  -------  ------------
                crossing:binder         2.26918  [8, 16]  chi2/dof=0.8
                (2 rows, first 1 shown; --limit N, --csv or --json for more)
                """, show(ShowTable.Format.TEXT, 1));
    }

    @Test
    void csvKeepsFullPrecisionAndQuotes() throws CommandError {
        assertEquals("""
                method,critical_value,sizes,quality
                crossing:binder,2.269184,"[8, 16]",chi2/dof=0.8
                collapse:binder,,[8],"S=4 (poor collapse: corrections, ""wide"")"
                """, show(ShowTable.Format.CSV, 1));
    }

    @Test
    void jsonIsOneObjectPerRow() throws CommandError {
        assertEquals("""
                {"method":"crossing:binder","critical_value":2.269184,"sizes":[8,16],"quality":"chi2/dof=0.8"}
                {"method":"collapse:binder","sizes":[8],"quality":"S=4 (poor collapse: corrections, \\"wide\\")"}
                """, show(ShowTable.Format.JSON, 1));
    }

    @Test
    void anUnknownOrMissingTableIsNamed() {
        Configuration hadoop = new Configuration();
        assertEquals("unknown table 'bounds'; tables: raw, points, boundaries, exponents, notes, runs, rounds",
                assertThrows(CommandError.class, () -> ShowTable.check(hadoop, dir.toString(), "bounds", 5)).getMessage());
        assertEquals(dir + " is not a phasesweep output folder (it has no raw table): run a sweep into it first"
                        + " (phasesweep run FILE --out " + dir + ")",
                assertThrows(CommandError.class, () -> ShowTable.check(hadoop, dir.toString(), "runs", 5)).getMessage());
    }
}
