package io.phasesweep.jobs.spark;

import io.phasesweep.engine.fss.ResampledPoint;
import io.phasesweep.engine.model.Model;
import io.phasesweep.engine.model.ModelRegistry;
import io.phasesweep.engine.model.ParamValues;
import io.phasesweep.engine.stats.ObservableSet;
import io.phasesweep.engine.stats.PointKey;
import io.phasesweep.engine.stats.ReplicaData;
import io.phasesweep.engine.sweep.SweepSpec;
import io.phasesweep.jobs.tables.CurrentRaw;
import io.phasesweep.jobs.tables.RawTable;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoder;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.expressions.Aggregator;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

import java.io.Serializable;
import java.nio.ByteBuffer;
import java.nio.DoubleBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.udaf;

/**
 * The replica average as a Spark aggregation: the current rows of {@code raw} grouped by point
 * (parameters × size), each group reduced on the executors to its {@link ResampledPoint} (values,
 * jackknife errors, Poisson-bootstrap resamples), so the driver receives points × resamples numbers
 * and never a raw row.
 *
 * <p>The aggregation buffer holds the point's replica rows (replica id and measured values): a
 * buffer of {@link io.phasesweep.engine.stats.Moments} per observable would be smaller, but Spark
 * merges partial buffers in whatever order its tasks finish, and floating-point merges are not
 * associative, so the result would change with the partitioning; and the jackknife errors of the
 * derived observables (a Binder ratio) need each replica's values anyway. Replicas per point are
 * few (tens to thousands, a few doubles each), so the buffer is small. At the end the rows are
 * sorted by replica and handed to the same engine code as the plain-Java path
 * ({@link ResampledPoint#of}), which sums in replica order: the numbers are bit-identical whatever
 * the partitioning, the executor count or the path.
 */
final class PointAggregation {
    private static final String POINT = "_point";

    private PointAggregation() {
    }

    /** The points, and the rows of {@code raw} left out of them. */
    record Averaged(List<ResampledPoint> points, CurrentRaw.LeftOut leftOut) {
        Averaged {
            points = List.copyOf(points);
        }
    }

    /**
     * The points and the count of rows left out, in one Spark job (one pass over {@code raw}): a
     * small sweep's analysis pays per job, not per row.
     *
     * @param raw        the rows of {@code raw} with their standing, partitioned by point group, so grouping needs no
     *                   further shuffle
     * @param resamples  bootstrap resamples per point (0 without an analysis)
     * @param seed       bootstrap seed
     * @return one point per point with a current row, in no particular order; the driver holds these only
     */
    static Averaged points(CurrentRaw raw, int resamples, long seed) {
        SweepSpec spec = raw.spec();
        Model model = raw.model();
        Map<String, Boolean> parameters = RawTable.parameterColumns(spec);
        Dataset<Row> rows = raw.rowsWithStanding();
        List<String> measured = ObservableSet.of(model).measured();
        List<StructField> in = new ArrayList<>();
        in.add(DataTypes.createStructField("size", DataTypes.IntegerType, false));
        parameters.forEach((name, word) ->
                in.add(DataTypes.createStructField(name, word ? DataTypes.StringType : DataTypes.DoubleType, false)));
        in.add(DataTypes.createStructField("replica", DataTypes.IntegerType, false));
        in.add(DataTypes.createStructField("status", DataTypes.StringType, false));
        in.add(DataTypes.createStructField(CurrentRaw.STANDING, DataTypes.StringType, false));
        measured.forEach(name -> in.add(DataTypes.createStructField(name, DataTypes.DoubleType, true)));
        StructType input = new StructType(in.toArray(StructField[]::new));

        Column[] inputs = Arrays.stream(input.fieldNames()).map(n -> col(n)).toArray(Column[]::new);
        Aggregator<Row, ReplicaRows, Row> aggregator = new Replicas(model.id(), new LinkedHashMap<>(parameters),
                measured.size(), resamples, seed);
        // grouped by the partitioning key of the rows: no further shuffle
        Dataset<Row> groups = rows.groupBy(col(CurrentRaw.POINT_GROUP))
                .agg(udaf(aggregator, Encoders.row(input)).apply(inputs).as(POINT))
                .select(col(POINT + ".*"));

        List<String> names = new ArrayList<>(parameters.keySet());
        List<ResampledPoint> points = new ArrayList<>();
        long unfinished = 0;
        long outside = 0;
        long replacedOk = 0;
        for (Row r : SingleJob.collect(groups)) {
            int leftOut = 1 + names.size() + Replicas.LEFT_OUT;
            unfinished += r.getInt(leftOut);
            outside += r.getInt(leftOut + 1);
            replacedOk += r.getInt(leftOut + 2);
            ResampledPoint p = Replicas.point(r, names);
            // a group of left-out rows only (a point outside the sweep, say) is no point
            if (p.replicas() + p.failed() > 0) {
                points.add(p);
            }
        }
        return new Averaged(points, new CurrentRaw.LeftOut(unfinished, outside, replacedOk));
    }

