package io.phasesweep.engine.model;

import dev.ludovic.netlib.lapack.LAPACK;

/**
 * LAPACK (dev.ludovic.netlib) with its machine constants computed once, before any thread calls
 * it. Without a native library it runs F2J's Java translation, whose dlamch fills its constants
 * into static fields on the first call, unsynchronised: threads making their first calls at once
 * read half-filled ones. Of 40 fresh JVMs whose 8 threads each asked for sfmin/eps at once, 11
 * saw different values in different threads (Infinity in 4) and 3 a wrong value in every
 * thread; and dlarfg, inside every QR and tridiagonal reduction, rescales "while |beta| <
 * sfmin/eps", a loop without end when that ratio is infinite. World benchmarks, which analyse
 * trials on two threads, hung in LeastSquares' QR (in dgeqr2; that this was the cause is likely,
 * not shown); two Spark task threads of a fresh executor running
 * the spiked model's dsytrd could as well. Class initialisation runs once, and holds every other
 * thread until it is done. In the model package, the layer every other may use: models call
 * LAPACK themselves (docs/linear-algebra.md), and the analysis' LeastSquares does.
 */
public final class Lapack {
    private static final LAPACK INSTANCE = initialised();

    private Lapack() {
    }

    /** The LAPACK every caller in the engine uses. */
    public static LAPACK get() {
        return INSTANCE;
    }

    private static LAPACK initialised() {
        LAPACK lapack = LAPACK.getInstance();
        // every constant dlamch keeps: eps, sfmin, base, eps*base, digits, rounding, emin, rmin, emax, rmax
        for (String constant : new String[] {"E", "S", "B", "P", "N", "R", "M", "U", "L", "O"}) {
            lapack.dlamch(constant);
        }
        return lapack;
    }
}
