package io.phasesweep.jobs.bench;

import io.phasesweep.engine.model.BudgetKey;
import io.phasesweep.engine.model.Deadline;
import io.phasesweep.engine.model.DerivedObservable;
import io.phasesweep.engine.model.Measurement;
import io.phasesweep.engine.model.Model;
import io.phasesweep.engine.model.ModelRegistry;
import io.phasesweep.engine.model.ObservableSpec;
import io.phasesweep.engine.model.ParamSpec;
import io.phasesweep.engine.model.RandomStreams;
import io.phasesweep.engine.model.Task;
import io.phasesweep.engine.run.PointRunner;
import io.phasesweep.engine.run.RawRecord;
import io.phasesweep.engine.sweep.PointGroup;
import io.phasesweep.engine.sweep.Seeds;
import io.phasesweep.engine.sweep.SweepExpander;
import io.phasesweep.jobs.SweepFile;
import io.phasesweep.jobs.tables.RawTable;
import org.apache.spark.sql.Row;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What a task spends per point outside the model's own run, on one thread, without Spark: the
 * time around {@link PointRunner#run(List)} (in bins of units, as a task runs them) against the
 * time inside the model's {@link Model#run} (a wrapper times it), the recorded {@code wall_ms}
 * against the caller's time, the generators' seeding, the rows ({@link RawTable#row}) and their
 * Java serialization (as a task's result is sent), and once per pass the Java deserialization of
 * a bin and of the raw table (as a task's are received) and the model registry's loading (as a
 * task looks its model up). Not a test.
 *
 * <p>Usage: {@code PointOverhead SWEEP_FILE [PASSES]}: the sweep's points PASSES times (default 2);
 * the first pass warms the JIT up.
 */
public final class PointOverhead {
    /** Units per call of {@link PointRunner#run(List)}: about a task's of 1000 short points in 22 tasks. */
    private static final int BIN = 45;

    private PointOverhead() {
    }

    /** The model, with the nanoseconds of its runs added up. */
    private static final class Timed implements Model {
        private final Model model;
        long nanos;

        Timed(Model model) {
            this.model = model;
        }

        public String id() { return model.id(); }
        public String summary() { return model.summary(); }
        public String sizeMeaning() { return model.sizeMeaning(); }
        public List<ParamSpec> params() { return model.params(); }
        public List<ObservableSpec> observables() { return model.observables(); }
        public List<DerivedObservable> derived() { return model.derived(); }
        public List<BudgetKey> budget() { return model.budget(); }
        public double cost(Task task) { return model.cost(task); }

        public Measurement run(Task task, RandomStreams streams, Deadline deadline) throws Exception {
            long start = System.nanoTime();
            try {
                return model.run(task, streams, deadline);
            } finally {
                nanos += System.nanoTime() - start;
            }
        }
    }

    /** The groups in bins of {@link #BIN} units, as a task of a wave gets them. */
    private static List<List<PointGroup>> bins(List<PointGroup> groups) {
        List<List<PointGroup>> bins = new ArrayList<>();
        for (int i = 0; i < groups.size(); i += BIN) {
            bins.add(new ArrayList<>(groups.subList(i, Math.min(groups.size(), i + BIN))));
        }
        return bins;
    }

    /** {bytes, nanoseconds to deserialize} of {@code o} in Java serialization, as Spark's JavaSerializer sends a task. */
    private static long[] roundTrip(Object o) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(o);
        }
        long start = System.nanoTime();
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            in.readObject();
        }
        return new long[] {bytes.size(), System.nanoTime() - start};
    }

    public static void main(String[] args) throws Exception {
        SweepFile sweep = SweepFile.load(Path.of(args[0]), ModelRegistry.load());
        int passes = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        Model model = sweep.model();
        List<PointGroup> groups = SweepExpander.groups(sweep.spec(), model);
        RawTable table = RawTable.of(sweep.spec(), model);
        for (int pass = 0; pass < passes; pass++) {
            Timed timed = new Timed(model);
            PointRunner runner = new PointRunner(timed, 600);
            long runnerNanos = 0;
            long recordedMs = 0;
            long seedNanos = 0;
            long rowNanos = 0;
            long points = 0;
            List<Row> rows = new ArrayList<>();
            for (List<PointGroup> bin : bins(groups)) {
                long start = System.nanoTime();
                List<RawRecord> records = runner.run(bin);
                runnerNanos += System.nanoTime() - start;
                start = System.nanoTime();
                for (PointGroup g : bin) {
                    new RandomStreams(Seeds.generator(g.disorderSeed()), Seeds.generator(g.dynamicsSeed()));
                }
                seedNanos += System.nanoTime() - start;
                start = System.nanoTime();
                for (RawRecord r : records) {
                    rows.add(table.row(r, "run"));
                    recordedMs += r.wallMs();
                    points++;
                }
                rowNanos += System.nanoTime() - start;
            }
            long start = System.nanoTime();
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
                out.writeObject(rows.toArray());
            }
            long serialNanos = System.nanoTime() - start;
            long[] bin = roundTrip(bins(groups).get(0));
            long[] schema = roundTrip(table);
            start = System.nanoTime();
            ModelRegistry.load().find(model.id());
            long registryNanos = System.nanoTime() - start;
            System.out.printf(Locale.ROOT, "pass %d: a bin of %d units: %d bytes, deserialized in %.1f us; the raw table: %d bytes,"
                    + " deserialized in %.1f us; the model registry loaded in %.1f us%n", pass, BIN, bin[0], bin[1] / 1e3,
                    schema[0], schema[1] / 1e3, registryNanos / 1e3);
            System.out.printf(Locale.ROOT, "pass %d: %d points, per point: model %.3f ms, around it in PointRunner.run %.1f us,"
                            + " wall_ms recorded %.3f ms (%.3f ms short of the caller's time), seeding %.1f us, row %.1f us,"
                            + " rows serialized %.1f us (%d bytes)%n",
                    pass, points, timed.nanos / 1e6 / points, (runnerNanos - timed.nanos) / 1e3 / points,
                    (double) recordedMs / points, (runnerNanos / 1e6 - recordedMs) / points, seedNanos / 1e3 / points,
                    rowNanos / 1e3 / points, serialNanos / 1e3 / points, bytes.size() / points);
        }
    }
}
