package io.phasesweep.jobs.spark;

import io.phasesweep.engine.model.ModelRegistry;
import io.phasesweep.engine.run.MeasuredCost;
import io.phasesweep.engine.sweep.Point;
import io.phasesweep.engine.sweep.PointGroup;
import io.phasesweep.engine.sweep.SweepExpander;
import io.phasesweep.jobs.SweepFile;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.stream.Collectors;

import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.regexp_replace;

/**
 * The make-span of a resumed run's schedule by the model's static estimates and by
 * {@link MeasuredCost}, both replayed with the points' measured wall times (bench/make-span.sh): a
 * folder holds a first run and a resumed run of the grown sweep; the costs are learnt from the
 * first run's rows only, the durations are the resumed run's {@code wall_ms}. Each wave's tasks are
 * dealt as {@link RunJob} deals them ({@link Bins#factoring}), or as it did before, in 3 bins per
 * core ({@link Bins#longestFirst}), and run in order on CORES cores, each taking the next task
 * when free, as Spark's local scheduler does; the make-span is the sum of the waves'. Printed for
 * WAVES waves and for one wave (the bound of what a cost model can do within a wave).
 *
 * <p>Usage: {@code MakeSpanBenchmark SWEEP_FILE OUTDIR FIRST_RUN_ID RESUMED_RUN_ID CORES WAVES}
 */
public final class MakeSpanBenchmark {
    private MakeSpanBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        SweepFile sweep = SweepFile.load(Path.of(args[0]), ModelRegistry.load());
        int cores = Integer.parseInt(args[4]);
        int waves = Integer.parseInt(args[5]);
        SparkSession spark = SparkSession.builder().appName("make-span").master("local[1]").getOrCreate();
        Map<String, Double> learnt = new HashMap<>();
        Map<String, Double> actual = new HashMap<>();
        try {
            var raw = spark.read().parquet(args[1] + "/raw").where(col("status").equalTo("ok"));
            for (Row r : raw.where(col("run_id").equalTo(args[2]))
                    .groupBy(regexp_replace(col("point"), "\\|r=[0-9]+$", "")).agg(avg(col("wall_ms"))).collectAsList()) {
                learnt.put(r.getString(0), r.getDouble(1) / 1000);
            }
            for (Row r : raw.where(col("run_id").equalTo(args[3])).select("point", "wall_ms").collectAsList()) {
                actual.put(r.getString(0), r.getLong(1) / 1000.0);
            }
        } finally {
            spark.stop();
        }
        List<PointGroup> all = SweepExpander.groups(sweep.spec(), sweep.model());
        Set<String> resumed = actual.keySet();
        List<PointGroup> pending = all.stream().filter(g -> g.points().stream().anyMatch(p -> resumed.contains(p.key()))).toList();
        double work = actual.values().stream().mapToDouble(Double::doubleValue).sum();
        System.out.printf(Locale.ROOT, "%d units resumed, %.2f s of points on %d cores (bound %.2f s)%n",
                pending.size(), work, cores, work / cores);
        List<PointGroup> priced = MeasuredCost.of(all.stream().flatMap(g -> g.points().stream()).toList(),
                MeasuredCost.perPoint(sweep.model()), learnt).priced(pending);
        for (int w : new int[] {waves, 1}) {
            for (boolean factoring : new boolean[] {false, true}) {
                System.out.printf(Locale.ROOT, "make-span in up to %d waves, %s: static estimates %.2f s, measured costs %.2f s%n",
                        w, factoring ? "tasks by factoring" : "3 tasks per core", makeSpan(pending, actual, cores, w, factoring, false),
                        makeSpan(priced, actual, cores, w, factoring, true));
            }
        }
    }

    private static double makeSpan(List<PointGroup> groups, Map<String, Double> actual, int cores, int waves,
                                   boolean factoring, boolean measured) {
        double total = 0;
        for (List<PointGroup> wave : Bins.inWaves(groups, cores, waves, 1)) {
            PriorityQueue<Double> free = new PriorityQueue<>();
            for (int c = 0; c < cores; c++) {
                free.add(0.0);
            }
            double end = 0;
            for (List<PointGroup> bin : factoring ? Bins.factoring(wave, cores, Bins.smallest(wave, cores, measured))
                    : Bins.longestFirst(wave, Math.min(wave.size(), Bins.PER_CORE * cores))) {
                double seconds = bin.stream().flatMap(g -> g.points().stream()).map(Point::key)
                        .collect(Collectors.summingDouble(k -> actual.getOrDefault(k, 0.0)));
                double finish = free.poll() + seconds;
                end = Math.max(end, finish);
                free.add(finish);
            }
            total += end;
        }
        return total;
    }
}
