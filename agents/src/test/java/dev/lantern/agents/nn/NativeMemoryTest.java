package dev.lantern.agents.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lantern.environments.random.Rng;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The acting path that leaves no native memory behind gives the numbers of the path it replaced, bit for bit, and
 * releasing frees only arrays that own their buffer.
 */
class NativeMemoryTest {

    @Test
    void outputsMatchOutputOfABatchBitForBit() {
        for (DataType type : new DataType[] {DataType.FLOAT, DataType.DOUBLE}) {
            ActorCriticNet net = ActorCriticNet.create(20, 4, new int[] {16, 8}, 1e-3, 0, 7, type);
            Rng rng = new Rng(3);
            for (int rows : new int[] {1, 5, 5, 12, 1}) { // repeated sizes reuse their input buffer
                float[] obs = new float[rows * 20 + 3]; // longer than needed: only the first rows count
                for (int i = 0; i < obs.length; i++) {
                    obs[i] = rng.nextDouble() < 0.3 ? 1f : (float) rng.nextDouble();
                }
                INDArray[] reference = net.output(net.batch(obs, rows));
                double[][] fast = net.outputs(obs, rows);
                assertEquals(reference.length, fast.length);
                for (int h = 0; h < fast.length; h++) {
                    assertArrayEquals(reference[h].dup('c').data().asDouble(), fast[h], 0.0, type + " head " + h);
                }
            }
        }
    }

    @Test
    void releaseFreesOwnedBuffersAndLeavesViewsAlone() {
        INDArray owned = Nd4j.create(DataType.FLOAT, 3, 4);
        INDArray parent = Nd4j.create(DataType.FLOAT, 3, 4);
        INDArray view = parent.getRow(1);
        NativeMemory.release(owned, view, null, owned); // twice, a view and a null: no error
        assertFalse(owned.closeable(), "released");
        assertTrue(parent.closeable(), "a view's parent keeps its buffer");
        parent.getRow(1).assign(2f);
        assertEquals(8.0, parent.sumNumber().doubleValue(), 0.0);
        assertArrayEquals(new double[] {1, 2, 3}, NativeMemory.toDoubles(Nd4j.createFromArray(1f, 2f, 3f)), 0.0);
    }
}
