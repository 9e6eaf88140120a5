package dev.lantern.agents.nn;

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
