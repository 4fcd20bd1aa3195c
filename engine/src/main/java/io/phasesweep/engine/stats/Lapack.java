package io.phasesweep.engine.stats;

import dev.ludovic.netlib.lapack.LAPACK;

/**
 * LAPACK (dev.ludovic.netlib) with its machine constants computed once, before any thread calls
 * it. Without a native library it runs F2J's Java translation, whose dlamch fills its constants
 * into static fields on the first call, unsynchronised: threads making their first calls at once
 * read half-filled ones. Of 40 fresh JVMs whose 8 threads each asked for sfmin/eps at once, 14
 * saw different values in different threads, 4 saw Infinity, and 2 kept a wrong value in every
 * thread; and dlarfg, inside every QR and tridiagonal reduction, rescales "while |beta| <
 * sfmin/eps", a loop without end when that ratio is infinite. World benchmarks, which analyse trials
 * on two threads, hung so in LeastSquares' QR; two Spark task threads of a fresh executor running
 * the spiked model's dsytrd could as well. Class initialisation runs once, and holds every other
 * thread until it is done.
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
