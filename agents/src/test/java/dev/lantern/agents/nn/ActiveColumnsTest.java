package dev.lantern.agents.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * {@link DensePass#setInput(float[])} (the active columns found straight from the floats,
 * {@code ActiveColumns.prepare(float[])}) gives the same bits as {@link DensePass#setInput(INDArray)} (through the
 * double values): the same choice of the sparse path, the same outputs and the same gradient, for float and double
 * networks, on one-hot rows with negative zeros and tiny values, and on dense rows.
 */
class ActiveColumnsTest {

    @Test
    void floatInputEqualsArrayInputBitForBit() {
        for (DataType type : new DataType[] {DataType.FLOAT, DataType.DOUBLE}) {
            int[] sparseSeen = new int[2];
            for (int trial = 0; trial < 6; trial++) {
                SplittableRandom rng = new SplittableRandom(trial);
                int batch = 1 + rng.nextInt(40);
                int inputs = 40;
                float[] obs = new float[batch * inputs];
                boolean dense = trial % 3 == 2;
                for (int b = 0; b < batch; b++) {
                    int agent = 8 + rng.nextInt(6);
                    for (int i = 0; i < inputs; i++) {
                        float v = dense ? (float) rng.nextDouble()
                                : i < 8 && i % 2 == 0 || i == agent ? 1f
                                : i == 20 && b % 3 == 0 ? 1e-40f // subnormal: an active column
                                : rng.nextInt(4) == 0 ? -0f : 0f; // negative zero: not active
                        obs[b * inputs + i] = v;
                    }
                }
                ActorCriticNet net = ActorCriticNet.create(inputs, 3, new int[] {6, 5}, 1e-2, 0, trial, type);
                DensePass pass = net.pass(batch);
                double[][] viaFloats = run(pass, net, obs, null);
                boolean sparse = pass.sparseInput();
                INDArray array = Nd4j.create(obs, new long[] {batch, inputs}, 'c').castTo(type);
                double[][] viaArray = run(pass, net, null, array);
                assertEquals(sparse, pass.sparseInput(), type + " trial " + trial);
                sparseSeen[sparse ? 1 : 0]++;
                for (int k = 0; k < viaFloats.length; k++) {
                    assertArrayEquals(viaArray[k], viaFloats[k], 0, type + " trial " + trial + " output " + k);
                }
            }
            assertTrue(sparseSeen[0] > 0 && sparseSeen[1] > 0, "both paths exercised: " + sparseSeen[0] + " dense, "
                    + sparseSeen[1] + " sparse");
        }
    }

    /** Forward and backward on one input; {logits, values, gradient}. */
    private static double[][] run(DensePass pass, ActorCriticNet net, float[] floats, INDArray array) {
        if (floats != null) {
            pass.setInput(floats);
        } else {
            pass.setInput(array);
        }
        int batch = pass.batchSize();
        double[] logits = new double[batch * 3];
        double[] values = new double[batch];
        pass.forward(logits, values);
        double[] dLogits = new double[batch * 3];
        double[] dValues = new double[batch];
        for (int i = 0; i < dLogits.length; i++) {
            dLogits[i] = Math.sin(i + 1);
        }
        for (int i = 0; i < batch; i++) {
            dValues[i] = Math.cos(i);
        }
        pass.backward(dLogits, dValues);
        return new double[][] {logits, values, net.gradient().dup().data().asDouble()};
    }
}
