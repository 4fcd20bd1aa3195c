package io.phasesweep.engine.models.jamming;

import io.phasesweep.engine.model.Deadline;

import java.util.function.DoubleFunction;

/**
 * Brings one sample to its jamming point from the jammed (UNSAT) side by changing the margin κ at
 * fixed patterns: a minimum of positive energy at κ is decompressed (κ lowered), each trial
 * descent started from the last jammed minimum, and κ bisected between the last jammed and the
 * first satisfied margin, keeping the jammed side, until 0 &lt; H/P &lt; {@link #JAMMED}. A sample
 * satisfiable at the starting κ is first compressed (κ raised) until it jams. The bisection takes a
 * secant step on √(H/P) when it can (see {@link #aim}); a secant step that does not halve the
 * bracket is followed by a bisection step, so the bracket at least halves every two descents.
 *
 * <p>Every descent uses the stopping rule without the absolute force floor: a positive-energy end
 * is then a certified stationary point, and a descent that meets no rule within the step guard
 * fails the protocol.
 */
final class Decompression {
    /**
     * H/P below which a jammed minimum is at its jamming point: overlaps of ~√(2·1e-12·P/N) ≈ 3e-6 at
     * P = 5N. Not much lower: at H/P ~ 1e-15 (overlaps ~1e-7) the rounding of w (~1e-16 per
     * component, ~1e-15 in h) leaves |P_⊥∇H| near 1e-8·|f|, and the relative stopping rule 1e-9 is
     * not met (an N = 100 descent ran 10⁷ steps at H/P = 8.8e-16 without meeting it).
     */
    static final double JAMMED = 1e-12;
    /** The first change of κ when bracketing; it doubles until the other side is reached. */
    private static final double FIRST_STEP = 0.25;

    private Decompression() {
    }

    /**
     * The jammed minimum at the jamming point and the margin it was found at.
     *
     * @param steps FIRE steps of every descent of the protocol
     */
    record Jammed(Fire.Result minimum, double kappa, long steps) {
    }

    /**
     * @param landscape the landscape at a margin κ (same patterns at every κ)
     * @param kappa     the starting margin
     * @param newton    whether the descents take Newton's steps ({@link Fire#minimise})
     */
    static Jammed jam(DoubleFunction<SoftConstraints> landscape, double kappa, double[] start, Fire.Stop stop,
            long maxSteps, Deadline deadline, boolean newton) {
        Fire.Stop certified = new Fire.Stop(stop.solved(), stop.relative(), 0);
        Descents descents = new Descents(landscape, certified, maxSteps, deadline, newton);
        Fire.Result first = descents.at(kappa, start);
        Fire.Result jammed;
        double jammedKappa;
        double freeKappa;
        double step = FIRST_STEP;
        if (descents.jammed(first)) {
            jammed = first;
            jammedKappa = kappa;
            freeKappa = kappa - step;
            for (Fire.Result trial = descents.at(freeKappa, jammed.w()); descents.jammed(trial);
                    trial = descents.at(freeKappa, jammed.w())) {
                jammed = trial;
                jammedKappa = freeKappa;
                step *= 2;
                freeKappa -= step;
            }
        } else {
            double[] free = first.w();
            freeKappa = kappa;
            jammedKappa = kappa + step;
            Fire.Result trial = descents.at(jammedKappa, free);
            while (!descents.jammed(trial)) {
                free = trial.w();
                freeKappa = jammedKappa;
                step *= 2;
                jammedKappa += step;
                trial = descents.at(jammedKappa, free);
            }
            jammed = trial;
        }
        int p = landscape.apply(kappa).constraints();
        Fire.Result previous = null;
        double previousKappa = Double.NaN;
        boolean secantHalved = true;
        while (jammed.energy() / p >= JAMMED) {
            double width = jammedKappa - freeKappa;
            double secant = aim(previous, previousKappa, jammed, jammedKappa, p);
            boolean bySecant = secantHalved && secant > freeKappa && secant < jammedKappa;
            double next = bySecant ? secant : 0.5 * (jammedKappa + freeKappa);
            if (next == jammedKappa || next == freeKappa) {
                throw new IllegalStateException("jamming bisection closed at κ = " + jammedKappa + " with H/P = "
                        + jammed.energy() / p);
            }
            Fire.Result trial = descents.at(next, jammed.w());
            if (descents.jammed(trial)) {
                previous = jammed;
                previousKappa = jammedKappa;
                jammed = trial;
                jammedKappa = next;
            } else {
                freeKappa = next;
            }
            secantHalved = !bySecant || jammedKappa - freeKappa <= 0.5 * width;
        }
        return new Jammed(jammed, jammedKappa, descents.steps);
    }

    /**
     * Where the secant of √(H/P) through the last two jammed minima reaches a quarter of the target
     * {@link #JAMMED} (half its overlaps): near jamming, with its contacts fixed, the overlaps and so
     * √H are linear in κ − κ_J. Not lower: a secant that lands too near κ_J leaves a minimum whose
     * overlaps are near the rounding floor, where the relative stopping rule cannot be met (an aim at a
     * tenth of the target met it at H/P = 3.5e-18 in the first exponents sweep, a failed point). NaN
     * without two jammed minima or with a slope that is not positive.
     */
    private static double aim(Fire.Result previous, double previousKappa, Fire.Result jammed, double jammedKappa, int p) {
        if (previous == null) {
            return Double.NaN;
        }
        double root = Math.sqrt(jammed.energy() / p);
        double slope = (Math.sqrt(previous.energy() / p) - root) / (previousKappa - jammedKappa);
        return slope > 0 ? jammedKappa - (root - Math.sqrt(JAMMED / 4)) / slope : Double.NaN;
    }

    /** The descents of one protocol, with their step count. */
    private static final class Descents {
        private final DoubleFunction<SoftConstraints> landscape;
        private final Fire.Stop stop;
        private final long maxSteps;
        private final Deadline deadline;
        private final boolean newton;
        private long steps;

        Descents(DoubleFunction<SoftConstraints> landscape, Fire.Stop stop, long maxSteps, Deadline deadline,
                boolean newton) {
            this.landscape = landscape;
            this.stop = stop;
            this.maxSteps = maxSteps;
            this.deadline = deadline;
            this.newton = newton;
        }

        Fire.Result at(double kappa, double[] start) {
            Fire.Result end = Fire.minimise(landscape.apply(kappa), start, stop, maxSteps, deadline, newton);
            steps += end.steps();
            if (!end.converged()) {
                throw new IllegalStateException("FIRE did not converge in " + end.steps() + " steps at κ = " + kappa
                        + " while jamming: H/P = " + end.energy() / landscape.apply(kappa).constraints()
                        + ", |grad| = " + end.force());
            }
            return end;
        }

        boolean jammed(Fire.Result end) {
            return end.energy() / end.stabilities().length > stop.solved();
        }
    }
}
