package io.phasesweep.engine.models.spiked;

import dev.ludovic.netlib.lapack.LAPACK;
import org.netlib.util.intW;

/**
 * The tests' reference: the largest eigenvalue of a symmetric matrix and its unit eigenvector,
 * from LAPACK's dsyevr restricted to that one eigenpair (RANGE='I', IL=IU=N), with no use of the
 * spike's special structure.
 */
record TopEigenpair(double value, double[] vector) {

    /**
     * @param a column-major n×n symmetric matrix; only its upper triangle is read, and it is
     *          overwritten
     */
    public static TopEigenpair of(double[] a, int n) {
        LAPACK lapack = LAPACK.getInstance();
        intW found = new intW(0);
        intW info = new intW(0);
        double[] w = new double[n];
        double[] z = new double[n];
        int[] support = new int[2 * n]; // the Java binding checks the full LAPACK size 2·max(1, N)
        double[] workQuery = new double[1];
        int[] iworkQuery = new int[1];
        lapack.dsyevr("V", "I", "U", n, a, n, 0, 0, n, n, 0.0, found, w, z, n, support,
                workQuery, -1, iworkQuery, -1, info);
        check(info, "workspace query");
        double[] work = new double[(int) workQuery[0]];
        int[] iwork = new int[iworkQuery[0]];
        lapack.dsyevr("V", "I", "U", n, a, n, 0, 0, n, n, 0.0, found, w, z, n, support,
                work, work.length, iwork, iwork.length, info);
        check(info, "dsyevr");
        if (found.val != 1) {
            throw new IllegalStateException("dsyevr returned " + found.val + " eigenpairs instead of 1");
        }
        return new TopEigenpair(w[0], z);
    }

    private static void check(intW info, String step) {
        if (info.val != 0) {
            throw new IllegalStateException("LAPACK " + step + " failed: info = " + info.val);
        }
    }
}
