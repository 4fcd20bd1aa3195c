package io.phasesweep.engine.models.percolation;

/**
 * The L^d simple cubic lattice, sites numbered x_0 + L·x_1 + L²·x_2. Axis 0 is the spanning
 * direction ("top to bottom").
 */
record Lattice(int length, int dim) {

    Lattice {
        String problem = problem(length, dim);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
    }

    /** Why no lattice of this length and dimension can be built for one run, or null. */
    static String problem(int length, int dim) {
        if (dim < 1 || dim > 3) {
            return "dim must be 1, 2 or 3, got " + dim;
        }
        if (length < 2) {
            return "lattice length must be at least 2, got " + length;
        }
        if (Math.pow(length, dim) > Integer.MAX_VALUE) {
            return "lattice " + length + "^" + dim + " is too large for one run";
        }
        return null;
    }

    int sites() {
        int n = 1;
        for (int k = 0; k < dim; k++) {
            n = Math.multiplyExact(n, length);
        }
        return n;
    }

    int stride(int axis) {
        int s = 1;
        for (int k = 0; k < axis; k++) {
            s *= length;
        }
        return s;
    }

    int coordinate(int site, int axis) {
        return site / stride(axis) % length;
    }

    /**
     * The neighbour of {@code site} one step along {@code axis} in direction {@code step} (±1),
     * wrapping around periodically.
     */
    int neighbour(int site, int axis, int step) {
        int stride = stride(axis);
        int x = coordinate(site, axis);
        int y = Math.floorMod(x + step, length);
        return site + (y - x) * stride;
    }

    /** Whether the step from {@code site} along {@code axis} crosses the periodic boundary. */
    boolean crossesBoundary(int site, int axis, int step) {
        int x = coordinate(site, axis) + step;
        return x < 0 || x >= length;
    }
}