    /** The buffer: the point's key and its replica rows so far, in arrival order; the rows left out, counted. */
    public static final class ReplicaRows implements Serializable {
        private static final long serialVersionUID = 1L;
        ParamValues params;
        int size;
        int failed;
        int unfinished;
        int outside;
        int replacedOk;
        int count;
        int[] replicas = new int[4];
        /** values[i * k + j]: row i, measured observable j. */
        double[] values = new double[0];

        void add(int replica, double[] row) {
            if (count == replicas.length) {
                replicas = Arrays.copyOf(replicas, 2 * count);
            }
            if ((count + 1) * row.length > values.length) {
                values = Arrays.copyOf(values, Math.max(2 * values.length, (count + 1) * row.length));
            }
            replicas[count] = replica;
            System.arraycopy(row, 0, values, count * row.length, row.length);
            count++;
        }
    }

    /** Rows of one point in, its {@link ResampledPoint} (as a row) out. */
    static final class Replicas extends Aggregator<Row, ReplicaRows, Row> {
        private static final long serialVersionUID = 1L;
        /** Where the counts of rows left out begin in an output row, after size and the parameters. */
        static final int LEFT_OUT = 5;
        private final String modelId;
        /** Parameter name → true for a word, in the order of a point's parameter values. */
        private final LinkedHashMap<String, Boolean> parameters;
        private final int measured;
        private final int resamples;
        private final long seed;
        /** Models are not serializable: each executor finds the model by id on its classpath. */
        private transient ObservableSet observables;

        Replicas(String modelId, LinkedHashMap<String, Boolean> parameters, int measured, int resamples, long seed) {
            this.modelId = modelId;
            this.parameters = parameters;
            this.measured = measured;
            this.resamples = resamples;
            this.seed = seed;
        }

        private ObservableSet observables() {
            if (observables == null) {
                Model m = ModelRegistry.load().find(modelId);
                if (m == null) {
                    throw new IllegalStateException("model " + modelId + " is not on the executor's classpath (--jars?)");
                }
                observables = ObservableSet.of(m);
            }
            return observables;
        }

        @Override
        public ReplicaRows zero() {
            return new ReplicaRows();
        }

        @Override
        public ReplicaRows reduce(ReplicaRows b, Row r) {
            if (b.params == null) {
                Map<String, Object> params = new LinkedHashMap<>();
                int i = 1;
                for (String name : parameters.keySet()) {
                    params.put(name, r.get(i++));
                }
                b.params = new ParamValues(params);
                b.size = r.getInt(0);
            }
            int replica = r.getInt(1 + parameters.size());
            boolean ok = "ok".equals(r.getString(2 + parameters.size()));
            switch (r.getString(3 + parameters.size())) {
                case CurrentRaw.CURRENT -> {
                    if (!ok) {
                        b.failed++;
                        return b;
                    }
                }
                case CurrentRaw.UNFINISHED -> {
                    b.unfinished++;
                    return b;
                }
                case CurrentRaw.OUTSIDE -> {
                    b.outside++;
                    return b;
                }
                default -> {
                    b.replacedOk += ok ? 1 : 0;
                    return b;
                }
            }
            double[] row = new double[measured];
            for (int j = 0; j < measured; j++) {
                int column = 4 + parameters.size() + j;
                if (r.isNullAt(column) || !Double.isFinite(r.getDouble(column))) {
                    throw new IllegalArgumentException("raw row size=" + b.size + " " + b.params.values() + " replica "
                            + replica + " is ok but its " + observables().measured().get(j) + " is "
                            + (r.isNullAt(column) ? "null" : r.getDouble(column))
                            + ": an ok row has every observable finite (was the table written by this model?)");
                }
                row[j] = r.getDouble(column);
            }
            b.add(replica, row);
            return b;
        }

