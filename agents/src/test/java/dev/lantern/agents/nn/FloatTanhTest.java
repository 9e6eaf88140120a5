package dev.lantern.agents.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.transforms.strict.Tanh;
import org.nd4j.linalg.factory.Nd4j;

/**
 * {@link FloatTanh} against the correctly rounded float of {@link Math#tanh} (double tanh within a few units of
 * 1e-16, then one rounding) over a sweep of float bit patterns from 0 to 12 (every 97th, 11 million values, with
 * their negatives): never more than one unit in the last place off, the correctly rounded value for at least 98% of
 * them, never beyond ±1, odd; the special values; and more often right than ND4J's own FLOAT tanh op.
 */
class FloatTanhTest {

    @Test
    void withinOneUlpOfTheCorrectlyRoundedTanhAndMostlyEqualToIt() {
        int last = Float.floatToRawIntBits(12f);
        long values = 0;
        long exact = 0;
        int worst = 0;
        float worstAt = 0;
        for (int bits = 0; bits <= last; bits += 97) {
            float x = Float.intBitsToFloat(bits);
            float got = FloatTanh.of(x);
            float want = (float) Math.tanh(x);
            int ulps = Math.abs(Float.floatToRawIntBits(got) - Float.floatToRawIntBits(want));
            if (ulps > worst) {
                worst = ulps;
                worstAt = x;
            }
            exact += ulps == 0 ? 1 : 0;
            values++;
            assertTrue(got <= 1f, "tanh(" + x + ") = " + got + " > 1");
            assertEquals(Float.floatToRawIntBits(-got), Float.floatToRawIntBits(FloatTanh.of(-x)), "odd at " + x);
        }
        assertTrue(worst <= 1, worst + " ulps at " + worstAt);
        double share = exact / (double) values;
        assertTrue(share >= 0.98, "correctly rounded for " + share + " of " + values + " values");
    }

    @Test
    void specialValues() {
        assertEquals(Float.floatToRawIntBits(0f), Float.floatToRawIntBits(FloatTanh.of(0f)));
        assertEquals(Float.floatToRawIntBits(-0f), Float.floatToRawIntBits(FloatTanh.of(-0f)));
        assertTrue(Float.isNaN(FloatTanh.of(Float.NaN)));
        assertEquals(1f, FloatTanh.of(Float.POSITIVE_INFINITY));
        assertEquals(-1f, FloatTanh.of(Float.NEGATIVE_INFINITY));
        assertEquals(1f, FloatTanh.of(9.0110f));
        assertEquals(1f, FloatTanh.of(1e30f));
        assertEquals(Float.MIN_VALUE, FloatTanh.of(Float.MIN_VALUE));
        assertEquals(1e-20f, FloatTanh.of(1e-20f));
        assertEquals((float) Math.tanh(9.0), FloatTanh.of(9f));
        assertEquals((float) Math.tanh(0.5), FloatTanh.of(0.5f));
    }

    /** Besides speed: ND4J's FLOAT op is off far more often on ordinary inputs (by several units near 0.06). */
    @Test
    void moreOftenCorrectlyRoundedThanTheOp() {
        int n = 1 << 16;
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = (i - n / 2) * (6f / n);
        }
        INDArray z = Nd4j.createFromArray(x);
        INDArray viaOp = Nd4j.create(DataType.FLOAT, n);
        Nd4j.getExecutioner().exec(new Tanh(z, viaOp));
        float[] op = viaOp.data().asFloat();
        int opWrong = 0;
        int ourWrong = 0;
        int opWorst = 0;
        for (int i = 0; i < n; i++) {
            float want = (float) Math.tanh(x[i]);
            opWrong += op[i] != want ? 1 : 0;
            ourWrong += FloatTanh.of(x[i]) != want ? 1 : 0;
            opWorst = Math.max(opWorst, Math.abs(Float.floatToRawIntBits(op[i]) - Float.floatToRawIntBits(want)));
        }
        assertTrue(ourWrong * 5 < opWrong, "off by a unit: ours " + ourWrong + ", the op " + opWrong + " of " + n);
        assertTrue(opWorst >= 1, "the op was exact everywhere: this comparison has nothing to show");
    }
}
