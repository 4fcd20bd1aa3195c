package io.phasesweep.jobs.spark;

import io.phasesweep.engine.sweep.PointGroup;
import org.junit.jupiter.api.Test;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BinsTest {
    /** The smallest task a run cuts by measured costs, in seconds. */
    private static final double SMALLEST = Bins.MIN_TASK_SECONDS;

    private static PointGroup group(String key, double cost) {
        return new PointGroup(key, List.of(), 0L, 0L, cost);
    }

    private static List<String> keys(List<PointGroup> bin) {
        return bin.stream().map(PointGroup::key).toList();
    }

    @Test
    void longestFirstIntoTheLeastLoadedBin() {
        // sorted 5,4,3,3,2,2,1 → bins {5,2} {4,2,1} {3,3}: loads 7, 7, 6 (ties go to the lower bin)
        List<PointGroup> groups = List.of(group("a", 2), group("b", 5), group("c", 3), group("d", 1),
                group("e", 4), group("f", 3), group("g", 2));
        List<List<PointGroup>> bins = Bins.longestFirst(groups, 3);
        assertEquals(List.of(List.of("b", "g"), List.of("e", "a", "d"), List.of("c", "f")),
                bins.stream().map(BinsTest::keys).toList());
    }

    @Test
    void neverEmptyBins() {
        List<PointGroup> two = List.of(group("a", 1), group("b", 1));
        assertEquals(2, Bins.longestFirst(two, 5).size());
        List<PointGroup> many = IntStream.range(0, 100).mapToObj(i -> group("g" + i, i % 7 + 1)).toList();
        assertEquals(100, Bins.longestFirst(many, 6).stream().mapToInt(List::size).sum());
    }

    @Test
    void wavesAfterTheFirstLastAtLeastTheMinimumUpToTheMost() {
        assertEquals(1, Bins.timedWaves(20, 30, 9), "20 s of work left: one wave");
        assertEquals(1, Bins.timedWaves(0, 30, 9));
        assertEquals(2, Bins.timedWaves(31, 30, 9));
        assertEquals(4, Bins.timedWaves(120, 30, 9));
        assertEquals(9, Bins.timedWaves(3600, 30, 9), "a long run keeps its waves");
        assertEquals(9, Bins.timedWaves(Double.NaN, 30, 9), "a first wave of no cost tells nothing");
    }

    /** Every group in exactly one task, in the order of falling cost. */
    private static void assertEveryGroupOnce(List<PointGroup> groups, List<List<PointGroup>> tasks) {
        List<PointGroup> sorted = groups.stream().sorted(Comparator.comparingDouble(PointGroup::cost).reversed()).toList();
        assertEquals(sorted, tasks.stream().flatMap(List::stream).toList());
    }

    private static double cost(List<PointGroup> task) {
        return task.stream().mapToDouble(PointGroup::cost).sum();
    }

    @Test
    void factoringShrinksTasksDownToSingleLongPoints() {
        // 18 points of 1 s on 2 cores: tasks of about a quarter of what is left, down to one point
        List<PointGroup> groups = IntStream.range(0, 18).mapToObj(i -> group("p" + i, 1)).toList();
        List<List<PointGroup>> tasks = Bins.factoring(groups, 2, SMALLEST);
        assertEveryGroupOnce(groups, tasks);
        assertEquals(List.of(4.0, 4.0, 2.0, 2.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0),
                tasks.stream().map(BinsTest::cost).toList());
    }

    @Test
    void factoringKeepsShortPointsInTasksOfAtLeastTheSmallest() {
        // 1000 points of 10-30 ms: no task under the smallest but the last, and few tasks
        List<PointGroup> groups = IntStream.range(0, 1000).mapToObj(i -> group("p" + i, 0.01 * (1 + i % 3))).toList();
        List<List<PointGroup>> tasks = Bins.factoring(groups, 2, SMALLEST);
        assertEveryGroupOnce(groups, tasks);
        for (List<PointGroup> task : tasks.subList(0, tasks.size() - 1)) {
            assertTrue(cost(task) >= SMALLEST - 0.03, "a task of " + cost(task) + " s");
        }
        assertTrue(tasks.size() <= 2 * 2 * (Math.log(20.0 / (4 * SMALLEST)) / Math.log(2)) + 2 * 2 + 1, tasks.size() + " tasks");
        assertEquals(tasks, Bins.factoring(groups, 2, SMALLEST), "deterministic");
    }

    /**
     * A measured wave of 36 points of 1 s ends on tasks of the smallest; a wave shorter than 8 of
     * those (2 cores × 4 shares) on a quarter of its share per core.
     */
    @Test
    void theSmallestTaskIsMinTaskSecondsOrLessInAShortWave() {
        List<PointGroup> long36 = IntStream.range(0, 36).mapToObj(i -> group("p" + i, 1)).toList();
        assertEquals(SMALLEST, Bins.smallest(long36, 2, true));
        assertEquals(36.0 / (2 * Bins.SHARES_PER_CORE), Bins.smallest(long36, 2, false), "static units: a share");
        double wave = 0.9 * SMALLEST * 2 * Bins.SHARES_PER_CORE;
        List<PointGroup> short18 = IntStream.range(0, 18).mapToObj(i -> group("p" + i, wave / 18)).toList();
        assertEquals(wave / (2 * Bins.SHARES_PER_CORE), Bins.smallest(short18, 2, true), 1e-12);
        List<List<PointGroup>> tasks = Bins.factoring(short18, 2, Bins.smallest(short18, 2, true));
        assertTrue(tasks.size() >= Bins.PER_CORE * 2, "a short wave: at least 3 tasks per core, not one: " + tasks.size());
        assertTrue(cost(tasks.get(tasks.size() - 1)) <= wave / 8 + 1e-9, "it ends on a task of at most an eighth of the wave");
    }

    @Test
    void wavesHoldAtLeastTheirShareOfGroupsPerCoreUnlessMoreWavesAreNeeded() {
        List<PointGroup> groups = IntStream.range(0, 60).mapToObj(i -> group("p" + i, 1 + i % 4)).toList();
        assertEquals(10, Bins.inWaves(groups, 2, 10, 1).size(), "60 groups on 2 cores: 10 waves of 6");
        assertEquals(5, Bins.inWaves(groups, 4, 10, 1).size(), "on 4 cores: 5 waves of 12, at least 3 groups per core");
        assertEquals(20, Bins.inWaves(groups, 4, 10, 20).size(), "20 waves needed: 20 waves of 3");
        assertEquals(60, Bins.inWaves(groups, 2, 10, 1000).size(), "one group a wave at most");
        List<List<PointGroup>> least = Bins.inWaves(groups, 2, 10, 15);
        assertEquals(groups.stream().map(PointGroup::key).sorted().toList(),
                least.stream().flatMap(List::stream).map(PointGroup::key).sorted().toList(), "every group once");
        assertTrue(least.stream().allMatch(w -> w.size() == 4), "every wave of 4 groups");
    }

    @Test
    void aGroupCostlierThanATaskIsATaskOfItsOwn() {
        List<PointGroup> groups = List.of(group("big", 100), group("a", 1), group("b", 1), group("c", 1));
        // the other core takes the rest while the big group runs
        assertEquals(List.of(List.of("big"), List.of("a", "b", "c")),
                Bins.factoring(groups, 2, SMALLEST).stream().map(BinsTest::keys).toList());
    }

    /**
     * The make-span of tasks handed out in order to whichever of {@code cores} frees first (as
     * Spark's scheduler does), with {@code actual} the true cost of each group.
     */
    private static double makeSpan(List<List<PointGroup>> tasks, int cores, Map<String, Double> actual) {
        PriorityQueue<Double> free = new PriorityQueue<>();
        for (int c = 0; c < cores; c++) {
            free.add(0.0);
        }
        for (List<PointGroup> task : tasks) {
            free.add(free.poll() + task.stream().mapToDouble(g -> actual.get(g.key())).sum());
        }
        return free.stream().mapToDouble(Double::doubleValue).max().orElse(0);
    }

    /**
     * Points whose estimates are all 1 s while their true costs spread over 0.5-1.5 s (as Wolff's
     * do over temperature), 100 draws of 36 points on 2 cores: factoring's tasks end within a point
     * of the work per core and, on average, nearer than 3 tasks per core (which end up to a task of
     * 6 points apart).
     */
    @Test
    void factoringEndsAWaveOfSecondLongPointsWithinAPointOfTheWorkPerCore() {
        List<PointGroup> groups = IntStream.range(0, 36).mapToObj(i -> group("p" + i, 1)).toList();
        SplittableRandom random = new SplittableRandom(17);
        double factoringExcess = 0;
        double threePerCoreExcess = 0;
        for (int draw = 0; draw < 100; draw++) {
            Map<String, Double> actual = new HashMap<>();
            groups.forEach(g -> actual.put(g.key(), random.nextDouble(0.5, 1.5)));
            double perCore = actual.values().stream().mapToDouble(Double::doubleValue).sum() / 2;
            double excess = makeSpan(Bins.factoring(groups, 2, SMALLEST), 2, actual) - perCore;
            assertTrue(excess <= 1.5, "factoring ends " + excess + " s after the work per core");
            factoringExcess += excess / 100;
            threePerCoreExcess += (makeSpan(Bins.longestFirst(groups, 3 * 2), 2, actual) - perCore) / 100;
        }
        assertTrue(factoringExcess < threePerCoreExcess / 2,
                "mean excess: factoring " + factoringExcess + " s, 3 tasks per core " + threePerCoreExcess + " s");
    }
}
