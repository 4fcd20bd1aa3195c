package io.phasesweep.engine.models.ising;

/**
 * Exact thermal averages of the ising observables (e, e2, absm, m2, m4) by summing over all 2^N
 * states, with the same neighbour table as the simulation; and, for the periodic chain, from the
 * transfer matrix.
 */
final class ExactIsing {
    private ExactIsing() {
    }

    /** The observables of one spin configuration, computed from scratch. */
    static double[] observables(HypercubicLattice lattice, byte[] spins, double coupling, double field) {
        long bonds2 = 0;
        long magnetization = 0;
        for (int i = 0; i < lattice.sites(); i++) {
            magnetization += spins[i];
            for (int k = 0; k < lattice.coordination(); k++) {
                bonds2 += spins[i] * spins[lattice.neighbour(i, k)];
            }
        }
        // every bond appears once from each end in the table
        double e = (-coupling * bonds2 / 2.0 - field * magnetization) / lattice.sites();
        double m = (double) magnetization / lattice.sites();
        return new double[] {e, e * e, Math.abs(m), m * m, m * m * m * m};
    }

    /** Boltzmann averages over all 2^N states. */
    static double[] enumerate(HypercubicLattice lattice, double coupling, double field, double temperature) {
        int n = lattice.sites();
        if (n > 24) {
            throw new IllegalArgumentException("2^" + n + " states is too many to enumerate");
        }
        // lowest possible energy per spin, so that no weight overflows
        double groundEnergy = -coupling * lattice.coordination() / 2.0 - Math.abs(field);
        byte[] spins = new byte[n];
        double z = 0;
        double[] sums = new double[5];
        for (int state = 0; state < 1 << n; state++) {
            for (int i = 0; i < n; i++) {
                spins[i] = (byte) ((state >> i & 1) == 1 ? 1 : -1);
            }
            double[] o = observables(lattice, spins, coupling, field);
            double weight = Math.exp(-n * (o[0] - groundEnergy) / temperature);
            z += weight;
            for (int k = 0; k < 5; k++) {
                sums[k] += weight * o[k];
            }
        }
        for (int k = 0; k < 5; k++) {
            sums[k] /= z;
        }
        return sums;
    }

    /**
     * ln Z of the periodic chain of {@code length} spins: Z = λ₊^L + λ₋^L with
     * λ± = e^{βJ} cosh βh ± √(e^{2βJ} sinh² βh + e^{−2βJ}).
     */
    static double chainLogZ(int length, double coupling, double field, double beta) {
        double a = Math.exp(beta * coupling) * Math.cosh(beta * field);
        double root = Math.sqrt(Math.exp(2 * beta * coupling) * Math.pow(Math.sinh(beta * field), 2)
                + Math.exp(-2 * beta * coupling));
        double plus = a + root;
        double minus = a - root;
        return length * Math.log(plus) + Math.log1p(Math.pow(minus / plus, length));
    }

    /**
     * e, e2 and m2 of the periodic chain from derivatives of ln Z (central differences, step δ:
     * truncation error O(δ²), here below 1e-7):
     * ⟨E⟩ = −∂_β ln Z, ⟨E²⟩ = ∂²_β ln Z + ⟨E⟩², ⟨M⟩ = ∂_h ln Z / β, ⟨M²⟩ = ∂²_h ln Z / β² + ⟨M⟩².
     */
    static double[] chain(int length, double coupling, double field, double temperature) {
        double beta = 1 / temperature;
        double d = 1e-4;
        double center = chainLogZ(length, coupling, field, beta);
        double bUp = chainLogZ(length, coupling, field, beta + d);
        double bDown = chainLogZ(length, coupling, field, beta - d);
        double hUp = chainLogZ(length, coupling, field + d, beta);
        double hDown = chainLogZ(length, coupling, field - d, beta);
        double energy = -(bUp - bDown) / (2 * d);
        double energy2 = (bUp - 2 * center + bDown) / (d * d) + energy * energy;
        double mag = (hUp - hDown) / (2 * d) / beta;
        double mag2 = (hUp - 2 * center + hDown) / (d * d) / (beta * beta) + mag * mag;
        return new double[] {energy / length, energy2 / ((double) length * length), mag2 / ((double) length * length)};
    }
}
