package io.phasesweep.jobs.report;

/**
 * The curve of one size: control values ascending, the observable and its one-standard-deviation
 * error (0 where the table has none, e.g. a single replica).
 */
record Series(int size, double[] x, double[] y, double[] err) {
    String label() {
        return "L = " + size;
    }
}
