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
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs one unit of work and turns every outcome into rows: an exception, a NaN or infinite
 * observable, or a run past its time limit becomes a FAILED or TIMEOUT row with a message, never a
 * crash and never a lost point.
 *
 * <p>The limit is cooperative first ({@link Deadline#check()} in the model's loops) and enforced
 * second: a run still going a grace period after its limit is interrupted and abandoned. Units run
 * one at a time on the runner's own thread: a runner serves one caller at a time.
 */
public final class PointRunner {
    private final Model model;
    private final double defaultLimitSeconds;
    private ExecutorService worker;

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
        Future<List<Measurement>> unit = worker().submit(() -> {
            // a stuck unit is named in a thread dump
            Thread.currentThread().setName("phasesweep-point-" + group.key());
            Deadline deadline = Deadline.after(limit);
            List<Task> tasks = points.stream().map(Point::task).toList();
            return run(points, tasks, streams, deadline);
        });
        Object result = outcome(unit, limit * 1.1 + 5.0);
        long wallMs = (System.nanoTime() - start) / 1_000_000;
        if (result == null) {
            // the thread may still be running the abandoned unit: the next unit gets a new one
            unit.cancel(true);
            worker.shutdownNow();
            worker = null;
            return all(points, Status.TIMEOUT, "no result after the time limit of " + limit + " s", wallMs);
        }
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

    /** The unit's measurements or its exception, or null when it has not ended {@code seconds} after its start. */
    private static Object outcome(Future<List<Measurement>> unit, double seconds) {
        try {
            return unit.get(Math.max(1L, (long) (seconds * 1000)), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            return e.getCause();
        } catch (TimeoutException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /**
     * The one thread that runs this runner's units, one after the other: starting a thread per
     * unit cost 0.2-0.9 ms (load 10), a hand-over to a waiting thread tens of microseconds. It ends after a
     * second without work, so a runner needs no closing.
     */
    private ExecutorService worker() {
        if (worker == null) {
            ThreadPoolExecutor pool = new ThreadPoolExecutor(1, 1, 1, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
                Thread t = new Thread(r, "phasesweep-point");
                t.setDaemon(true);
                return t;
            });
            pool.allowCoreThreadTimeOut(true);
            worker = pool;
        }
        return worker;
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
