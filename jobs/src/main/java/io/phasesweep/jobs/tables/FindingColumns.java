package io.phasesweep.jobs.tables;

import io.phasesweep.engine.fss.Finding;
import io.phasesweep.engine.fss.Flag;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import static io.phasesweep.jobs.tables.TableSchema.field;

/**
 * The columns {@code boundaries} and {@code exponents} share, one {@link Finding} each: written
 * after the table's own leading columns, read back by the report. The estimate's value column is
 * named by the table ({@code critical_value} or {@code value}).
 */
public final class FindingColumns {
    private FindingColumns() {
    }

    /** A table's schema: sweep, model, its own leading column (a string), then the shared columns. */
    static StructType schema(String leading, String valueColumn) {
        List<StructField> f = new ArrayList<>(List.of(field("sweep", DataTypes.StringType, false),
                field("model", DataTypes.StringType, false), field(leading, DataTypes.StringType, false)));
        f.addAll(fields(valueColumn));
        return new StructType(f.toArray(StructField[]::new));
    }

    /** A row of {@link #schema}. */
    static Row row(String sweep, String model, String leading, Finding finding) {
        List<Object> v = new ArrayList<>(List.of(sweep, model, leading));
        v.addAll(values(finding));
        return RowFactory.create(v.toArray());
    }

    /** The shared columns, with the value column named {@code valueColumn}. */
    private static List<StructField> fields(String valueColumn) {
        return List.of(field("across", DataTypes.StringType, true), field("across_value", DataTypes.DoubleType, true),
                field(valueColumn, DataTypes.DoubleType, false), field("stderr", DataTypes.DoubleType, false),
                field("stderr_stat", DataTypes.DoubleType, false), field("stderr_sys", DataTypes.DoubleType, false),
                field("method", DataTypes.StringType, false), field("observable", DataTypes.StringType, true),
                field("variant", DataTypes.StringType, false),
                field("sizes", DataTypes.createArrayType(DataTypes.IntegerType, false), false),
                field("flags", DataTypes.createArrayType(DataTypes.StringType, false), false),
                field("quality", DataTypes.StringType, false), field("level", DataTypes.DoubleType, true),
                field("size", DataTypes.IntegerType, true), field("omega", DataTypes.DoubleType, true),
                field("omega_source", DataTypes.StringType, true), field("chi2_dof", DataTypes.DoubleType, true),
                field("s", DataTypes.DoubleType, true), field("resamples_failed", DataTypes.IntegerType, false));
    }

    /** The values of {@link #fields}, in order. */
    private static List<Object> values(Finding f) {
        List<Object> v = new ArrayList<>();
        v.add(f.across());
        v.add(f.acrossValue());
        v.add(f.value());
        v.add(f.stderr());
        v.add(f.stderrStat());
        v.add(f.stderrSys());
        v.add(f.method());
        v.add(f.observable());
        v.add(f.variant());
        v.add(f.sizes().toArray(Integer[]::new));
        v.add(f.flagColumn().toArray(String[]::new));
        v.add(f.quality());
        v.add(f.level());
        v.add(f.size());
        v.add(f.omega());
        v.add(f.omegaSource());
        v.add(f.chi2Dof());
        v.add(f.s());
        v.add(f.resamplesFailed());
        return v;
    }

    /** A finding read back from a row of either table. */
    public static Finding read(Row r, String valueColumn) {
        Set<Flag> flags = EnumSet.noneOf(Flag.class);
        for (String name : r.<String>getList(r.fieldIndex("flags"))) {
            flags.add(Flag.valueOf(name.toUpperCase(Locale.ROOT)));
        }
        return new Finding(r.getAs("across"), r.getAs("across_value"), r.getAs("method"), r.getAs("observable"),
                r.getAs("variant"), r.<Double>getAs(valueColumn), r.<Double>getAs("stderr"), r.<Double>getAs("stderr_stat"),
                r.<Double>getAs("stderr_sys"), r.<Integer>getList(r.fieldIndex("sizes")), flags, r.getAs("level"),
                r.getAs("size"), r.getAs("omega"), r.getAs("omega_source"), r.getAs("chi2_dof"), r.getAs("s"),
                r.<Integer>getAs("resamples_failed"), r.getAs("quality"));
    }
}
