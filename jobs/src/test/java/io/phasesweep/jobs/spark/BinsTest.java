package io.phasesweep.jobs.spark;

import io.phasesweep.engine.sweep.PointGroup;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;

class BinsTest {

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
    void neverMoreBinsThanGroupsNorEmptyBins() {
        assertEquals(1, Bins.count(1, 8));
        assertEquals(5, Bins.count(5, 8));
        assertEquals(Bins.PER_CORE * 2, Bins.count(1000, 2));
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
}
