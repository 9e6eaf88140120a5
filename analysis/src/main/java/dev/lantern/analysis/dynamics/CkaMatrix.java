package dev.lantern.analysis.dynamics;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Linear and debiased CKA ({@link Cka}) of every row representation against every column representation, all of the
 * same states. Each pair's only costly term, {@code <Kc, Lc>_F}, is computed once for both estimators, from the
 * centred Gram matrices when that is cheaper and they fit in memory (few states, as on a grid world: each Gram once,
 * then {@code n^2 / 2} a pair), otherwise in the feature-space form ({@code n p q} a pair); the two agree to rounding
 * (a test). A {@link #symmetric} matrix computes each pair once and, on its diagonal, each representation against
 * itself: {@link #selfCheckError()} is how far those are from 1.
 */
public final class CkaMatrix {

    /** At most this many Gram values are held at once (256 MB of doubles). */
    static final long GRAM_BUDGET = 1L << 25;

    private final List<String> rows;
    private final List<String> cols;
    private final CkaValue[][] linear;
    private final CkaValue[][] debiased;
    private final boolean symmetric;

    private CkaMatrix(List<String> rows, List<String> cols, CkaValue[][] linear, CkaValue[][] debiased,
            boolean symmetric) {
        this.rows = rows;
        this.cols = cols;
        this.linear = linear;
        this.debiased = debiased;
        this.symmetric = symmetric;
    }

    /** Every representation against every other and itself (rows = columns = {@code reps}). */
    public static CkaMatrix symmetric(List<CkaRepresentation> reps) {
        return compute(reps, reps, true, gramsWorthIt(reps, reps));
    }

    /**
     * Every row representation against every column representation.
     *
     * @throws IllegalArgumentException if a list is empty or the representations have different numbers of states
     */
    public static CkaMatrix of(List<CkaRepresentation> rows, List<CkaRepresentation> cols) {
        return compute(rows, cols, false, gramsWorthIt(rows, cols));
    }

    /** As {@link #of} or {@link #symmetric}, forcing the Gram path on or off (for the test that they agree). */
    static CkaMatrix compute(List<CkaRepresentation> rowReps, List<CkaRepresentation> colReps, boolean symmetric,
            boolean grams) {
        if (rowReps.isEmpty() || colReps.isEmpty()) {
            throw new IllegalArgumentException("a CKA matrix needs rows and columns, got " + rowReps.size() + " x "
                    + colReps.size());
        }
        int n = rowReps.get(0).rows();
        for (List<CkaRepresentation> list : List.of(rowReps, colReps)) {
            for (CkaRepresentation r : list) {
                if (r.rows() != n) {
                    throw new IllegalArgumentException(r.label() + " has " + r.rows() + " states, "
                            + rowReps.get(0).label() + " has " + n + ": CKA compares representations of the same states");
                }
            }
        }
        Map<CkaRepresentation, double[]> gram = new IdentityHashMap<>();
        if (grams) {
            rowReps.forEach(r -> gram.computeIfAbsent(r, CkaRepresentation::gramUpper));
            colReps.forEach(r -> gram.computeIfAbsent(r, CkaRepresentation::gramUpper));
        }
        int m = rowReps.size();
        int k = colReps.size();
        CkaValue[][] lin = new CkaValue[m][k];
        CkaValue[][] deb = new CkaValue[m][k];
        for (int i = 0; i < m; i++) {
            for (int j = symmetric ? i : 0; j < k; j++) {
                CkaRepresentation x = rowReps.get(i);
                CkaRepresentation y = colReps.get(j);
                double cross = grams ? Cka.dot(x.rowNorms(), y.rowNorms()) + 2 * Cka.dot(gram.get(x), gram.get(y))
                        : x.cross(y);
                lin[i][j] = Cka.linear(x, y, cross);
                deb[i][j] = Cka.debiased(x, y, cross);
                if (symmetric) {
                    lin[j][i] = lin[i][j];
                    deb[j][i] = deb[i][j];
                }
            }
        }
        return new CkaMatrix(labels(rowReps), labels(colReps), lin, deb, symmetric);
    }

    /** Whether the Gram path is cheaper here and fits in {@link #GRAM_BUDGET}. */
    static boolean gramsWorthIt(List<CkaRepresentation> rowReps, List<CkaRepresentation> colReps) {
        Map<CkaRepresentation, Boolean> distinct = new IdentityHashMap<>();
        rowReps.forEach(r -> distinct.put(r, true));
        colReps.forEach(r -> distinct.put(r, true));
        double n = rowReps.get(0).rows();
        double packed = n * (n - 1) / 2;
        if (distinct.size() * packed > GRAM_BUDGET) {
            return false;
        }
        double gramCost = 0;
        for (CkaRepresentation r : distinct.keySet()) {
            gramCost += packed * r.width();
        }
        double featureCost = 0;
        for (CkaRepresentation x : rowReps) {
            for (CkaRepresentation y : colReps) {
                featureCost += n * x.width() * y.width();
            }
        }
        return gramCost + (double) rowReps.size() * colReps.size() * packed < featureCost;
    }

    private static List<String> labels(List<CkaRepresentation> reps) {
        List<String> out = new ArrayList<>(reps.size());
        reps.forEach(r -> out.add(r.label()));
        return List.copyOf(out);
    }

    /** The row representations' labels. */
    public List<String> rows() {
        return rows;
    }

    /** The column representations' labels. */
    public List<String> cols() {
        return cols;
    }

    /** Linear CKA of row {@code i} and column {@code j}. */
    public CkaValue linear(int i, int j) {
        return linear[i][j];
    }

    /** Debiased CKA of row {@code i} and column {@code j}. */
    public CkaValue debiased(int i, int j) {
        return debiased[i][j];
    }

    /** Whether rows and columns are the same representations. */
    public boolean isSymmetric() {
        return symmetric;
    }

    /**
     * The self-check of a {@link #symmetric} matrix: the largest {@code |CKA(X, X) - 1|} over its diagonal, linear and
     * debiased, where defined (the Gram-path diagonal is computed apart from the self terms, so this is a real check);
     * NaN if none is defined.
     *
     * @throws IllegalStateException if the matrix is not symmetric
     */
    public double selfCheckError() {
        if (!symmetric) {
            throw new IllegalStateException("the self-check needs a symmetric matrix (rows = columns)");
        }
        double worst = Double.NaN;
        for (int i = 0; i < rows.size(); i++) {
            for (CkaValue v : List.of(linear[i][i], debiased[i][i])) {
                if (v.defined()) {
                    double e = Math.abs(v.value() - 1);
                    worst = Double.isNaN(worst) ? e : Math.max(worst, e);
                }
            }
        }
        return worst;
    }

    /** Every distinct reason a value is undefined, in order of first appearance. */
    public List<String> undefinedReasons() {
        List<String> out = new ArrayList<>();
        for (CkaValue[][] values : List.of(linear, debiased)) {
            for (CkaValue[] row : values) {
                for (CkaValue v : row) {
                    if (!v.defined() && !out.contains(v.reason())) {
                        out.add(v.reason());
                    }
                }
            }
        }
        return out;
    }
}
