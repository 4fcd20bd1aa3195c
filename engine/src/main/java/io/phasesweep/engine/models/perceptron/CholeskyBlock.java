package io.phasesweep.engine.models.perceptron;

/**
 * Lower Cholesky factor L of the principal block G[S,S] of a symmetric positive semi-definite
 * matrix, for an ordered index set S that grows by one index at a time (O(|S|²)) and shrinks by
 * deleting any index (Givens re-triangularisation, O(|S|²)).
 */
final class CholeskyBlock {
    /** Smallest accepted pivot², relative to the diagonal entry: below it the column is dependent. */
    private static final double DEPENDENT = 1e-13;

    private final double[][] g;
    private final double[][] l;
    private final int[] indices;
    private final double[] work;
    private int size;

    CholeskyBlock(double[][] g) {
        this.g = g;
        int cap = g.length;
        this.l = new double[cap][];
        this.indices = new int[cap];
        this.work = new double[cap];
    }

    int size() {
        return size;
    }

    int index(int k) {
        return indices[k];
    }

    /** Appends index t; false (and no change) when its column is numerically dependent on S. */
    boolean add(int t) {
        double[] row = new double[size + 1];
        double[] gt = g[t];
        double sq = 0;
        for (int k = 0; k < size; k++) {
            double s = gt[indices[k]];
            double[] lk = l[k];
            for (int m = 0; m < k; m++) {
                s -= lk[m] * row[m];
            }
            row[k] = s / lk[k];
            sq += row[k] * row[k];
        }
        double d2 = gt[t] - sq;
        if (d2 <= DEPENDENT * gt[t]) {
            return false;
        }
        row[size] = Math.sqrt(d2);
        l[size] = row;
        indices[size] = t;
        size++;
        return true;
    }

    /** Deletes the k-th index of S and restores the triangular form. */
    void remove(int k) {
        for (int r = k; r < size - 1; r++) {
            l[r] = l[r + 1];
            indices[r] = indices[r + 1];
        }
        size--;
        // rows k.. now have one entry right of the diagonal: rotate columns (c, c+1) to clear it
        for (int c = k; c < size; c++) {
            double a = l[c][c];
            double b = l[c][c + 1];
            double h = Math.hypot(a, b);
            double cos = a / h;
            double sin = b / h;
            for (int r = c; r < size; r++) {
                double x = l[r][c];
                double y = l[r][c + 1];
                l[r][c] = cos * x + sin * y;
                l[r][c + 1] = -sin * x + cos * y;
            }
            double[] trimmed = new double[c + 1];
            System.arraycopy(l[c], 0, trimmed, 0, c + 1);
            l[c] = trimmed;
        }
    }

    /** Solves G[S,S] z = 1 into z[0..|S|). */
    void solveOnes(double[] z) {
        for (int k = 0; k < size; k++) {
            double s = 1.0;
            double[] lk = l[k];
            for (int m = 0; m < k; m++) {
                s -= lk[m] * work[m];
            }
            work[k] = s / lk[k];
        }
        for (int k = size - 1; k >= 0; k--) {
            double s = work[k];
            for (int m = k + 1; m < size; m++) {
                s -= l[m][k] * z[m];
            }
            z[k] = s / l[k][k];
        }
    }
}
