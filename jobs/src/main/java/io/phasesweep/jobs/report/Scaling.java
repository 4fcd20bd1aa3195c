package io.phasesweep.jobs.report;

import io.phasesweep.engine.fss.BoundaryRow;
import io.phasesweep.engine.fss.ExponentRow;
import io.phasesweep.engine.fss.Finding;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The scaling form y·L^(−a) = f((x − x_c)·L^(1/ν)) of one observable, with the table rows its three
 * numbers come from. The report draws the collapse with the analysis' own estimates, never with
 * numbers fitted here: the best rows where the analysis has them, else the method's main estimates.
 *
 * @param xc        the critical value (a row of {@code boundaries})
 * @param inverseNu 1/ν (from a {@code nu} or {@code 1/nu} row of {@code exponents})
 * @param power     a: 0 for a dimensionless observable, γ/ν for a susceptibility, −β/ν for a magnetisation
 */
record Scaling(BoundaryRow xc, ExponentRow nu, ExponentRow powerRow, double inverseNu, double power) {

    /**
     * The critical value for an observable's plots: best, else located with that observable (its
     * crossing, then its collapse), else any crossing, else any collapse, else the first main row.
     */
    static Optional<BoundaryRow> critical(ReportData data, String observable, Double acrossValue) {
        return boundaries(data, acrossValue).min(Comparator.comparingInt(b -> rank(b.finding(), observable)));
    }

    /**
     * The scaling of an observable, or empty when the tables do not give it: no critical value, no ν,
     * or no power for an observable that is not the crossing or collapse observable of a boundary
     * (then it is not known to be dimensionless).
     */
    static Optional<Scaling> of(ReportData data, String observable, Double acrossValue) {
        Optional<BoundaryRow> xc = critical(data, observable, acrossValue);
        List<ExponentRow> rows = data.exponents().stream()
                .filter(e -> Objects.equals(e.acrossValue(), acrossValue) && Double.isFinite(e.value())
                        && (e.finding().isBest() || e.finding().isMain()))
                .toList();
        Optional<ExponentRow> nu = rows.stream().filter(Scaling::isNu)
                .min(Comparator.comparingInt(e -> e.finding().isBest() ? 0 : observable.equals(e.finding().observable()) ? 1 : 2));
        if (xc.isEmpty() || nu.isEmpty()) {
            return Optional.empty();
        }
        double inverseNu = nu.get().quantity().equals("nu") ? 1 / nu.get().value() : nu.get().value();
        Optional<String> quantity = rows.stream()
                .filter(e -> !isNu(e) && observable.equals(e.finding().observable())).map(ExponentRow::quantity).findFirst();
        if (quantity.isPresent()) {
            ExponentRow p = rows.stream().filter(e -> e.quantity().equals(quantity.get()))
                    .min(Comparator.comparingInt(e -> e.finding().isBest() ? 0 : observable.equals(e.finding().observable()) ? 1 : 2))
                    .orElseThrow();
            // m ∝ L^(−β/ν): the magnetisation is multiplied by L^(β/ν); every other quantity is the power itself
            double a = p.quantity().equals("beta/nu") ? -p.value() : p.value();
            return Optional.of(new Scaling(xc.get(), nu.get(), p, inverseNu, a));
        }
        boolean dimensionless = data.boundaries().stream().map(BoundaryRow::finding)
                .anyMatch(f -> observable.equals(f.observable()) && (f.method().equals("crossing") || f.method().equals("collapse")));
        return dimensionless ? Optional.of(new Scaling(xc.get(), nu.get(), null, inverseNu, 0)) : Optional.empty();
    }

    private static boolean isNu(ExponentRow e) {
        return e.quantity().equals("nu") || e.quantity().equals("1/nu");
    }

    private static Stream<BoundaryRow> boundaries(ReportData data, Double acrossValue) {
        return data.boundaries().stream()
                .filter(b -> Objects.equals(b.acrossValue(), acrossValue) && Double.isFinite(b.criticalValue())
                        && (b.finding().isBest() || b.finding().isMain()));
    }

    /** Lower is preferred: best, then located with the observable itself (crossing, collapse, other), then any crossing, any collapse. */
    private static int rank(Finding f, String observable) {
        if (f.isBest()) {
            return 0;
        }
        int kind = f.method().equals("crossing") ? 1 : f.method().equals("collapse") ? 2 : 3;
        return observable.equals(f.observable()) ? kind : 3 + kind;
    }
}
