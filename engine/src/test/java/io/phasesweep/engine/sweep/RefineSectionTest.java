package io.phasesweep.engine.sweep;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The {@code refine} section: read, printed back, and the points its rounds added expanded with the sweep's. */
class RefineSectionTest {
    static final String REFINED = SweepParserTest.GOOD + """
            refine:
              target: {critical_value: 0.0003, nu: 0.02}
              budget_core_seconds: 3600
              sizes_allowed: [64]
              added:
                - {round: 1, size: 16, first_replica: 4, replicas: 3, values: {T: [2.26, 2.27], kappa: [0.5]}}
                - {round: 2, size: 64, first_replica: 0, replicas: 2, values: {T: [2.265], kappa: [-0.5, 0.5]}}
            """;

    @Test
    void readsTargetsBudgetRoundsAndAddedPoints() throws SweepError {
        RefineSpec r = SweepParserTest.parse(REFINED).refine();
        assertEquals(Map.of("critical_value", 0.0003, "nu", 0.02), r.target());
        assertEquals(3600, r.budgetCoreSeconds());
        assertEquals(RefineSpec.DEFAULT_MAX_ROUNDS, r.maxRounds());
        assertEquals(List.of(64), r.sizesAllowed());
        assertEquals(new PointBlock(1, 16, 4, 3, Map.of("T", List.of(2.26, 2.27), "kappa", List.of(0.5))), r.added().get(0));
        assertEquals(2, r.lastRound());
        assertNull(SweepParserTest.parse(SweepParserTest.GOOD).refine());
    }

    @Test
    void printsBackToTheSameSpec() throws SweepError {
        SweepSpec spec = SweepParserTest.parse(REFINED);
        assertEquals(spec, SweepParserTest.parse(SweepPrinter.toYaml(spec)), SweepPrinter.toYaml(spec));
    }

    /** Added points follow the sweep's, with keys and seeds made as for any point: from the key alone. */
    @Test
    void addedPointsExpandAfterTheSweepsWithTheirOwnKeys() throws SweepError {
        SweepSpec refined = SweepParserTest.parse(REFINED);
        SweepSpec plain = refined.withRefine(null);
        List<Point> all = SweepExpander.points(refined);
        List<Point> own = SweepExpander.points(plain);
        assertEquals(own, all.subList(0, own.size()));
        List<Point> added = all.subList(own.size(), all.size());
        assertEquals(3 * 2 + 2 * 2, added.size());
        assertEquals(all.size(), SweepExpander.count(refined));
        assertEquals("size=16|T=2.26|kappa=0.5|r=4", added.get(0).key());
        assertEquals("size=64|T=2.265|kappa=0.5|r=1", added.get(added.size() - 1).key());
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < all.size(); i++) {
            assertEquals(all.get(i), SweepExpander.point(refined, i));
            assertTrue(keys.add(all.get(i).key()), all.get(i).key());
        }
        Point p = added.get(0);
        assertEquals(Seeds.dynamics(refined.seed(), p.key()), p.dynamicsSeed());
        assertEquals(Seeds.disorder(refined.seed(), 16, 4), p.disorderSeed());
    }

    @Test
    void addedPointsMustBeNew() {
        String again = REFINED.replace("first_replica: 4, replicas: 3", "first_replica: 3, replicas: 3")
                .replace("T: [2.26, 2.27]", "T: [2.26, 2.25]");
        assertEquals("test.yaml: refine.added[0]: expected new points, got points of the sweep again (line 28)",
                SweepParserTest.error(again).getMessage());
    }
}
