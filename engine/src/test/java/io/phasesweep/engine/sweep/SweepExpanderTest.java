package io.phasesweep.engine.sweep;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SweepExpanderTest {

    private static final String SMALL = """
            name: small
            model: fixture
            seed: 7
            axes:
              T: [2.2, 2.3]
              kappa: {from: 0, to: 0.5, steps: 2}
            sizes: [16, 8]
            replicas: 2
            """;

    private static List<Point> points(String yaml) throws SweepError {
        return SweepExpander.points(SweepParserTest.parse(yaml));
    }

    @Test
    void anyPointIsMadeWithoutTheOthers() throws SweepError {
        SweepSpec spec = SweepParserTest.parse(SMALL.replace("T: [2.2, 2.3]", "T: {center: 2.3, halfwidth: 1, size_exponent: -1, steps: 3}"));
        List<Point> all = SweepExpander.points(spec);
        assertEquals(all.size(), SweepExpander.count(spec));
        for (int i = 0; i < all.size(); i++) {
            assertEquals(all.get(i), SweepExpander.point(spec, i));
        }
        assertThrows(IndexOutOfBoundsException.class, () -> SweepExpander.point(spec, all.size()));
    }

    @Test
    void orderIsSizesThenAxesFirstOutermostThenReplicas() throws SweepError {
        List<String> keys = points(SMALL).stream().map(Point::key).toList();
        assertEquals(List.of(
                "size=16|T=2.2|kappa=0|r=0", "size=16|T=2.2|kappa=0|r=1",
                "size=16|T=2.2|kappa=0.5|r=0", "size=16|T=2.2|kappa=0.5|r=1",
                "size=16|T=2.3|kappa=0|r=0", "size=16|T=2.3|kappa=0|r=1",
                "size=16|T=2.3|kappa=0.5|r=0", "size=16|T=2.3|kappa=0.5|r=1",
                "size=8|T=2.2|kappa=0|r=0", "size=8|T=2.2|kappa=0|r=1",
                "size=8|T=2.2|kappa=0.5|r=0", "size=8|T=2.2|kappa=0.5|r=1",
                "size=8|T=2.3|kappa=0|r=0", "size=8|T=2.3|kappa=0|r=1",
                "size=8|T=2.3|kappa=0.5|r=0", "size=8|T=2.3|kappa=0.5|r=1"), keys);
    }

    @Test
    void pointsCarryEveryParameterAndTheBudget() throws SweepError {
        Point p = points(SMALL).get(3);
        assertEquals(Map.of("dim", 2.0, "algorithm", "metropolis", "kappa", 0.5, "T", 2.2), p.params().values());
        assertEquals(Map.of("thermalize", 100.0, "measure", 1000.0), p.task().budget().values());
        assertEquals(16, p.size());
        assertEquals(1, p.replica());
    }

    @Test
    void growingASweepKeepsEveryExistingPointAndItsSeeds() throws SweepError {
        Map<String, Point> before = byKey(points(SMALL));
        List<String> grown = List.of(
                SMALL.replace("replicas: 2", "replicas: 5"),
                SMALL.replace("sizes: [16, 8]", "sizes: [16, 8, 32, 4]"),
                SMALL.replace("[2.2, 2.3]", "[2.15, 2.2, 2.25, 2.3]"),
                SMALL.replace("sizes: [16, 8]", "sizes: [8, 16]"));
        for (String yaml : grown) {
            Map<String, Point> after = byKey(points(yaml));
            for (Point p : before.values()) {
                Point q = after.get(p.key());
                assertEquals(p, q, yaml);
            }
        }
    }

    @Test
    void disorderSeedFollowsTheSampleAcrossTheControlAxisAndDynamicsSeedsDiffer() throws SweepError {
        List<Point> all = points(SMALL);
        Map<String, List<Point>> bySample = all.stream()
                .collect(Collectors.groupingBy(p -> p.size() + "|" + p.replica()));
        assertEquals(4, bySample.size());
        for (List<Point> sample : bySample.values()) {
            assertEquals(1, sample.stream().map(Point::disorderSeed).distinct().count());
        }
        assertEquals(4, all.stream().map(Point::disorderSeed).distinct().count());
        assertEquals(all.size(), all.stream().map(Point::dynamicsSeed).distinct().count());
    }

    @Test
    void theMasterSeedChangesEverySeed() throws SweepError {
        List<Point> a = points(SMALL);
        List<Point> b = points(SMALL.replace("seed: 7", "seed: 8"));
        for (int i = 0; i < a.size(); i++) {
            assertEquals(a.get(i).key(), b.get(i).key());
            assertNotEquals(a.get(i).disorderSeed(), b.get(i).disorderSeed());
            assertNotEquals(a.get(i).dynamicsSeed(), b.get(i).dynamicsSeed());
        }
    }

    @Test
    void windowKeysShowTheValueAtEachSize() throws SweepError {
        List<String> keys = points(SweepParserTest.withAxis("{center: 2.269, halfwidth: 0.8, size_exponent: -1, steps: 3}"))
                .stream().map(Point::key).toList();
        assertTrue(keys.contains("size=8|T=2.169|r=0"), keys.toString());
        assertTrue(keys.contains("size=64|T=2.2815|r=1"), keys.toString());
        assertEquals(12, keys.size());
    }

    private static Map<String, Point> byKey(List<Point> points) {
        return points.stream().collect(Collectors.toMap(Point::key, Function.identity()));
    }
}
