package io.phasesweep.jobs.spark;

import io.phasesweep.engine.run.MeasuredCost;
import io.phasesweep.engine.run.RawRecord;
import org.apache.spark.util.AccumulatorV2;

import java.util.HashMap;
import java.util.Map;

/**
 * The wall time of a run's ok points per site (as {@link MeasuredCost#site}), added up in the tasks
 * and merged on the driver as Spark reports each finished task: what the run's later waves are
 * priced by ({@link MeasuredCost}), without reading {@code raw} back. The driver receives a sum
 * and a count per site, never a row. Like the run's counts, it is applied once per partition, from
 * the attempt that committed (each wave is one result stage).
 */
final class SiteSeconds extends AccumulatorV2<RawRecord, Map<String, Double>> {
    private static final long serialVersionUID = 1L;

    /** Site → {seconds, points}. */
    private final HashMap<String, double[]> sums = new HashMap<>();

    @Override
    public boolean isZero() {
        return sums.isEmpty();
    }

    @Override
    public SiteSeconds copy() {
        SiteSeconds copy = new SiteSeconds();
        copy.merge(this);
        return copy;
    }

    @Override
    public void reset() {
        sums.clear();
    }

    /** A finished point: counted when ok, as the folder's measured costs count only ok rows. */
    @Override
    public void add(RawRecord r) {
        if (r.status() == RawRecord.Status.OK) {
            add(MeasuredCost.site(r.point().key()), r.wallMs() / 1000.0, 1);
        }
    }

    @Override
    public void merge(AccumulatorV2<RawRecord, Map<String, Double>> other) {
        ((SiteSeconds) other).sums.forEach((site, s) -> add(site, s[0], s[1]));
    }

    private void add(String site, double seconds, double points) {
        double[] s = sums.computeIfAbsent(site, k -> new double[2]);
        s[0] += seconds;
        s[1] += points;
    }

    /** The wall seconds of every ok point. */
    double seconds() {
        return sums.values().stream().mapToDouble(s -> s[0]).sum();
    }

    /** Site → mean wall seconds per ok point. */
    @Override
    public Map<String, Double> value() {
        Map<String, Double> means = new HashMap<>();
        sums.forEach((site, s) -> means.put(site, s[0] / s[1]));
        return means;
    }
}
