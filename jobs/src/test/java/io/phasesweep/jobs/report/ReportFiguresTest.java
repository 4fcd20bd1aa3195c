package io.phasesweep.jobs.report;

import io.phasesweep.engine.fss.BoundaryRow;
import io.phasesweep.engine.fss.ExponentRow;
import io.phasesweep.jobs.TestFindings;
import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReportFiguresTest {
    private final ReportData data = SyntheticReport.data("T", null, List.of());

    /** The tables' x_c, ν and γ/ν are the exact ones, so every rescaled point lies on the scaling function (to rounding). */
    @Test
    void collapseWithTheTablesNumbersPutsEverySizeOnTheScalingFunction() {
        Scaling binder = Scaling.of(data, "binder", null).orElseThrow();
        assertEquals(0, binder.power());
        assertEquals(1, binder.inverseNu());
        for (Series s : Curves.rescaled(Curves.of(data, "binder", null), binder)) {
            for (int i = 0; i < s.x().length; i++) {
                assertEquals(SyntheticReport.binder(s.x()[i]), s.y()[i], 1e-12);
            }
        }
        Scaling chi = Scaling.of(data, "chi", null).orElseThrow();
        assertEquals(SyntheticReport.GAMMA_NU, chi.power());
        for (Series s : Curves.rescaled(Curves.of(data, "chi", null), chi)) {
            for (int i = 0; i < s.x().length; i++) {
                assertEquals(SyntheticReport.chi(s.x()[i]), s.y()[i], 1e-12);
                assertEquals(0.02 * s.y()[i], s.err()[i], 1e-12);
            }
        }
    }

    @Test
    void magnetisationIsMultipliedByLToTheBetaOverNuAndAnUnknownScalingIsNotDrawn() {
        List<ExponentRow> exponents = new ArrayList<>(data.exponents());
        exponents.add(TestFindings.exponent(null, null, "beta/nu", 0.125, 0.01, "at-critical:absm", List.of(8, 16)));
        ReportData withM = new ReportData(data.sweep(), data.model(), data.control(), null,
                List.of("binder", "chi", "absm", "energy"), data.points(), data.boundaries(), exponents, data.notes(), data.runs(),
                data.sweepFile());
        assertEquals(-0.125, Scaling.of(withM, "absm", null).orElseThrow().power());
        assertTrue(Scaling.of(withM, "energy", null).isEmpty(), "energy: neither a power nor dimensionless");
    }

    @Test
    void theObservablesOwnCollapseEstimateIsPreferredThenACrossing() {
        List<BoundaryRow> rows = List.of(
                TestFindings.boundary("T", null, null, 2.30, 0.01, "location:chi", List.of(8)),
                TestFindings.boundary("T", null, null, 2.27, 0.01, "crossing:binder", List.of(8)),
                TestFindings.boundary("T", null, null, 2.28, 0.01, "collapse:chi", List.of(8)));
        ReportData d = new ReportData("s", "m", "T", null, List.of("binder", "chi"), data.points(), rows, List.of(),
                List.of(), List.of(), "");
        assertEquals("collapse:chi", ReportPage.label(Scaling.critical(d, "chi", null).orElseThrow().finding()));
        assertEquals("crossing:binder", ReportPage.label(Scaling.critical(d, "binder", null).orElseThrow().finding()));
    }

    @Test
    void theZoomKeepsOnlyPointsNearTheCriticalValue() {
        List<Series> near = Curves.within(Curves.of(data, "binder", null), 2.2, 2.3);
        assertEquals(3, near.size());
        for (Series s : near) {
            assertEquals(2, s.x().length, "T = 2.249, 2.299 of the grid 1.999 + 0.05·i");
            for (double x : s.x()) {
                assertTrue(x >= 2.2 && x <= 2.3, "x = " + x);
            }
        }
    }

    @Test
    void chartsPerObservableAreDrawnAndNotBlank() throws IOException {
        ReportFigures figures = new ReportFigures(data);
        assertEquals(List.of("curves-binder", "zoom-binder", "collapse-binder"),
                figures.observable("binder", null, "").stream().map(Figure::id).toList());
        List<Figure> chi = figures.observable("chi", null, "");
        assertEquals(List.of("curves-chi", "collapse-chi"), chi.stream().map(Figure::id).toList(),
                "no boundary is located with chi: no zoom");
        assertTrue(chi.get(1).caption().contains("γ/ν") || chi.get(1).caption().contains("gamma/nu = 1.750 ± 0.020"),
                chi.get(1).caption());
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(chi.get(0).png()));
        assertEquals(Charts.WIDTH, image.getWidth());
        assertEquals(Charts.HEIGHT, image.getHeight());
        assertTrue(PixelStats.of(image).variance() > 100, "a chart, not a blank image");
    }

    @Test
    void theBoundaryIsDrawnOnlyWithAnAcrossAxis() {
        assertTrue(new ReportFigures(data).boundary().isEmpty());
        ReportData across = SyntheticReport.data("T", "h", List.of(0.0, 0.1, 0.2));
        assertEquals("boundary", new ReportFigures(across).boundary().orElseThrow().id());
        assertEquals(List.of("curves-binder-2", "zoom-binder-2", "collapse-binder-2"),
                new ReportFigures(across).observable("binder", 0.2, "-2").stream().map(Figure::id).toList());
    }

    @Test
    void oneSizeLocationsAreCurvesOfTheBoundaryButNeverTheCriticalValue() {
        // B*(eta) per size over four decades of eta, as a teacher-student phase diagram: log axes, one
        // series per size (B from 1 to 400: log too); then an error bar reaching zero keeps B linear.
        List<BoundaryRow> rows = new ArrayList<>();
        for (double eta : new double[]{0.01, 0.1, 1, 10, 100}) {
            for (int size : new int[]{256, 1024}) {
                double b = Math.min(size / 2.56, 100 * eta); // 1 … 400
                rows.add(TestFindings.boundary("B", "eta", eta, b, 0.1 * b, "location(level=2.0):wnorm_ratio/size=" + size, List.of(size)));
            }
        }
        ReportData d = new ReportData("s", "m", "B", "eta", List.of("binder", "chi"), data.points(), rows, List.of(),
                List.of(), List.of(), "");
        Figure f = new ReportFigures(d).boundary().orElseThrow();
        assertTrue(PixelStats.of(image(f)).variance() > 100, "a chart, not a blank image");
        assertTrue(Scaling.critical(d, "binder", 1.0).isEmpty(), "a size's own location is no critical value");

        rows.add(TestFindings.boundary("B", "eta", 1.0, 3.0, 3.0, "crossing:binder", List.of(256, 1024)));
        ReportData withCrossing = new ReportData("s", "m", "B", "eta", List.of("binder", "chi"), data.points(), rows,
                List.of(), List.of(), List.of(), "");
        assertEquals("crossing:binder", ReportPage.label(Scaling.critical(withCrossing, "binder", 1.0).orElseThrow().finding()));
        assertTrue(PixelStats.of(image(new ReportFigures(withCrossing).boundary().orElseThrow())).variance() > 100);
    }

    private static BufferedImage image(Figure f) {
        try {
            return ImageIO.read(new ByteArrayInputStream(f.png()));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
