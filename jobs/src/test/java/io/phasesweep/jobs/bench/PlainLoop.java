package io.phasesweep.jobs.bench;

import io.phasesweep.engine.model.Deadline;
import io.phasesweep.engine.model.Model;
import io.phasesweep.engine.model.ModelRegistry;
import io.phasesweep.engine.model.RandomStreams;
import io.phasesweep.engine.sweep.Point;
import io.phasesweep.engine.sweep.PointGroup;
import io.phasesweep.engine.sweep.Seeds;
import io.phasesweep.engine.sweep.SweepExpander;
import io.phasesweep.jobs.SweepFile;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;

/**
 * The baseline of bench/sweep-throughput.sh: the points of a sweep through {@link Model#run} on
 * THREADS threads, each thread taking the next point, seeded as {@code run} seeds them; no Spark,
 * no time limit, no rows kept. Prints the loop's wall seconds (the JVM's start excluded) and the
 * sum of the points' own wall times. Models of one point per unit of work only (not an axis model
 * or a replica batch).
 *
 * <p>Usage: {@code PlainLoop SWEEP_FILE THREADS}
 */
public final class PlainLoop {
    private PlainLoop() {
    }

    public static void main(String[] args) throws Exception {
        SweepFile sweep = SweepFile.load(Path.of(args[0]), ModelRegistry.load());
        int threads = Integer.parseInt(args[1]);
        Model model = sweep.model();
        List<PointGroup> groups = SweepExpander.groups(sweep.spec(), model);
        AtomicInteger next = new AtomicInteger();
        AtomicLong pointNanos = new AtomicLong();
        long start = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Object>> workers = IntStream.range(0, threads).mapToObj(t -> pool.submit(() -> {
                for (int i = next.getAndIncrement(); i < groups.size(); i = next.getAndIncrement()) {
                    PointGroup g = groups.get(i);
                    if (g.points().size() != 1) {
                        throw new IllegalArgumentException("PlainLoop runs one point per unit of work; " + g.key()
                                + " has " + g.points().size());
                    }
                    Point p = g.points().get(0);
                    long pointStart = System.nanoTime();
                    model.run(p.task(), new RandomStreams(Seeds.generator(g.disorderSeed()),
                            Seeds.generator(g.dynamicsSeed())), Deadline.none());
                    pointNanos.addAndGet(System.nanoTime() - pointStart);
                }
                return null;
            })).toList();
            for (Future<Object> w : workers) {
                w.get();
            }
        } finally {
            pool.shutdown();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(Locale.ROOT, "plain loop: %d points on %d threads in %.3f s, points' own time %.3f s (%.3f ms per point)%n",
                groups.size(), threads, seconds, pointNanos.get() / 1e9, pointNanos.get() / 1e6 / groups.size());
    }
}
