package io.phasesweep.engine.fss;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A grid too coarse for the sizes: 5 temperatures over [2.0, 2.6] for L = 8 … 64, so the largest
 * sizes' curves are steps between grid points (the first round of a refined sweep starts so). Before
 * the checks below, the collapse sat 2-4 of its error bars off x_c = 2.27 and entered best, in one
 * trial at x_c = −167. Now a collapse where some size has fewer than three points in the critical
 * region (where the smallest size's curve changes) is flagged under_resolved, an x_c outside every
 * size's grid is not_found, and what best publishes covers the truth.
 */
class CoarseGridTest {
    private static final String SWEEP = """
            name: coarse
            model: synthetic
            seed: %d
            params: {x_c: 2.27, nu: 1.0, gamma_nu: 1.75, beta_nu: 0.125, omega: 1.0, noise: 0.05,
                     u_correction: 0, chi_correction: 0, absm_correction: 0}
            axes:
              T: %s
            sizes: [8, 16, 32, 64]
            replicas: 3
            analysis:
              control: T
              crossing: u
              exponents:
                - {quantity: nu, method: collapse, observable: u}
            """;

    /** Each says the collapse is not to be trusted, and keeps it out of best. */
    private static final Set<Flag> COARSE_GRID_FLAGS = Set.of(Flag.UNDER_RESOLVED, Flag.POOR_COLLAPSE, Flag.NOT_FOUND);

    @Test
    void aCoarseGridsCollapseIsFlaggedAndBestCoversTheTruth() {
        List<AnalysisResult> trials = trials("{from: 2.0, to: 2.6, steps: 5}");
        assertFlaggedAndCovered(trials);
        assertTrue(trials.stream().flatMap(r -> r.boundaries().stream()).map(BoundaryRow::finding)
                        .anyMatch(f -> f.quality().contains("outside the sampled control range") && f.flags().contains(Flag.NOT_FOUND)),
                "some trial's collapse variant ran outside the grid (seed 2's did): the check is exercised");
    }

    /**
     * The same spacing over a wider range: the sizes' scaled ranges then overlap over many grid
     * points of every size, but near x_c the largest size is as coarse as before (a check counting
     * points in the overlap passed it, and best took a collapse 3 error bars off).
     */
    @Test
    void aWideButCoarseGridsCollapseIsFlaggedToo() {
        assertFlaggedAndCovered(trials("{from: 1.1, to: 3.5, steps: 17}"));
    }

    private static List<AnalysisResult> trials(String axis) {
        return IntStream.rangeClosed(1, 6).mapToObj(seed -> SyntheticSweep.parse(SWEEP.formatted(seed, axis)).analyze(100)).toList();
    }

    private static void assertFlaggedAndCovered(List<AnalysisResult> trials) {
        int underResolved = 0;
        for (int t = 0; t < trials.size(); t++) {
            AnalysisResult r = trials.get(t);
            List<Finding> collapses = r.boundaries().stream().map(BoundaryRow::finding)
                    .filter(f -> f.method().equals(CollapseMethod.NAME) && f.variant().equals(Finding.MAIN)).toList();
            assertEquals(1, collapses.size(), "seed " + (t + 1));
            Finding collapse = collapses.get(0);
            assertTrue(collapse.flags().stream().anyMatch(COARSE_GRID_FLAGS::contains),
                    "seed " + (t + 1) + ": collapse x_c " + collapse.value() + " flags " + collapse.flags() + " " + collapse.quality());
            underResolved += collapse.flags().contains(Flag.UNDER_RESOLVED) ? 1 : 0;
            Optional<Finding> best = r.best(Quantity.CRITICAL_VALUE.name(), null);
            best.ifPresent(b -> assertTrue(Math.abs(b.value() - 2.27) <= 3 * b.stderr(),
                    "best x_c " + b.value() + " +- " + b.stderr()));
        }
        assertTrue(underResolved >= 4, underResolved + " of 6 trials' collapses flagged under_resolved: the check is exercised");
    }
}
