package dev.lantern.agents.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * {@link ActorCriticNet#clipAndUpdate} (Java loops, {@link AdamStep}) gives the parameters and updater state of DL4J's
 * path (clip the buffer, then {@link ActorCriticNet#applyUpdate} through the graph's Adam updater), with the
 * learning-rate schedule and with and without clipping: to 1e-12 relative in double, to float rounding in float.
 */
class AdamStepTest {

    @Test
    void doubleMatchesDl4jAdam() {
        assertTrue(maxRelativeDifference(DataType.DOUBLE) < 1e-12);
    }

    @Test
    void floatMatchesDl4jAdam() {
        assertTrue(maxRelativeDifference(DataType.FLOAT) < 1e-5);
    }

    /**
     * The float step on the buffers equals, bit for bit, the arithmetic it replaced (copies of the vectors, clipping in
     * its own pass, the update over every entry; {@link #referenceStep}), on gradients with exact zeros (+0 and −0)
     * over zero and non-zero moments, with clipping and without, including the entries the step skips.
     */
    @Test
    void floatStepEqualsReferenceBitForBit() {
        ActorCriticNet net = ActorCriticNet.create(6, 3, new int[] {5, 4}, 1e-2, 0, 3, DataType.FLOAT);
        int n = (int) net.parameterCount();
        SplittableRandom rng = new SplittableRandom(11);
        int skipped = 0;
        for (int step = 0; step < 12; step++) {
            float[] g = new float[n];
            for (int i = 0; i < n; i++) {
                int kind = i % 4 == 0 ? 0 : rng.nextInt(4); // every fourth entry never gets a gradient
                g[i] = kind == 0 ? 0f : kind == 1 ? -0f : (float) ((rng.nextDouble() - 0.5) * (step % 3 == 0 ? 10 : 0.01));
            }
            net.flatGradient();
            net.gradient().assign(org.nd4j.linalg.factory.Nd4j.create(g, new long[] {1, n}, 'c'));
            float[] p = net.params().data().asFloat();
            float[] state = net.graph().getUpdater().getStateViewArray().data().asFloat();
            for (int i = 0; i < n; i++) {
                skipped += Float.floatToRawIntBits(g[i]) == 0 && state[i] == 0 && state[n + i] == 0 ? 1 : 0;
            }
            double maxNorm = step % 2 == 0 ? 0.5 : 0;
            int t = net.iterationCount();
            float alpha = (float) (1e-2 * Math.sqrt(1 - Math.pow(0.999, t + 1)) / (1 - Math.pow(0.9, t + 1)));
            double expectedNorm = referenceStep(g, p, state, maxNorm, alpha, 0.9f, 0.999f, 1e-8f);
            assertEquals(expectedNorm, net.clipAndUpdate(maxNorm), 0);
            assertArrayEquals(bits(p), bits(net.params().data().asFloat()), "parameters at step " + step);
            assertArrayEquals(bits(state), bits(net.graph().getUpdater().getStateViewArray().data().asFloat()),
                    "moments at step " + step);
            assertArrayEquals(bits(g), bits(net.gradient().data().asFloat()), "update at step " + step);
        }
        assertTrue(skipped > 0, "no entry exercised the skip");
    }

    /** The float step as AdamStep computed it before it worked on the buffers: the reference, in place. */
    private static double referenceStep(float[] g, float[] p, float[] state, double maxNorm, float alpha, float beta1,
            float beta2, float epsilon) {
        int n = g.length;
        double sum = 0;
        for (int i = 0; i < n; i++) {
            double x = g[i];
            sum += x * x;
        }
        double norm = Math.sqrt(sum);
        float scale = maxNorm > 0 && norm > maxNorm ? (float) (maxNorm / norm) : 1f;
        if (scale != 1f) {
            for (int i = 0; i < n; i++) {
                g[i] *= scale;
            }
        }
        for (int i = 0; i < n; i++) {
            float grad = g[i];
            float m = beta1 * state[i] + grad * (1f - beta1);
            float v = beta2 * state[n + i] + grad * grad * (1f - beta2);
            float update = m * alpha / ((float) Math.sqrt(v) + epsilon);
            state[i] = m;
            state[n + i] = v;
            g[i] = update;
            p[i] -= update;
        }
        return norm;
    }

    private static int[] bits(float[] values) {
        int[] out = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = Float.floatToRawIntBits(values[i]);
        }
        return out;
    }

    private static double maxRelativeDifference(DataType type) {
        ActorCriticNet viaDl4j = ActorCriticNet.create(6, 3, new int[] {5, 4}, 1e-2, 20, 3, type);
        ActorCriticNet viaJava = viaDl4j.copy();
        assertTrue(AdamStep.supports(viaJava.graph()) || viaJava.graph().getGradientsViewArray() == null);
        SplittableRandom rng = new SplittableRandom(8);
        double worst = 0;
        for (int step = 0; step < 8; step++) {
            double[] g = new double[(int) viaDl4j.parameterCount()];
            double size = step % 2 == 0 ? 0.01 : 10; // odd steps are clipped to norm 0.5
            for (int i = 0; i < g.length; i++) {
                g[i] = (rng.nextDouble() - 0.5) * size;
            }
            INDArray grad = org.nd4j.linalg.factory.Nd4j.create(g, new long[] {1, g.length}, 'c').castTo(type);
            viaDl4j.flatGradient();
            viaDl4j.gradient().assign(grad);
            double norm = viaDl4j.gradient().norm2Number().doubleValue();
            if (norm > 0.5) {
                viaDl4j.gradient().muli(0.5 / norm);
            }
            viaDl4j.applyUpdate(viaDl4j.flatGradient());
            viaJava.flatGradient();
            viaJava.gradient().assign(grad);
            assertTrue(AdamStep.supports(viaJava.graph()));
            double javaNorm = viaJava.clipAndUpdate(0.5);
            assertEquals(norm, javaNorm, norm * (type == DataType.DOUBLE ? 1e-12 : 1e-5));
            worst = Math.max(worst, relative(viaDl4j.params(), viaJava.params()));
            worst = Math.max(worst, relative(viaDl4j.graph().getUpdater().getStateViewArray(),
                    viaJava.graph().getUpdater().getStateViewArray()));
        }
        assertEquals(viaDl4j.iterationCount(), viaJava.iterationCount());
        assertEquals(viaDl4j.learningRate(), viaJava.learningRate(), 0);
        return worst;
    }

    private static double relative(INDArray expected, INDArray actual) {
        double[] a = expected.data().asDouble();
        double[] b = actual.data().asDouble();
        double scale = 0;
        double diff = 0;
        for (int i = 0; i < a.length; i++) {
            scale = Math.max(scale, Math.abs(a[i]));
            diff = Math.max(diff, Math.abs(a[i] - b[i]));
        }
        return diff / scale;
    }
}