        @Override
        public ReplicaRows merge(ReplicaRows a, ReplicaRows b) {
            if (a.params == null) {
                return b;
            }
            if (b.params != null) {
                a.failed += b.failed;
                a.unfinished += b.unfinished;
                a.outside += b.outside;
                a.replacedOk += b.replacedOk;
                for (int i = 0; i < b.count; i++) {
                    a.add(b.replicas[i], Arrays.copyOfRange(b.values, i * measured, (i + 1) * measured));
                }
            }
            return a;
        }

        @Override
        public Row finish(ReplicaRows b) {
            PointKey key = new PointKey(b.params, b.size);
            ResampledPoint p = b.count == 0 ? ResampledPoint.failedOnly(key, b.failed, observables())
                    : ResampledPoint.of(replicaData(key, b), b.failed, observables(), resamples, seed);
            // the resamples as bytes, not an array of doubles: the driver receives them unboxed
            ByteBuffer flat = ByteBuffer.allocate(Double.BYTES * p.resampled().length * p.values().length);
            for (double[] resample : p.resampled()) {
                flat.asDoubleBuffer().put(resample);
                flat.position(flat.position() + Double.BYTES * resample.length);
            }
            List<Object> cells = new ArrayList<>();
            cells.add(b.size);
            parameters.keySet().forEach(name -> cells.add(b.params.values().get(name)));
            cells.addAll(List.of(p.replicas(), p.failed(), p.values(), p.errors(), flat.array(),
                    b.unfinished, b.outside, b.replacedOk));
            return RowFactory.create(cells.toArray());
        }

        /** The replica rows sorted by replica id: the order every sum over replicas follows. */
        private ReplicaData replicaData(PointKey key, ReplicaRows b) {
            Integer[] order = new Integer[b.count];
            for (int i = 0; i < order.length; i++) {
                order[i] = i;
            }
            Arrays.sort(order, (x, y) -> Integer.compare(b.replicas[x], b.replicas[y]));
            int[] ids = new int[b.count];
            double[][] values = new double[b.count][];
            for (int i = 0; i < order.length; i++) {
                ids[i] = b.replicas[order[i]];
                values[i] = Arrays.copyOfRange(b.values, order[i] * measured, (order[i] + 1) * measured);
                if (i > 0 && ids[i] == ids[i - 1]) {
                    throw new IllegalStateException("point " + key + " has two current rows of replica " + ids[i]);
                }
            }
            return new ReplicaData(key, ids, values);
        }

        /** The point from a row of {@link #outputEncoder}'s columns. */
        static ResampledPoint point(Row r, List<String> parameters) {
            Map<String, Object> params = new LinkedHashMap<>();
            for (int i = 0; i < parameters.size(); i++) {
                params.put(parameters.get(i), r.get(1 + i));
            }
            int at = 1 + parameters.size();
            double[] values = doubles(r.getList(at + 2));
            DoubleBuffer flat = ByteBuffer.wrap((byte[]) r.get(at + 4)).asDoubleBuffer();
            double[][] resampled = new double[flat.remaining() / Math.max(1, values.length)][values.length];
            for (double[] resample : resampled) {
                flat.get(resample);
            }
            return new ResampledPoint(new PointKey(new ParamValues(params), r.getInt(0)), r.getInt(at), r.getInt(at + 1),
                    values, doubles(r.getList(at + 3)), resampled);
        }

        private static double[] doubles(List<Double> list) {
            return list.stream().mapToDouble(Double::doubleValue).toArray();
        }

        @Override
        public Encoder<ReplicaRows> bufferEncoder() {
            return Encoders.javaSerialization(ReplicaRows.class);
        }

        @Override
        public Encoder<Row> outputEncoder() {
            List<StructField> out = new ArrayList<>();
            out.add(DataTypes.createStructField("size", DataTypes.IntegerType, false));
            parameters.forEach((name, word) ->
                    out.add(DataTypes.createStructField(name, word ? DataTypes.StringType : DataTypes.DoubleType, false)));
            out.add(DataTypes.createStructField("replicas", DataTypes.IntegerType, false));
            out.add(DataTypes.createStructField("failed", DataTypes.IntegerType, false));
            for (String name : List.of("values", "errors")) {
                out.add(DataTypes.createStructField(name, DataTypes.createArrayType(DataTypes.DoubleType, false), false));
            }
            out.add(DataTypes.createStructField("resampled", DataTypes.BinaryType, false));
            for (String name : List.of("unfinished", "outside", "replaced_ok")) {
                out.add(DataTypes.createStructField(name, DataTypes.IntegerType, false));
            }
            return Encoders.row(new StructType(out.toArray(StructField[]::new)));
        }
    }
}
