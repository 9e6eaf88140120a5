package dev.lantern.app.lab;

import java.util.List;
import java.util.Locale;

/**
 * What a network computes at one position, as the tree view's side panel draws it: the activations of each site (one
 * heat strip per site) and the integrated-gradients attribution of the value and of one move's logit to the cells of
 * the position, each with its completeness check (the cells' sum against output minus baseline).
 *
 * @param sites  the recorded sites in the order the pass computes them ({@code torso.dense0}, ..., {@code value.out})
 * @param rows   rows of the position's cell grid
 * @param cols   columns of the position's cell grid
 * @param value  the attribution of the value head, or null
 * @param move   the attribution of the move's logit, or null (no move: a leaf)
 */
public record PositionCircuit(List<SiteRow> sites, int rows, int cols, CellScores value, CellScores move) {

    /**
     * One site's activations at the position.
     *
     * @param site        the site name
     * @param activations one value per neuron, {@code [width]}
     */
    public record SiteRow(String site, double[] activations) {

        /** Copies the activations. */
        public SiteRow {
            activations = activations.clone();
        }

        /** The activations (a copy). */
        @Override
        public double[] activations() {
            return activations.clone();
        }

        /** The largest |activation| (0 for an all-zero site). */
        public double maxAbs() {
            double m = 0;
            for (double a : activations) {
                m = Math.max(m, Math.abs(a));
            }
            return m;
        }
    }

    /**
     * Integrated gradients of one output, summed per cell over the observation's planes.
     *
     * @param target            what is attributed ({@code value.out}, {@code logit r1c1})
     * @param baseline          what the position is compared with, in words
     * @param perCell           attribution per cell, {@code [rows * cols]} row-major; null with {@code undefined}
     * @param output            F(position)
     * @param baselineOutput    F(baseline)
     * @param completenessError {@code |sum - (F(x) - F(b))| / |F(x) - F(b)|}, NaN where the gap is under 1e-9
     * @param undefined         why there is no per-cell attribution, or null
     */
    public record CellScores(String target, String baseline, double[] perCell, double output, double baselineOutput,
            double completenessError, String undefined) {

        /** Copies the cells. */
        public CellScores {
            perCell = perCell == null ? null : perCell.clone();
        }

        /** The attribution per cell (a copy), or null. */
        @Override
        public double[] perCell() {
            return perCell == null ? null : perCell.clone();
        }

        /** The sum over the cells (NaN without cells). */
        public double sum() {
            if (perCell == null) {
                return Double.NaN;
            }
            double s = 0;
            for (double v : perCell) {
                s += v;
            }
            return s;
        }

        /** The line printed beside the map: F, F(baseline), their gap, the cells' sum and the completeness error. */
        public String describe() {
            if (undefined != null) {
                return target + ": " + undefined;
            }
            return String.format(Locale.ROOT, "%s: F %+.4f, F(baseline) %+.4f;%n  cells sum %+.4f vs gap %+.4f, "
                    + "completeness error %.1e", target, output, baselineOutput, sum(), output - baselineOutput,
                    completenessError);
        }
    }

    /** Copies the list. */
    public PositionCircuit {
        sites = List.copyOf(sites);
        if (rows < 1 || cols < 1) {
            throw new IllegalArgumentException("a position needs a cell grid of at least 1 x 1, got " + rows + " x "
                    + cols);
        }
    }
}
