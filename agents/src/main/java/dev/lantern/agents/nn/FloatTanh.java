package dev.lantern.agents.nn;

/**
 * tanh for FLOAT networks' forward passes on host buffers: a rational function in double precision that the JIT
 * vectorizes, rounded once to float. Within one unit in the last place of the correctly rounded float everywhere, and
 * equal to it for about 99% of inputs (FloatTanhTest sweeps the floats), where ND4J's own FLOAT tanh op is off by one
 * unit for about half of them; about a fifth of the op's time on a {@code [64, 64]} block (the op goes through
 * {@code pow} element by element; this is a few multiply-adds and one division per element, eight at a time).
 *
 * <p>The function: {@code x P(x²) / Q(x²)} with {@code x} clamped to ±{@value #SATURATION} (beyond it tanh rounds to
 * ±1 in float), {@code P} of degree 6 and {@code Q} of degree 4 with {@code Q(0) = 1}. The coefficients are a near
 * minimax fit of the relative error on {@code [0, 9.5]} (iteratively reweighted least squares at 40 digits,
 * {@code docs/tanh-fit.py}): relative error at most 1.8e-10 before rounding, a three-hundredth of float's half unit. Odd by
 * construction ({@code -0} stays {@code -0}), NaN stays NaN, ±∞ gives ±1, and no value exceeds 1 in magnitude.
 *
 * <p>Not for DOUBLE networks: the fit is as exact as float needs, no more; they keep ND4J's op.
 */
final class FloatTanh {

    /** The clamp: float tanh is ±1 from ±9.0109 on; the fit runs a little further, so the clamp lands on ±1. */
    static final double SATURATION = 9.5;

    private static final double P0 = 0.99999999983241594757;
    private static final double P1 = 0.13838616550880142771;
    private static final double P2 = 0.004072038217000828799;
    private static final double P3 = 0.000032509787577857751914;
    private static final double P4 = 4.4224076686777998172e-8;
    private static final double P5 = -2.9767476954515825677e-11;
    private static final double P6 = 2.312868998181418507e-14;
    private static final double Q1 = 0.47171949707217099388;
    private static final double Q2 = 0.02797854032923517442;
    private static final double Q3 = 0.0004310085339492408491;
    private static final double Q4 = 1.6320058667567116966e-6;

    private FloatTanh() {
    }

    /**
     * Replaces {@code x[i]} by tanh of it for {@code i < n}; the values are floats widened to double, and the results
     * are meant to be rounded to float (as {@link Flat#write} does for a FLOAT buffer).
     */
    static void applyInPlace(double[] x, int n) {
        for (int i = 0; i < n; i++) {
            double v = Math.max(-SATURATION, Math.min(SATURATION, x[i]));
            double s = v * v;
            double p = ((((((P6 * s + P5) * s + P4) * s + P3) * s + P2) * s + P1) * s + P0) * v;
            double q = (((Q4 * s + Q3) * s + Q2) * s + Q1) * s + 1;
            x[i] = p / q;
        }
    }

    /** tanh of one float, by the same function: {@code (float)} of {@link #applyInPlace}'s result. */
    static float of(float x) {
        double[] one = {x};
        applyInPlace(one, 1);
        return (float) one[0];
    }
}
