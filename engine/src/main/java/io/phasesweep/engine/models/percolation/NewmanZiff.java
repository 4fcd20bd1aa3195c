package io.phasesweep.engine.models.percolation;

/**
 * Occupies the sites of a lattice one at a time in a given order (Newman &amp; Ziff, PRE 64,
 * 016706, 2001) and records the observables after each addition. Two cluster forests follow the
 * same order: a periodic one (wrapping, largest cluster, mean cluster size) and an open one, which
 * has no bonds across the boundary (spanning along axis 0).
 */
final class NewmanZiff {

    private NewmanZiff() {
    }

    static CanonicalCurves run(Lattice lattice, int[] order) {
        int sites = lattice.sites();
        int dim = lattice.dim();
        int last = lattice.length() - 1;
        ClusterForest periodic = new ClusterForest(sites, dim);
        ClusterForest open = new ClusterForest(sites, dim);
        // per open-forest root: bit 1 = touches layer x_0 = 0, bit 2 = touches x_0 = L−1
        byte[] touches = new byte[sites];
        boolean[] occupied = new boolean[sites];
        double[] largest = new double[sites + 1];
        double[] meanSize = new double[sites + 1];
        double[] chi = new double[sites + 1];
        int firstSpan = sites + 1;
        int firstWrap = sites + 1;
        long sumSquares = 0;
        long maxSize = 0;
        for (int n = 1; n <= sites; n++) {
            int site = order[n - 1];
            occupied[site] = true;
            periodic.add(site);
            open.add(site);
            int x0 = lattice.coordinate(site, 0);
            touches[site] = (byte) ((x0 == 0 ? 1 : 0) | (x0 == last ? 2 : 0));
            sumSquares += 1;
            maxSize = Math.max(maxSize, 1);
            for (int axis = 0; axis < dim; axis++) {
                for (int step = -1; step <= 1; step += 2) {
                    int nb = lattice.neighbour(site, axis, step);
                    if (!occupied[nb]) {
                        continue;
                    }
                    int ra = periodic.find(site);
                    int rb = periodic.find(nb);
                    if (ra != rb) {
                        long sa = periodic.sizeOfRoot(ra);
                        long sb = periodic.sizeOfRoot(rb);
                        sumSquares += 2 * sa * sb;
                        maxSize = Math.max(maxSize, sa + sb);
                    }
                    if (periodic.union(site, nb, axis, step) >= 0 && firstWrap > sites) {
                        firstWrap = n;
                    }
                    if (!lattice.crossesBoundary(site, axis, step)) {
                        int flags = touches[open.find(site)] | touches[open.find(nb)];
                        open.union(site, nb, axis, step);
                        touches[open.find(site)] = (byte) flags;
                    }
                }
            }
            // only the cluster of the new site has changed
            if (touches[open.find(site)] == 3 && firstSpan > sites) {
                firstSpan = n;
            }
            largest[n] = (double) maxSize / sites;
            long rest = n - maxSize;
            meanSize[n] = rest > 0 ? (double) (sumSquares - maxSize * maxSize) / rest : 0.0;
            chi[n] = (double) (sumSquares - maxSize * maxSize) / sites;
        }
        return new CanonicalCurves(sites, firstSpan, firstWrap, largest, meanSize, chi);
    }
}
