package dev.lantern.analysis.dynamics;

import dev.lantern.agents.api.Activations;
import java.util.Locale;

/**
 * One representation prepared for CKA: a {@code [states, width]} matrix of activations (row {@code i} = state
 * {@code i}) centred column by column in double precision, with the numbers every similarity to it reuses: the squared
 * norm of each centred row (the diagonal of the centred linear Gram matrix {@code Kc = Xc Xc^T}), their sum
 * ({@code tr Kc}), the self term {@code ||Xc^T Xc||_F^2 = <Kc, Kc>_F} and the unbiased HSIC of {@code X} with itself.
 *
 * <p>A column whose values are all equal centres to exact zeros (not to rounding noise), so a site with zero variance
 * over the states (every neuron constant: a dead layer) is recognised exactly; its similarities are undefined, with
 * that as the reason ({@link #linearReason()}), never a crash or a silent 0. Non-finite activations make it undefined
 * too. Immutable.
 */
public final class CkaRepresentation {

    private final String label;
    private final int rows;
    private final int width;
    private final double[] centred;
    private final double[] rowNorms;
    private final double trace;
    private final double selfCross;
    private final String linearReason;
    private final double selfHsic;
    private final String debiasedReason;

    private CkaRepresentation(String label, double[] values, int rows, int width) {
        this.label = label;
        this.rows = rows;
        this.width = width;
        this.centred = new double[rows * width];
        this.rowNorms = new double[rows];
        boolean finite = true;
        for (double v : values) {
            finite &= Double.isFinite(v);
        }
        if (finite) {
            centre(values);
        }
        double t = 0;
        for (int i = 0; i < rows; i++) {
            double s = 0;
            for (int j = 0; j < width; j++) {
                double v = centred[i * width + j];
                s += v * v;
            }
            rowNorms[i] = s;
            t += s;
        }
        this.trace = t;
        this.selfCross = cross(this);
        if (!finite) {
            linearReason = label + ": non-finite activations";
        } else if (t == 0) {
            linearReason = String.format(Locale.ROOT, "%s: every one of its %d neurons is constant over the %d states "
                    + "(zero variance: a dead site)", label, width, rows);
        } else {
            linearReason = "";
        }
        this.selfHsic = linearReason.isEmpty() && rows >= 4 ? Cka.hsicU(this, this, selfCross) : Double.NaN;
        if (!linearReason.isEmpty()) {
            debiasedReason = linearReason;
        } else if (rows < 4) {
            debiasedReason = label + ": the unbiased HSIC needs at least 4 states, got " + rows;
        } else if (!(selfHsic > Cka.ROUNDING * Cka.hsicScale(this, this, selfCross))) {
            debiasedReason = String.format(Locale.ROOT, "%s: its unbiased HSIC with itself is %.3g, not > 0 (%d states,"
                    + " %d neurons)", label, selfHsic, rows, width);
        } else {
            debiasedReason = "";
        }
    }

    /**
     * Prepares {@code values}, {@code [rows, width]} row-major (state {@code i}, neuron {@code j} at
     * {@code i width + j}); the array is not kept.
     *
     * @param label names the representation in reasons and matrices (e.g. {@code torso.dense1@12000})
     * @throws IllegalArgumentException if the sizes do not match or there is no row or column
     */
    public static CkaRepresentation of(String label, double[] values, int rows, int width) {
        if (rows < 1 || width < 1) {
            throw new IllegalArgumentException(label + ": need at least one state and one neuron, got " + rows + " x "
                    + width);
        }
        if (values.length != (long) rows * width) {
            throw new IllegalArgumentException(label + ": " + values.length + " values for " + rows + " states x "
                    + width + " neurons");
        }
        return new CkaRepresentation(label, values, rows, width);
    }

    /** Prepares one recorded site, {@code [batch, width]}. */
    public static CkaRepresentation of(String label, Activations activations) {
        return of(label, activations.values(), activations.batch(), activations.site().width());
    }

    private void centre(double[] values) {
        for (int j = 0; j < width; j++) {
            double first = values[j];
            boolean constant = true;
            double sum = 0;
            for (int i = 0; i < rows; i++) {
                double v = values[i * width + j];
                constant &= v == first;
                sum += v;
            }
            if (constant) {
                continue; // exact zeros
            }
            double mean = sum / rows;
            for (int i = 0; i < rows; i++) {
                centred[i * width + j] = values[i * width + j] - mean;
            }
        }
    }

    /**
     * {@code <Kc, Lc>_F = ||Yc^T Xc||_F^2}, the feature-space form ({@code width x other.width} sums over the states).
     */
    double cross(CkaRepresentation other) {
        if (other.rows != rows) {
            throw new IllegalArgumentException(label + " has " + rows + " states, " + other.label + " has "
                    + other.rows + ": CKA compares representations of the same states");
        }
        int wb = other.width;
        double[] m = new double[width * wb];
        double[] y = other.centred;
        for (int i = 0; i < rows; i++) {
            int xi = i * width;
            int yi = i * wb;
            for (int a = 0; a < width; a++) {
                double xv = centred[xi + a];
                if (xv != 0) {
                    int base = a * wb;
                    for (int b = 0; b < wb; b++) {
                        m[base + b] += xv * y[yi + b];
                    }
                }
            }
        }
        double s = 0;
        for (double v : m) {
            s += v * v;
        }
        return s;
    }

    /** The strictly upper triangle of {@code Kc = Xc Xc^T}, row by row ({@code rows (rows - 1) / 2} values). */
    double[] gramUpper() {
        double[] g = new double[rows * (rows - 1) / 2];
        int k = 0;
        for (int i = 0; i < rows; i++) {
            for (int j = i + 1; j < rows; j++) {
                double s = 0;
                for (int c = 0; c < width; c++) {
                    s += centred[i * width + c] * centred[j * width + c];
                }
                g[k++] = s;
            }
        }
        return g;
    }

    /** The label given. */
    public String label() {
        return label;
    }

    /** Number of states (rows). */
    public int rows() {
        return rows;
    }

    /** Number of neurons (columns). */
    public int width() {
        return width;
    }

    /** Empty when linear CKA with this representation is defined; otherwise why not. */
    public String linearReason() {
        return linearReason;
    }

    /** Empty when debiased CKA with this representation is defined; otherwise why not. */
    public String debiasedReason() {
        return debiasedReason;
    }

    /** The squared norms of the centred rows, the diagonal of {@code Kc} (shared, not copied). */
    double[] rowNorms() {
        return rowNorms;
    }

    /** {@code tr Kc}, the total variance times the number of states. */
    double trace() {
        return trace;
    }

    /** {@code ||Xc^T Xc||_F^2}. */
    double selfCross() {
        return selfCross;
    }

    /** The unbiased HSIC of this representation with itself (NaN where undefined). */
    double selfHsic() {
        return selfHsic;
    }
}
