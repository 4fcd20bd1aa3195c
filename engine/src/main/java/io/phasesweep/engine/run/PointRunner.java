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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Runs units of work and turns every outcome into rows: an exception, a NaN or infinite
 * observable, or a run past its time limit becomes a FAILED or TIMEOUT row with a message, never a
 * crash and never a lost point.
 *
 * <p>The limit is cooperative first ({@link Deadline#check()} in the model's loops) and enforced
 * second: a run still going a grace period after its limit is interrupted and abandoned, and the
 * units after it run on a new thread. The units of one call run one after the other on the
 * runner's own thread while the caller waits for all of them, not for each: a hand-over to that
 * thread and back per unit cost 0.1-0.3 ms of a 10 ms point on the loaded machine (a woken thread
 * waits for a core), more than everything else the engine does per point
 * (docs/benchmarks.md). A runner serves one caller at a time.
 */
public final class PointRunner {
    /** The least time a unit gets past its limit before it is given up on. */
    private static final double GRACE_SECONDS = 5.0;
    private final Model model;
    private final double defaultLimitSeconds;
    private ExecutorService worker;

    public PointRunner(Model model, double defaultLimitSeconds) {
        this.model = model;
        this.defaultLimitSeconds = defaultLimitSeconds;
    }

    /** The rows of one unit. */
    public List<RawRecord> run(PointGroup group) {
        return run(List.of(group));
    }

    /** The rows of every unit, in the units' order. */
    public List<RawRecord> run(List<PointGroup> groups) {
        List<RawRecord> rows = new ArrayList<>();
        int from = 0;
        while (from < groups.size()) {
            Units units = new Units(groups, from);
            worker().execute(units);
            int stuck = units.await();
            rows.addAll(units.rows);
            if (stuck < 0) {
                break;
            }
            // the thread may still be running the abandoned unit: the next units get a new one
            worker.shutdownNow();
            worker = null;
            long wallNanos = System.nanoTime() - units.unitStart;
            if (Thread.currentThread().isInterrupted()) {
                for (PointGroup g : groups.subList(stuck, groups.size())) {
                    rows.addAll(all(g.points(), Status.TIMEOUT, "stopped before its result: the caller was interrupted",
                            g == groups.get(stuck) ? wallNanos : 0));
                }
                break;
            }
            rows.addAll(all(groups.get(stuck).points(), Status.TIMEOUT,
                    "no result after the time limit of " + limit(groups.get(stuck)) + " s", wallNanos));
            from = stuck + 1;
        }
        return rows;
    }

    /**
     * The units of one call from {@code from} on, run in order on the worker; the caller waits in
     * {@link #await} until they are done or the running unit is past its limit and grace period.
     * The worker adds a unit's rows only while the caller has not given up on it.
     */
    private final class Units implements Runnable {
        private final List<PointGroup> groups;
        private final List<RawRecord> rows = new ArrayList<>();
        private int current;
        private long unitStart = System.nanoTime();
        private boolean abandoned;
        private boolean done;

        Units(List<PointGroup> groups, int from) {
            this.groups = groups;
            this.current = from;
        }

        @Override
        public void run() {
            for (int i = current; i < groups.size(); i++) {
                long start;
                synchronized (this) {
                    if (abandoned) {
                        return;
                    }
                    current = i;
                    start = System.nanoTime();
                    unitStart = start;
                }
                List<RawRecord> unit = unit(groups.get(i), start);
                synchronized (this) {
                    if (abandoned) {
                        return;
                    }
                    rows.addAll(unit);
                }
            }
            synchronized (this) {
                done = true;
                notifyAll();
            }
        }

        /**
         * -1 when every unit is done, else the index of the unit given up on. The worker does not
         * wake the caller as a unit starts: the caller looks again at least every
         * {@link #GRACE_SECONDS}, before a unit started meanwhile can be due.
         */
        synchronized int await() {
            while (!done) {
                long now = System.nanoTime();
                long left = unitStart + (long) (grace(limit(groups.get(current))) * 1e9) - now;
                if (left <= 0) {
                    abandoned = true;
                    return current;
                }
                try {
                    TimeUnit.NANOSECONDS.timedWait(this, Math.min(left, (long) (GRACE_SECONDS * 1e9)));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    abandoned = true;
                    return current;
                }
            }
            return -1;
        }
    }

    /** A unit's time limit in seconds: its points' budget, or the default, for each of its points. */
    private double limit(PointGroup group) {
        List<Point> points = group.points();
        return points.get(0).task().budget().timeLimit(defaultLimitSeconds) * points.size();
    }

    /** How long after its start a unit is given up on. */
    private static double grace(double limit) {
        return limit * 1.1 + GRACE_SECONDS;
    }

    /** One unit on the worker's thread, started at {@code start}: its rows, whatever happens in the model. */
    private List<RawRecord> unit(PointGroup group, long start) {
        List<Point> points = group.points();
        // a stuck unit is named in a thread dump
        Thread.currentThread().setName("phasesweep-point-" + group.key());
        List<Measurement> measurements;
        try {
            RandomStreams streams = new RandomStreams(
                    Seeds.generator(group.disorderSeed()), Seeds.generator(group.dynamicsSeed()));
            measurements = run(points, streams, Deadline.after(limit(group)));
        } catch (Deadline.PointTimeoutException e) {
            return all(points, Status.TIMEOUT, "time limit of " + limit(group) + " s reached", System.nanoTime() - start);
        } catch (Throwable t) {
            // whatever the model throws, errors too, is the point's failure, not the task's
            return all(points, Status.FAILED, describe(t), System.nanoTime() - start);
        }
        long wallNanos = System.nanoTime() - start;
        if (measurements == null || measurements.size() != points.size()) {
            return all(points, Status.FAILED, "model returned " + (measurements == null ? "no" : measurements.size())
                    + " measurements for " + points.size() + " points", wallNanos);
        }
        List<RawRecord> rows = new ArrayList<>(points.size());
        long perPoint = millis(wallNanos / points.size());
        for (int i = 0; i < points.size(); i++) {
            Measurement m = measurements.get(i);
            String problem = check(m);
            rows.add(problem == null
                    ? new RawRecord(points.get(i), Status.OK, null, perPoint, m)
                    : new RawRecord(points.get(i), Status.FAILED, problem, perPoint, null));
        }
        return rows;
    }

    private List<Measurement> run(List<Point> points, RandomStreams streams, Deadline deadline) throws Exception {
        if (model instanceof AxisModel axisModel) {
            return axisModel.runAxis(points.stream().map(Point::task).toList(), streams, deadline);
        }
        Task task = points.get(0).task();
        int batch = model instanceof ReplicaBatchModel batchModel ? batchModel.replicaBatch(task) : 1;
        if (batch > 1) {
            int[] lanes = points.stream().mapToInt(p -> p.replica() % batch).toArray();
            return ((ReplicaBatchModel) model).runBatch(task, lanes, streams, deadline);
        }
        return List.of(model.run(task, streams, deadline));
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

    /**
     * The one thread that runs this runner's units, kept for the next call: starting a thread
     * costs 0.2-0.9 ms (load 10), a hand-over to a waiting thread 20 us to 0.5 ms (load 4). It
     * ends after a second without work, so a runner needs no closing.
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

    private static List<RawRecord> all(List<Point> points, Status status, String error, long wallNanos) {
        long perPoint = millis(wallNanos / points.size());
        return points.stream().map(p -> new RawRecord(p, status, error, perPoint, null)).toList();
    }

    /**
     * Nanoseconds as the nearest whole millisecond, the unit of {@code raw.wall_ms}: truncated, a
     * 10 ms point's time lost 0.5 ms on average, and the points' time added up fell short of the
     * cores' time by as much.
     */
    static long millis(long nanos) {
        return (nanos + 500_000) / 1_000_000;
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
