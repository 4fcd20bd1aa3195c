package io.phasesweep.jobs.spark;

import io.phasesweep.engine.model.Model;
import io.phasesweep.engine.run.MeasuredCost;
import io.phasesweep.engine.sweep.Point;
import io.phasesweep.jobs.tables.OutputFolder;
import io.phasesweep.jobs.tables.RawTable;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.regexp_replace;

/**
 * The {@link MeasuredCost} of a sweep's points from the folder's finished points: one aggregate
 * query over {@code raw}'s ok rows, the mean {@code wall_ms} per site (a point key without its
 * replica, as {@link MeasuredCost#site}); the driver receives one number per site, never a row.
 * For a resumed run and a refinement round, whose new points are mostly new replicas of finished
 * sites, and for the refinement's planner, which prices a round's points by it.
 */
public final class MeasuredCosts {
    private MeasuredCosts() {
    }

    /** The costs learnt from {@code out}'s raw rows; the static estimates when it has none. */
    public static MeasuredCost read(SparkSession spark, OutputFolder out, List<Point> sweep, Model model) {
        return MeasuredCost.of(sweep, MeasuredCost.perPoint(model), secondsBySite(spark, out));
    }

    /** Site → mean wall seconds of its ok rows in {@code out}'s raw; empty without raw. */
    static Map<String, Double> secondsBySite(SparkSession spark, OutputFolder out) {
        Map<String, Double> secondsBySite = new HashMap<>();
        if (out.hasRaw()) {
            for (Row r : spark.read().parquet(out.table(RawTable.NAME)).where(col("status").equalTo("ok"))
                    .groupBy(regexp_replace(col("point"), "\\|r=[0-9]+$", "").as("site"))
                    .agg(avg(col("wall_ms"))).collectAsList()) {
                secondsBySite.put(r.getString(0), r.getDouble(1) / 1000);
            }
        }
        return secondsBySite;
    }
}
