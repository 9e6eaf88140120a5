package dev.lantern.analysis.search;

/** Divergences between discrete distributions given as arrays over the same outcomes. */
public final class Divergence {

    private Divergence() {
    }

    /**
     * {@code KL(p || q) = sum_i p_i ln(p_i / q_i)} in nats; outcomes with {@code p_i = 0} add nothing, one with
     * {@code p_i > 0 = q_i} makes it infinite.
     *
     * @param p a distribution (non-negative, summing to 1)
     * @param q a distribution over the same outcomes
     * @throws IllegalArgumentException if the lengths differ or an entry is negative or NaN
     */
    public static double kl(double[] p, double[] q) {
        if (p.length != q.length) {
            throw new IllegalArgumentException("distributions over " + p.length + " and " + q.length + " outcomes");
        }
        double sum = 0;
        for (int i = 0; i < p.length; i++) {
            if (!(p[i] >= 0) || !(q[i] >= 0)) {
                throw new IllegalArgumentException("entry " + i + " is not a probability: p = " + p[i] + ", q = "
                        + q[i]);
            }
            if (p[i] > 0) {
                sum += q[i] == 0 ? Double.POSITIVE_INFINITY : p[i] * Math.log(p[i] / q[i]);
            }
        }
        return sum;
    }
}
