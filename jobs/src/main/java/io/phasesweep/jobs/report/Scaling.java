package io.phasesweep.jobs.report;

import io.phasesweep.engine.fss.BoundaryRow;
import io.phasesweep.engine.fss.ExponentRow;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The scaling form y·L^(−a) = f((x − x_c)·L^(1/ν)) of one observable, with the table rows its three
 * numbers come from. The report draws the collapse with the analysis' own estimates, never with
 * numbers fitted here.
 *
 * @param xc        the critical value (a row of {@code boundaries})
 * @param inverseNu 1/ν (from a {@code nu} or {@code 1/nu} row of {@code exponents})
 * @param power     a: 0 for a dimensionless observable, γ/ν for a susceptibility, −β/ν for a magnetisation
 */
record Scaling(BoundaryRow xc, ExponentRow nu, ExponentRow powerRow, double inverseNu, double power) {

    /**
     * The critical value for an observable's plots: located with that observable (its crossing, then its
     * collapse), else any crossing, else any collapse, else the first boundary row at that across value.
     */
    static Optional<BoundaryRow> critical(ReportData data, String observable, Double acrossValue) {
        return boundaries(data, acrossValue).min(Comparator.comparingInt(b -> rank(b.method(), observable)));
    }

    /**
     * The scaling of an observable, or empty when the tables do not give it: no critical value, no ν,
     * or no power for an observable that is not the crossing or collapse observable of a boundary
     * (then it is not known to be dimensionless).
     */
    static Optional<Scaling> of(ReportData data, String observable, Double acrossValue) {
        // the collapse's own x_c belongs with its own 1/ν and power
        Optional<BoundaryRow> xc = boundaries(data, acrossValue)
                .filter(b -> b.method().equals("collapse:" + observable)).findFirst()
                .or(() -> critical(data, observable, acrossValue));
        List<ExponentRow> rows = data.exponents().stream()
                .filter(e -> Objects.equals(e.acrossValue(), acrossValue) && Double.isFinite(e.value())
                        && !e.method().endsWith("/drop-smallest"))
                .toList();
        Optional<ExponentRow> nu = rows.stream().filter(Scaling::isNu)
                .min(Comparator.comparingInt(e -> e.method().equals("collapse:" + observable) ? 0
                        : e.method().startsWith("collapse:") ? 1 : 2));
        if (xc.isEmpty() || nu.isEmpty()) {
            return Optional.empty();
        }
        double inverseNu = nu.get().quantity().equals("nu") ? 1 / nu.get().value() : nu.get().value();
        Optional<ExponentRow> power = rows.stream()
                .filter(e -> !isNu(e) && e.method().endsWith(":" + observable))
                .findFirst();
        if (power.isPresent()) {
            ExponentRow p = power.get();
            // m ∝ L^(−β/ν): the magnetisation is multiplied by L^(β/ν); every other quantity is the power itself
            double a = p.quantity().equals("beta/nu") ? -p.value() : p.value();
            return Optional.of(new Scaling(xc.get(), nu.get(), p, inverseNu, a));
        }
        boolean dimensionless = data.boundaries().stream().anyMatch(b -> b.method().equals("crossing:" + observable)
                || b.method().equals("collapse:" + observable));
        return dimensionless ? Optional.of(new Scaling(xc.get(), nu.get(), null, inverseNu, 0)) : Optional.empty();
    }

    private static boolean isNu(ExponentRow e) {
        return e.quantity().equals("nu") || e.quantity().equals("1/nu");
    }

    private static java.util.stream.Stream<BoundaryRow> boundaries(ReportData data, Double acrossValue) {
        return data.boundaries().stream()
                .filter(b -> Objects.equals(b.acrossValue(), acrossValue) && Double.isFinite(b.criticalValue())
                        && !b.oneSize());
    }

    /** Lower is preferred: located with the observable itself (crossing, collapse, other), then any crossing, any collapse. */
    private static int rank(String method, String observable) {
        int kind = method.startsWith("crossing:") ? 0 : method.startsWith("collapse:") ? 1 : 2;
        return method.endsWith(":" + observable) ? kind : 3 + kind;
    }
}
