package io.phasesweep.engine.run;

import io.phasesweep.engine.model.AxisModel;
import io.phasesweep.engine.model.Deadline;
import io.phasesweep.engine.model.Measurement;
import io.phasesweep.engine.model.Model;
import io.phasesweep.engine.model.ObservableSpec;
import io.phasesweep.engine.model.RandomStreams;
import io.phasesweep.engine.model.ReplicaBatchModel;
import io.phasesweep.engine.model.Task;
import io.phasesweep.engine.run.RawRecord.Status;
import io.phasesweep.engine.sweep.Point;
import io.phasesweep.engine.sweep.PointGroup;
import io.phasesweep.engine.sweep.Seeds;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs one unit of work and turns every outcome into rows: an exception, a NaN or infinite
 * observable, or a run past its time limit becomes a FAILED or TIMEOUT row with a message, never a
 * crash and never a lost point.
 *
 * <p>The limit is cooperative first ({@link Deadline#check()} in the model's loops) and enforced
 * second: a run still going a grace period after its limit is interrupted and abandoned.
 */
public final class PointRunner {
    private final Model model;
    private final double defaultLimitSeconds;

    public PointRunner(Model model, double defaultLimitSeconds) {
        this.model = model;
        this.defaultLimitSeconds = defaultLimitSeconds;
    }

    public List<RawRecord> run(PointGroup group) {
        List<Point> points = group.points();
        double limit = points.get(0).task().budget().timeLimit(defaultLimitSeconds) * points.size();
        RandomStreams streams = new RandomStreams(
                Seeds.generator(group.disorderSeed()), Seeds.generator(group.dynamicsSeed()));
        long start = System.nanoTime();
        AtomicReference<Object> outcome = new AtomicReference<>();
        Thread worker = new Thread(() -> {
            try {
                Deadline deadline = Deadline.after(limit);
                List<Task> tasks = points.stream().map(Point::task).toList();
                outcome.set(run(points, tasks, streams, deadline));
            } catch (Throwable t) {
                outcome.set(t);
            }
        }, "phasesweep-point-" + group.key());
        worker.setDaemon(true);
        worker.start();
        boolean finished = join(worker, limit * 1.1 + 5.0);
        long wallMs = (System.nanoTime() - start) / 1_000_000;
        if (!finished) {
            worker.interrupt();
            return all(points, Status.TIMEOUT, "no result after the time limit of " + limit + " s", wallMs);
        }
        Object result = outcome.get();
        if (result instanceof Deadline.PointTimeoutException) {
            return all(points, Status.TIMEOUT, "time limit of " + limit + " s reached", wallMs);
        }
        if (result instanceof Throwable t) {
            return all(points, Status.FAILED, describe(t), wallMs);
        }
        @SuppressWarnings("unchecked")
        List<Measurement> measurements = (List<Measurement>) result;
        if (measurements == null || measurements.size() != points.size()) {
            return all(points, Status.FAILED, "model returned " + (measurements == null ? "no" : measurements.size())
                    + " measurements for " + points.size() + " points", wallMs);
        }
        List<RawRecord> rows = new ArrayList<>(points.size());
        long perPoint = wallMs / points.size();
        for (int i = 0; i < points.size(); i++) {
            Measurement m = measurements.get(i);
            String problem = check(m);
            rows.add(problem == null
                    ? new RawRecord(points.get(i), Status.OK, null, perPoint, m)
                    : new RawRecord(points.get(i), Status.FAILED, problem, perPoint, null));
        }
        return rows;
    }

    private List<Measurement> run(List<Point> points, List<Task> tasks, RandomStreams streams, Deadline deadline)
            throws Exception {
        if (model instanceof AxisModel axisModel) {
            return axisModel.runAxis(tasks, streams, deadline);
        }
        int batch = model instanceof ReplicaBatchModel batchModel ? batchModel.replicaBatch(tasks.get(0)) : 1;
        if (batch > 1) {
            int[] lanes = points.stream().mapToInt(p -> p.replica() % batch).toArray();
            return ((ReplicaBatchModel) model).runBatch(tasks.get(0), lanes, streams, deadline);
        }
        return List.of(model.run(tasks.get(0), streams, deadline));
    }

    /** Null when every declared observable is present and finite, else the first problem. */
    private String check(Measurement m) {
        if (m == null) {
            return "model returned no measurement";
        }
        for (ObservableSpec o : model.observables()) {
            Double v = m.values().get(o.name());
            if (v == null) {
                return "observable " + o.name() + " missing from the measurement";
            }
            if (!Double.isFinite(v)) {
                return "observable " + o.name() + " is " + v;
            }
        }
        return null;
    }

    private static boolean join(Thread t, double seconds) {
        try {
            t.join(Math.max(1L, (long) (seconds * 1000)));
        } catch (InterruptedException e) {
            t.interrupt();
            Thread.currentThread().interrupt();
        }
        return !t.isAlive();
    }

    private static List<RawRecord> all(List<Point> points, Status status, String error, long wallMs) {
        long perPoint = wallMs / points.size();
        return points.stream().map(p -> new RawRecord(p, status, error, perPoint, null)).toList();
    }

    static String describe(Throwable t) {
        StringBuilder s = new StringBuilder(t.getClass().getSimpleName());
        if (t.getMessage() != null) {
            s.append(": ").append(t.getMessage());
        }
        StackTraceElement[] trace = t.getStackTrace();
        if (trace.length > 0) {
            s.append(" (at ").append(trace[0]).append(')');
        }
        return s.toString();
    }
}
