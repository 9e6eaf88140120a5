package dev.lantern.analysis.lca;

/**
 * The allocation of one training step θ_t → θ_{t+1}.
 *
 * @param allocation  per-parameter allocation A_i, {@code [n]}: negative = the parameter's move lowered the loss
 * @param lossBefore  L(θ_t)
 * @param lossAfter   L(θ_{t+1})
 * @param allocated   Σ_i A_i
 * @param pieces      composite Simpson pieces used (1, 2, 4, ..., maxPieces)
 * @param gradientEvaluations gradient evaluations this step cost (the reused start gradient not counted)
 */
public record StepAllocation(double[] allocation, double lossBefore, double lossAfter, double allocated, int pieces,
        int gradientEvaluations) {

    /** The real change of the loss, L(θ_{t+1}) − L(θ_t). */
    public double actual() {
        return lossAfter - lossBefore;
    }

    /** What the allocation misses: actual − Σ A_i. */
    public double error() {
        return actual() - allocated;
    }

    /** Fraction of parameters whose allocation is negative (they helped); parameters that did not move count as not helping. */
    public double helpedFraction() {
        int helped = 0;
        for (double a : allocation) {
            if (a < 0) {
                helped++;
            }
        }
        return allocation.length == 0 ? 0 : helped / (double) allocation.length;
    }

    /** The whole loss's allocation of one step from its terms': the sums of their allocations and values. */
    public static StepAllocation sum(StepAllocation[] perTerm) {
        double[] a = perTerm[0].allocation().clone();
        double before = perTerm[0].lossBefore();
        double after = perTerm[0].lossAfter();
        for (int t = 1; t < perTerm.length; t++) {
            double[] b = perTerm[t].allocation();
            for (int i = 0; i < a.length; i++) {
                a[i] += b[i];
            }
            before += perTerm[t].lossBefore();
            after += perTerm[t].lossAfter();
        }
        double allocated = 0;
        for (double v : a) {
            allocated += v;
        }
        return new StepAllocation(a, before, after, allocated, perTerm[0].pieces(), perTerm[0].gradientEvaluations());
    }
}
