package io.phasesweep.engine.models.percolation;

/**
 * Union–find over lattice sites with path compression and union by size, tracking for each site
 * its displacement (in unwrapped lattice units, one component per axis) from its root. A bond
 * closing a loop whose displacements disagree reveals a cluster that wraps around the periodic
 * lattice (Machta et al. 1996; Newman &amp; Ziff 2001).
 */
final class ClusterForest {
    private final int dim;
    private final int[] parent;
    private final int[] size;
    /** displacement of site i from its parent, axis k at [i·dim + k]; after find, from its root. */
    private final int[] displacement;
    private final int[] path;
    private final int[] rootShift;

    ClusterForest(int sites, int dim) {
        this.dim = dim;
        this.parent = new int[sites];
        this.size = new int[sites];
        this.displacement = new int[sites * dim];
        this.path = new int[sites];
        this.rootShift = new int[dim];
    }

    /** Makes {@code site} a cluster of its own. */
    void add(int site) {
        parent[site] = site;
        size[site] = 1;
        for (int k = 0; k < dim; k++) {
            displacement[site * dim + k] = 0;
        }
    }

    int sizeOfRoot(int root) {
        return size[root];
    }

    /** Root of {@code site}; afterwards displacement(site, k) is measured from that root. */
    int find(int site) {
        int depth = 0;
        int r = site;
        while (parent[r] != r) {
            path[depth++] = r;
            r = parent[r];
        }
        // walk back from the node next to the root, accumulating displacements to the root
        for (int d = depth - 2; d >= 0; d--) {
            int node = path[d];
            int up = parent[node];
            for (int k = 0; k < dim; k++) {
                displacement[node * dim + k] += displacement[up * dim + k];
            }
            parent[node] = r;
        }
        return r;
    }

    int displacement(int site, int axis) {
        return displacement[site * dim + axis];
    }

    /**
     * Joins the clusters of occupied sites a and b, where b lies at offset {@code step} (±1)
     * along {@code axis} from a in unwrapped coordinates.
     *
     * @return the axis along which the bond closes a wrapping loop, −1 if it closes an ordinary
     *         loop or merges two clusters
     */
    int union(int a, int b, int axis, int step) {
        int ra = find(a);
        int rb = find(b);
        // position(rb) − position(ra), as implied by this bond
        for (int k = 0; k < dim; k++) {
            rootShift[k] = displacement(a, k) - displacement(b, k) + (k == axis ? step : 0);
        }
        if (ra == rb) {
            for (int k = 0; k < dim; k++) {
                if (rootShift[k] != 0) {
                    return k;
                }
            }
            return -1;
        }
        if (size[ra] < size[rb]) {
            attach(ra, rb, -1);
        } else {
            attach(rb, ra, 1);
        }
        return -1;
    }

    private void attach(int child, int root, int sign) {
        parent[child] = root;
        size[root] += size[child];
        for (int k = 0; k < dim; k++) {
            displacement[child * dim + k] = sign * rootShift[k];
        }
    }
}
