package io.phasesweep.engine.models.ising;

/**
 * A periodic hypercubic lattice of {@code L^dim} sites, as a neighbour table: the neighbours of
 * site {@code i} are {@code neighbours[i·2·dim + k]} for k = 0 … 2·dim−1, in the order +x, −x, +y,
 * −y, +z, −z. Site {@code i} has coordinates x = i mod L, y = (i / L) mod L, z = i / L².
 *
 * <p>For L = 2 the + and − neighbours along an axis are the same site, so that pair appears twice
 * in the table and its bond counts twice in the energy: the usual convention for periodic
 * lattices, kept on purpose so that every size has coordination number 2·dim.
 */
public final class HypercubicLattice {
    private final int length;
    private final int dim;
    private final int sites;
    private final int[] neighbours;

    public HypercubicLattice(int length, int dim) {
        String problem = problem(length, dim);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        this.length = length;
        this.dim = dim;
        int n = 1;
        for (int d = 0; d < dim; d++) {
            n *= length;
        }
        this.sites = n;
        this.neighbours = new int[n * 2 * dim];
        for (int i = 0; i < n; i++) {
            int stride = 1;
            for (int d = 0; d < dim; d++) {
                int x = (i / stride) % length;
                int base = i - x * stride;
                neighbours[i * 2 * dim + 2 * d] = base + ((x + 1) % length) * stride;
                neighbours[i * 2 * dim + 2 * d + 1] = base + ((x + length - 1) % length) * stride;
                stride *= length;
            }
        }
    }

    /** Why no lattice of this length and dimension can be built for one run, or null. */
    static String problem(int length, int dim) {
        if (dim < 1 || dim > 3) {
            return "dimension must be 1, 2 or 3, got " + dim;
        }
        if (length < 2) {
            return "linear size L must be at least 2, got " + length;
        }
        if (Math.pow(length, dim) * 2 * dim > Integer.MAX_VALUE) {
            return "lattice " + length + "^" + dim + " is too large for one run";
        }
        return null;
    }

    /** Why the sites of this lattice cannot be visited in checkerboard order, or null. */
    static String checkerboardProblem(int length, int dim) {
        if (dim < 2) {
            return "the checkerboard order needs dimension 2 or 3, got " + dim
                    + " (in one dimension a fixed order is not ergodic at h = 0)";
        }
        if (length % 2 != 0) {
            return "the checkerboard order needs an even L (a bipartite periodic lattice), got " + length;
        }
        return null;
    }

    /**
     * The sites of the even sublattice (coordinate sum even), then those of the odd one: on a
     * bipartite lattice a site's neighbours are all on the other sublattice, so the sites of one
     * half can be updated in any order, or together.
     */
    int[] checkerboard() {
        int[] order = new int[sites];
        int next = 0;
        for (int parity = 0; parity < 2; parity++) {
            for (int i = 0; i < sites; i++) {
                int sum = 0;
                for (int rest = i; rest > 0; rest /= length) {
                    sum += rest % length;
                }
                if (sum % 2 == parity) {
                    order[next++] = i;
                }
            }
        }
        return order;
    }

    public int length() {
        return length;
    }

    public int dim() {
        return dim;
    }

    public int sites() {
        return sites;
    }

    /**
     * log2 L when L is a power of two, else −1: then a site's coordinates are bit fields of its index
     * and its neighbours follow by masks ({@link #maskedNeighbour}), without the table.
     */
    int lengthShift() {
        return Integer.bitCount(length) == 1 ? Integer.numberOfTrailingZeros(length) : -1;
    }

    /**
     * {@code neighbour(i, k)} for L = 2^shift, without the table: the coordinate along axis k / 2 is
     * the bit field of the index at shift · (k / 2), so the neighbour is the index with that field
     * stepped by +1 (k even) or −1 (k odd) modulo L. A few integer operations, constant-folded where
     * k is a constant, instead of a table read with its own bounds check and latency.
     */
    static int maskedNeighbour(int i, int k, int shift) {
        int axis = shift * (k >> 1);
        int field = ((1 << shift) - 1) << axis;
        int delta = (1 - 2 * (k & 1)) << axis;
        return ((i + delta) & field) | (i & ~field);
    }

    /** Neighbours per site, 2·dim. */
    public int coordination() {
        return 2 * dim;
    }

    /** The neighbour table itself (not a copy: the simulations read it in their inner loops). */
    int[] neighbours() {
        return neighbours;
    }

    public int neighbour(int site, int k) {
        return neighbours[site * 2 * dim + k];
    }
}
