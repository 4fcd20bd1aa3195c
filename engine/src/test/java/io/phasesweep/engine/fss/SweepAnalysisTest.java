package io.phasesweep.engine.fss;

import io.phasesweep.engine.sweep.AnalysisMethod;
import io.phasesweep.engine.model.BudgetKey;
import io.phasesweep.engine.model.Deadline;
import io.phasesweep.engine.model.DerivedObservable;
import io.phasesweep.engine.model.Measurement;
import io.phasesweep.engine.model.Model;
import io.phasesweep.engine.model.ObservableSpec;
import io.phasesweep.engine.model.ParamSpec;
import io.phasesweep.engine.model.ParamValues;
import io.phasesweep.engine.model.RandomStreams;
import io.phasesweep.engine.model.Task;
import io.phasesweep.engine.stats.PointKey;
import io.phasesweep.engine.stats.Sample;
import io.phasesweep.engine.sweep.AnalysisSpec;
import io.phasesweep.engine.sweep.AnalysisSpec.ExponentRequest;
import io.phasesweep.engine.sweep.Axis;
import io.phasesweep.engine.sweep.Seeds;
import io.phasesweep.engine.sweep.SweepSpec;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SweepAnalysisTest {
    private static final int[] SIZES = {8, 16, 32, 64};

    /** Measures moments m2, m4 and chi, absm; the Binder cumulant is derived from the moments. */
    private static final class MomentsModel implements Model {
        public String id() {
            return "moments";
        }

        public String summary() {
            return "synthetic moments for analysis tests";
        }

        public String sizeMeaning() {
            return "L";
        }

        public List<ParamSpec> params() {
            return List.of();
        }

        public List<ObservableSpec> observables() {
            return List.of(ObservableSpec.value("m2", ""), ObservableSpec.value("m4", ""),
                    ObservableSpec.value("chi", ""), ObservableSpec.value("absm", ""));
        }

        public List<DerivedObservable> derived() {
            return List.of(new DerivedObservable("binder", "1 - m4/(3 m2^2)", List.of("m2", "m4"),
                    (m, p, size) -> 1 - m[1] / (3 * m[0] * m[0])));
        }

        public List<BudgetKey> budget() {
            return List.of();
        }

        public double cost(Task task) {
            return 1;
        }

        public Measurement run(Task task, RandomStreams streams, Deadline deadline) {
            throw new UnsupportedOperationException("analysis test model does not run");
        }
    }

    /**
     * Synthetic samples at kappa = 0 and 1 with x_c = 2.27 + 0.1·kappa: the Binder-like u of
     * {@link SyntheticFss} becomes moments m2 = 1 + 2 % noise, m4 = 3(1 − u)·m2², so the derived
     * binder is u up to O(noise²).
     */
    private static List<Sample> samples(RandomGenerator rng) {
        List<Sample> out = new ArrayList<>();
        for (double kappa : new double[]{0, 1}) {
            SyntheticFss model = new SyntheticFss(2.27 + 0.1 * kappa, 1.0, 1.75, 0.125, 0, 1, 16, 0.05);
            for (Sample s : model.samples(SIZES, 1.5, 11, Map.of("kappa", kappa), rng)) {
                double m2 = 1 + 0.02 * rng.nextGaussian();
                double m4 = 3 * (1 - s.values().get("u")) * m2 * m2;
                out.add(new Sample(s.params(), s.size(), s.replica(),
                        Map.of("m2", m2, "m4", m4, "chi", s.values().get("chi"), "absm", s.values().get("absm"))));
            }
        }
        return out;
    }

    private static SweepSpec spec() {
        List<ExponentRequest> requests = List.of(
                new ExponentRequest("nu", AnalysisMethod.COLLAPSE, "binder", null),
                new ExponentRequest("gamma/nu", AnalysisMethod.PEAK, "chi", null),
                new ExponentRequest("beta/nu", AnalysisMethod.AT_CRITICAL, "absm", null),
                new ExponentRequest("1/nu", AnalysisMethod.SLOPE, "binder", null),
                new ExponentRequest("1/nu", AnalysisMethod.LOCATION, "chi", null),
                new ExponentRequest("nu", AnalysisMethod.LOCATION, "binder", 0.2));
        return new SweepSpec("synthetic", "moments", 7, Map.of("kappa", 0.0),
                List.of(new Axis.Window("T", 2.27, 1.5, -1, 11), new Axis.Values("kappa", List.of(0.0, 1.0))),
                List.of(8, 16, 32, 64), 16, Map.of(), new AnalysisSpec("T", "binder", "kappa", requests));
    }

    @Test
    void analysesEveryAcrossValueWithHonestEstimates() {
        List<Sample> samples = samples(Seeds.generator(41));
        Sample first = samples.get(0);
        PointKey partlyFailed = first.key();
        PointKey allFailed = new PointKey(first.params().with("T", 9.0), 8);
        Map<PointKey, Integer> failures = Map.of(partlyFailed, 2, allFailed, 16);
        AnalysisResult r = SweepAnalysis.analyze(spec(), new MomentsModel(), samples, failures, new AnalysisOptions(60, 5));

        assertEquals(2 * 4 * 11 + 1, r.points().size());
        PointRow partly = r.points().stream().filter(p -> new PointKey(p.params(), p.size()).equals(partlyFailed))
                .findFirst().orElseThrow();
        assertEquals(16, partly.replicas());
        assertEquals(2, partly.failed());
        assertEquals(List.of("m2", "m4", "chi", "absm", "binder"), List.copyOf(partly.observables().keySet()));
        PointRow none = r.points().stream().filter(p -> p.replicas() == 0).findFirst().orElseThrow();
        assertEquals(16, none.failed());
        assertTrue(Double.isNaN(none.observables().get("binder").value()));

        for (double kappa : new double[]{0, 1}) {
            double xc = 2.27 + 0.1 * kappa;
            BoundaryRow crossing = boundary(r, kappa, "crossing:binder");
            // 4 standard errors throughout: a 1-in-16000 miss each for honest Gaussian errors
            assertEquals(xc, crossing.criticalValue(), 4 * crossing.stderr());
            assertEquals(List.of(8, 16, 32, 64), crossing.finding().sizes());
            BoundaryRow collapse = boundary(r, kappa, "collapse:binder");
            assertEquals(xc, collapse.criticalValue(), 4 * collapse.stderr());
            BoundaryRow location = boundary(r, kappa, "location:chi");
            assertEquals(xc, location.criticalValue(), 4 * location.stderr());
            // binder = 0.2 at z = atanh(0.4): x*(L) = x_c + 0.42·L^(−1/ν)
            BoundaryRow level = boundary(r, kappa, "location(level=0.2):binder");
            assertEquals(xc, level.criticalValue(), 4 * level.stderr());
            for (int size : SIZES) {
                BoundaryRow atSize = boundary(r, kappa, "location(level=0.2):binder/size=" + size);
                assertEquals(List.of(size), atSize.finding().sizes());
                assertEquals(xc + Math.log(1.4 / 0.6) / 2 / size, atSize.criticalValue(), 4 * atSize.stderr());
                assertTrue(Double.isFinite(boundary(r, kappa, "location:chi/size=" + size).criticalValue()));
            }

            assertExponent(r, kappa, "nu", "collapse:binder", 1.0);
            assertExponent(r, kappa, "gamma/nu", "peak:chi", 1.75);
            assertExponent(r, kappa, "gamma/nu", "peak:chi/drop_smallest", 1.75);
            assertExponent(r, kappa, "beta/nu", "at-critical:absm", 0.125);
            assertExponent(r, kappa, "1/nu", "slope:binder", 1.0);
            assertExponent(r, kappa, "1/nu", "location:chi", 1.0);
            assertExponent(r, kappa, "1/nu", "location:chi/drop_smallest", 1.0);
            assertExponent(r, kappa, "nu", "location(level=0.2):binder", 1.0);
        }
        for (double kappa : new double[]{0, 1}) {
            Finding best = r.best("x_c", kappa).orElseThrow(() -> new AssertionError("no best x_c; " + r.notes()));
            assertEquals(2.27 + 0.1 * kappa, best.value(), 4 * best.stderr(), best.toString());
            for (String q : List.of("nu", "gamma/nu", "beta/nu", "1/nu")) {
                Finding e = r.best(q, kappa).orElseThrow(() -> new AssertionError("no best " + q + "; " + r.notes()));
                double truth = switch (q) {
                    case "gamma/nu" -> 1.75;
                    case "beta/nu" -> 0.125;
                    default -> 1.0;
                };
                assertEquals(truth, e.value(), 4 * e.stderr(), e.toString());
            }
        }
    }

    /**
     * Estimates without the data to support them are flagged, not published: a sweep of one
     * temperature has its chi "peak" on the window's edge, and replicas that are all alike leave no
     * error bar to the crossing. Neither enters a best row.
     */
    @Test
    void estimatesWithoutTheDataToSupportThemAreFlaggedNotPublished() {
        SweepSpec s = spec();
        SweepSpec peakOnly = new SweepSpec(s.name(), s.model(), s.seed(), s.params(), s.axes(), s.sizes(), s.replicas(),
                s.budget(), new AnalysisSpec("T", null, "kappa", List.of(new ExponentRequest("gamma/nu", AnalysisMethod.PEAK, "chi", null))));
        List<Sample> single = new ArrayList<>();
        for (int size : SIZES) {
            for (int replica = 0; replica < 16; replica++) {
                single.add(new Sample(new ParamValues(Map.of("kappa", 0.0, "T", 2.27)), size, replica,
                        Map.of("m2", 1.0, "m4", 2.0, "chi", Math.pow(size, 1.75) * (1 + 0.01 * replica), "absm", 1.0)));
            }
        }
        AnalysisResult r = SweepAnalysis.analyze(peakOnly, new MomentsModel(), single, Map.of(), new AnalysisOptions(20, 5));
        ExponentRow peak = r.exponents().stream().filter(e -> e.finding().isMain()).findFirst()
                .orElseThrow(() -> new AssertionError(r.exponents() + "; " + r.notes()));
        assertTrue(peak.finding().flags().contains(Flag.PEAK_AT_EDGE), peak.toString());
        assertTrue(r.best("gamma/nu", 0.0).isEmpty(), "a peak on the edge is no best gamma/nu");

        List<Sample> oneReplica = samples(Seeds.generator(45)).stream().filter(x -> x.replica() == 0).toList();
        AnalysisResult same = SweepAnalysis.analyze(spec(), new MomentsModel(), oneReplica, Map.of(), new AnalysisOptions(20, 5));
        Finding crossing = same.boundaries().stream().map(BoundaryRow::finding)
                .filter(f -> f.method().equals("crossing") && f.isMain()).findFirst().orElseThrow();
        assertTrue(crossing.flags().contains(Flag.NO_ERROR), crossing.toString());
        assertTrue(same.best("x_c", 0.0).stream().noneMatch(b -> b.stderr() == 0), "no best row with a zero error");
    }

    @Test
    void sameInputSameTables() {
        List<Sample> samples = samples(Seeds.generator(42));
        AnalysisOptions options = new AnalysisOptions(20, 5);
        AnalysisResult a = SweepAnalysis.analyze(spec(), new MomentsModel(), samples, Map.of(), options);
        AnalysisResult b = SweepAnalysis.analyze(spec(), new MomentsModel(), samples, Map.of(), options);
        assertEquals(a, b);
    }

    @Test
    void withoutAnalysisOnlyPoints() {
        SweepSpec s = spec();
        SweepSpec bare = new SweepSpec(s.name(), s.model(), s.seed(), s.params(), s.axes(), s.sizes(), s.replicas(),
                s.budget(), null);
        AnalysisResult r = SweepAnalysis.analyze(bare, new MomentsModel(), samples(Seeds.generator(43)), Map.of());
        assertEquals(2 * 4 * 11, r.points().size());
        assertTrue(r.boundaries().isEmpty() && r.exponents().isEmpty());
    }

    @Test
    void levelLocationOnALogScaleAxisFollowsAPowerLaw() {
        // chi = 1 + 0.5·L^0.5/B, times a per-sample factor 1 + 5 % noise shared along B (one disorder
        // sample per replica): it crosses 2 at B* = 0.5·L^0.5, between grid points spaced by factors of 2.
        RandomGenerator rng = Seeds.generator(44);
        List<Sample> samples = new ArrayList<>();
        Axis.Range batch = new Axis.Range("B", 1, 512, 10, Axis.Scale.LOG);
        for (int size : SIZES) {
            for (int replica = 0; replica < 16; replica++) {
                double factor = 1 + 0.05 * rng.nextGaussian();
                for (double b : batch.values(size)) {
                    double chi = 1 + factor * 0.5 * Math.sqrt(size) / b;
                    samples.add(new Sample(new ParamValues(Map.of("B", b)), size, replica,
                            Map.of("m2", 1.0, "m4", 1.0, "chi", chi, "absm", 1.0)));
                }
            }
        }
        SweepSpec spec = new SweepSpec("synthetic", "moments", 7, Map.of(), List.of(batch), List.of(8, 16, 32, 64), 16,
                Map.of(), new AnalysisSpec("B", null, null, List.of(new ExponentRequest("gamma_b", AnalysisMethod.LOCATION, "chi", 2.0))));
        AnalysisResult r = SweepAnalysis.analyze(spec, new MomentsModel(), samples, Map.of(), new AnalysisOptions(60, 5));
        ExponentRow e = r.exponents().stream().filter(x -> Rows.label(x.finding()).equals("location(level=2.0):chi"))
                .findFirst().orElseThrow(() -> new AssertionError(r.exponents() + "; notes " + r.notes()));
        // 4 standard errors, as above
        assertTrue(e.stderr() > 0, e.toString());
        assertEquals(0.5, e.value(), 4 * e.stderr(), e.toString());
        for (int size : SIZES) {
            BoundaryRow atSize = r.boundaries().stream()
                    .filter(b -> Rows.label(b.finding()).equals("location(level=2.0):chi/size=" + size)).findFirst().orElseThrow();
            assertEquals(0.5 * Math.sqrt(size), atSize.criticalValue(), 4 * atSize.stderr(), atSize.toString());
        }
    }

    private static BoundaryRow boundary(AnalysisResult r, double kappa, String method) {
        return r.boundaries().stream().filter(b -> b.acrossValue() == kappa && Rows.label(b.finding()).equals(method))
                .findFirst().orElseThrow(() -> new AssertionError("no boundary " + method + " at kappa=" + kappa
                        + " in " + r.boundaries() + "; notes " + r.notes()));
    }

    private static void assertExponent(AnalysisResult r, double kappa, String quantity, String method, double truth) {
        ExponentRow e = r.exponents().stream()
                .filter(x -> x.acrossValue() == kappa && x.quantity().equals(quantity) && Rows.label(x.finding()).equals(method))
                .findFirst().orElseThrow(() -> new AssertionError("no " + quantity + " by " + method + " in " + r.exponents()));
        assertTrue(e.stderr() > 0, e.toString());
        assertEquals(truth, e.value(), 4 * e.stderr(), e.toString());
        assertEquals("kappa", e.finding().across());
    }
}
