package dev.lantern.analysis.lca;

/**
 * How many parameters helped (negative allocation), hurt (positive) and did not move the loss at all (exactly zero:
 * a parameter that did not move, such as a first-layer weight whose input was zero in every sample) in one step.
 *
 * @param helped parameters with allocation {@code < 0}
 * @param hurt   parameters with allocation {@code > 0}
 * @param zero   parameters with allocation exactly {@code 0}
 */
public record AllocationCounts(int helped, int hurt, int zero) {

    /** Counts the allocations of one step, {@code [n]}. */
    public static AllocationCounts of(double[] allocation) {
        int helped = 0;
        int hurt = 0;
        for (double a : allocation) {
            if (a < 0) {
                helped++;
            } else if (a > 0) {
                hurt++;
            }
        }
        return new AllocationCounts(helped, hurt, allocation.length - helped - hurt);
    }

    /** Parameters whose allocation is not zero: {@code helped + hurt}. */
    public int moved() {
        return helped + hurt;
    }

    /** The fraction of moved parameters that helped, {@code helped / (helped + hurt)}; NaN when none moved. */
    public double helpedAmongMoved() {
        return moved() == 0 ? Double.NaN : helped / (double) moved();
    }
}
