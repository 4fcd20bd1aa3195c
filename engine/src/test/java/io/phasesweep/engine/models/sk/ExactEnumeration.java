package io.phasesweep.engine.models.sk;

/** Exact thermal averages of one small SK sample by summing over all 2^N states. */
final class ExactEnumeration {
    private final int n;
    private final double[] energies;

    ExactEnumeration(Couplings j) {
        this.n = j.size();
        this.energies = new double[1 << n];
        int[] spins = new int[n];
        for (int state = 0; state < energies.length; state++) {
            for (int i = 0; i < n; i++) {
                spins[i] = ((state >> i) & 1) == 1 ? 1 : -1;
            }
            energies[state] = j.energy(spins);
        }
    }

    /** Boltzmann probabilities of all states at temperature t. */
    double[] boltzmann(double t) {
        double min = Double.POSITIVE_INFINITY;
        for (double e : energies) {
            min = Math.min(min, e);
        }
        double[] p = new double[energies.length];
        double z = 0;
        for (int s = 0; s < p.length; s++) {
            p[s] = Math.exp(-(energies[s] - min) / t);
            z += p[s];
        }
        for (int s = 0; s < p.length; s++) {
            p[s] /= z;
        }
        return p;
    }

    double energyPerSpin(double t) {
        double[] p = boltzmann(t);
        double e = 0;
        for (int s = 0; s < p.length; s++) {
            e += p[s] * energies[s];
        }
        return e / n;
    }

    /** ⟨q^power⟩ for two independent replicas: Σ over pairs of states of p_s p_t q(s,t)^power. */
    double overlapMoment(double t, int power) {
        double[] p = boltzmann(t);
        double m = 0;
        for (int s = 0; s < p.length; s++) {
            for (int u = 0; u < p.length; u++) {
                double q = (n - 2.0 * Integer.bitCount(s ^ u)) / n;
                m += p[s] * p[u] * Math.pow(q, power);
            }
        }
        return m;
    }

    /** Mean acceptance of a swap between temperatures t1 and t2 with both in equilibrium. */
    double swapAcceptance(double t1, double t2) {
        double[] p1 = boltzmann(t1);
        double[] p2 = boltzmann(t2);
        double dBeta = 1 / t1 - 1 / t2;
        double a = 0;
        for (int s = 0; s < p1.length; s++) {
            for (int u = 0; u < p2.length; u++) {
                a += p1[s] * p2[u] * Math.min(1.0, Math.exp(dBeta * (energies[s] - energies[u])));
            }
        }
        return a;
    }
}
