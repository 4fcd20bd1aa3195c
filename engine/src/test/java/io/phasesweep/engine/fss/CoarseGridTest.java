package io.phasesweep.engine.fss;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A grid too coarse for the sizes: 5 temperatures over [2.0, 2.6] for L = 8 … 64, so the largest
 * sizes' curves are steps between grid points (the first round of a refined sweep starts so). Before
 * the checks below, the collapse sat 2-4 of its error bars off x_c = 2.27 and entered best, in one
 * trial at x_c = −167. Now a collapse where some size has fewer than three points in the range of
 * scaled x all sizes cover is flagged under_resolved (5 of these 6 trials; the sixth is a poor
 * collapse), an x_c outside every size's grid is not_found, and what best publishes covers the truth.
 */
class CoarseGridTest {
    private static final String SWEEP = """
            name: coarse
            model: synthetic
            seed: %d
            params: {x_c: 2.27, nu: 1.0, gamma_nu: 1.75, beta_nu: 0.125, omega: 1.0, noise: 0.05,
                     u_correction: 0, chi_correction: 0, absm_correction: 0}
            axes:
              T: {from: 2.0, to: 2.6, steps: 5}
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
        boolean outsideFound = false;
        int underResolved = 0;
        for (int seed = 1; seed <= 6; seed++) {
            AnalysisResult r = SyntheticSweep.parse(SWEEP.formatted(seed)).analyze(100);
            List<Finding> collapses = r.boundaries().stream().map(BoundaryRow::finding)
                    .filter(f -> f.method().equals(CollapseMethod.NAME) && f.variant().equals(Finding.MAIN)).toList();
            assertEquals(1, collapses.size(), "seed " + seed);
            Finding collapse = collapses.get(0);
            assertTrue(collapse.flags().stream().anyMatch(COARSE_GRID_FLAGS::contains),
                    "seed " + seed + ": collapse x_c " + collapse.value() + " flags " + collapse.flags());
            underResolved += collapse.flags().contains(Flag.UNDER_RESOLVED) ? 1 : 0;
            outsideFound |= r.boundaries().stream().map(BoundaryRow::finding)
                    .anyMatch(f -> f.quality().contains("outside the sampled control range") && f.flags().contains(Flag.NOT_FOUND));
            Optional<Finding> best = r.best(Quantity.CRITICAL_VALUE.name(), null);
            best.ifPresent(b -> assertTrue(Math.abs(b.value() - 2.27) <= 3 * b.stderr(),
                    "best x_c " + b.value() + " +- " + b.stderr()));
        }
        assertTrue(underResolved >= 4, underResolved + " of 6 trials' collapses flagged under_resolved: the check is exercised");
        assertTrue(outsideFound, "some trial's collapse variant ran outside the grid (seed 2's did): the check is exercised");
    }
}
