package io.phasesweep.jobs.report;

import io.phasesweep.engine.fss.BoundaryRow;
import io.phasesweep.jobs.tables.RoundsTable;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The charts of the report, built from its data alone. */
final class ReportFigures {
    /** Half-width of the zoomed crossing region, in standard errors of the critical value... */
    private static final double ZOOM_ERRORS = 4;
    /** ...but at least this fraction of the control range, so each size keeps a few points. */
    private static final double ZOOM_FRACTION = 0.15;

    private final ReportData data;

    ReportFigures(ReportData data) {
        this.data = data;
    }

    /**
     * The charts of one observable at one across value: its curves; the region around the critical
     * value when the observable's curves locate it; its collapse when the tables give its scaling.
     *
     * @param id a suffix that makes the element ids unique per across value
     */
    List<Figure> observable(String observable, Double acrossValue, String id) {
        List<Series> curves = Curves.of(data, observable, acrossValue);
        List<Figure> out = new ArrayList<>();
        if (curves.isEmpty()) {
            return out;
        }
        String at = acrossValue == null ? "" : ", " + data.across() + " = " + Numbers.plain(acrossValue);
        Optional<BoundaryRow> critical = Scaling.critical(data, observable, acrossValue);
        Charts.Marker marker = critical.map(this::marker).orElse(null);
        out.add(new Figure("curves-" + observable + id,
                observable + " against " + data.control() + ", one curve per size" + at
                        + critical.map(b -> "; line: " + describe(b)).orElse(""),
                Charts.curves(observable + at, data.control(), observable, curves, marker)));

        boolean locatesCritical = data.boundaries().stream().anyMatch(b -> observable.equals(b.finding().observable()));
        if (critical.isPresent() && locatesCritical) {
            BoundaryRow b = critical.get();
            double span = curves.stream().mapToDouble(s -> s.x()[s.x().length - 1] - s.x()[0]).max().orElse(0);
            double half = Math.max(ZOOM_ERRORS * b.stderr(), ZOOM_FRACTION * span);
            List<Series> near = Curves.within(curves, b.criticalValue() - half, b.criticalValue() + half);
            out.add(new Figure("zoom-" + observable + id,
                    observable + " near the critical value (" + describe(b) + "), " + data.control() + " within ± "
                            + Numbers.plain(half) + at,
                    Charts.curves(observable + " near " + data.control() + "_c" + at, data.control(), observable,
                            near, marker)));
        }

        Optional<Scaling> scaling = Scaling.of(data, observable, acrossValue);
        scaling.ifPresent(s -> out.add(collapse(observable, curves, s, at, id)));
        return out;
    }

    /** The phase boundary: critical value against the across value; empty without an across axis. */
    Optional<Figure> boundary() {
        if (data.across() == null || data.boundaries().stream().noneMatch(b -> b.acrossValue() != null)) {
            return Optional.empty();
        }
        return Optional.of(new Figure("boundary",
                "Phase boundary: critical " + data.control() + " against " + data.across()
                        + ", one series per method (a location also per size: L=...) and best, error bars one standard"
                        + " error; an axis spanning more than a factor 20 is logarithmic",
                Charts.boundary("Phase boundary", data.across(), data.control() + "_c", data.boundaries())));
    }

    /**
     * A refined sweep's rounds: per target quantity, its best value ± stderr after each round against
     * the core-seconds spent by then (one series per across value); empty without rounds.
     */
    List<Figure> rounds() {
        Map<String, Map<String, List<RoundsTable.Round>>> byQuantity = new LinkedHashMap<>();
        for (RoundsTable.Round r : data.rounds()) {
            String series = r.target().acrossValue() == null ? "best"
                    : data.across() + " = " + Numbers.plain(r.target().acrossValue());
            byQuantity.computeIfAbsent(r.target().quantity(), q -> new LinkedHashMap<>())
                    .computeIfAbsent(series, s -> new ArrayList<>()).add(r);
        }
        List<Figure> out = new ArrayList<>();
        byQuantity.forEach((quantity, series) -> out.add(new Figure("rounds-" + quantity.replaceAll("[^a-z0-9_]", "-"),
                "Refinement: the best " + quantity + " ± its stderr after each round, against the core-seconds spent by"
                        + " then (target stderr " + Numbers.plain(series.values().iterator().next().get(0).target().target())
                        + "); a round without a best row has no point",
                Charts.rounds("Refinement of " + quantity, quantity, series))));
        return out;
    }

    private Figure collapse(String observable, List<Series> curves, Scaling s, String at, String id) {
        String c = data.control();
        String y = s.power() == 0 ? observable : observable + "·L^(" + Numbers.plain(-s.power()) + ")";
        String caption = "Data collapse of " + observable + at + ": x = (" + c + " − " + c + "_c)·L^(1/ν) with "
                + c + "_c = " + describe(s.xc()) + ", 1/ν = " + Numbers.plain(s.inverseNu()) + " (" + s.nu().quantity()
                + " = " + Numbers.withError(s.nu().value(), s.nu().stderr()) + ", " + ReportPage.label(s.nu().finding()) + ")"
                + (s.powerRow() == null ? "; y unscaled (dimensionless)"
                : "; y = " + y + " (" + s.powerRow().quantity() + " = "
                + Numbers.withError(s.powerRow().value(), s.powerRow().stderr()) + ", " + ReportPage.label(s.powerRow().finding()) + ")");
        return new Figure("collapse-" + observable + id, caption,
                Charts.curves("Collapse of " + observable + at, "(" + c + " − " + c + "_c)·L^(1/ν)", y,
                        Curves.rescaled(curves, s), null));
    }

    private Charts.Marker marker(BoundaryRow b) {
        return new Charts.Marker(data.control() + "_c = " + Numbers.withError(b.criticalValue(), b.stderr()),
                b.criticalValue(), Double.isFinite(b.stderr()) ? b.stderr() : 0);
    }

    private String describe(BoundaryRow b) {
        return Numbers.withError(b.criticalValue(), b.stderr()) + " (" + ReportPage.label(b.finding()) + ")";
    }
}
