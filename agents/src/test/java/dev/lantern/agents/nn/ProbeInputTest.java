package dev.lantern.agents.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * {@link ProbeInput} on a batch small enough to work out by hand: its active columns, distinct rows and residual, and
 * the first layer's pre-activation and gradient it computes from them, against {@code X W + b} and {@code Xᵀ δ}
 * written out.
 */
class ProbeInputTest {

    // 4 rows, 4 inputs; input 3 is zero in every row; rows 0 and 2 are the same
    private static final double[] X = {
        1, 0, 0, 0,
        1, 1, 0, 0,
        1, 0, 0, 0,
        1, 0, 2, 0,
    };

    @Test
    void distinctRowsAndActiveColumns() {
        ProbeInput in = new ProbeInput(X, 4, 4);
        assertArrayEquals(new int[] {0, 1, 2}, in.active());
        assertEquals(3, in.unique());
        assertArrayEquals(new int[] {0, 1, 0, 2}, new int[] {in.distinct(0), in.distinct(1), in.distinct(2),
            in.distinct(3)});
        // the common row is (1, 0, 0): row 1 differs in input 1, row 3 in input 2
        assertEquals(2, in.residualNonZeros());
    }

    @Test
    void preActivationIsXWPlusB() {
        ProbeInput in = new ProbeInput(X, 4, 4);
        // 2 neurons; weights neuron-major over the active inputs 0, 1, 2
        double[] w = {0.5, -1, 2, 1, 3, -0.5};
        double[] b = {0.1, -0.2};
        double[] z = new double[2 * 4];
        in.preActivation(w, b, z, 4);
        // distinct rows (1,0,0), (1,1,0), (1,0,2): neuron 0 = 0.5 + 0.1, 0.5 - 1 + 0.1, 0.5 + 4 + 0.1; the padding
        // entry is the common row's
        assertArrayEquals(new double[] {0.6, -0.4, 4.6, 0.6, 0.8, 3.8, -0.2, 0.8}, z, 1e-15);
    }

    @Test
    void weightGradientIsXTransposedDelta() {
        ProbeInput in = new ProbeInput(X, 4, 4);
        // dLoss/dz per distinct row, neuron-major with stride 4; the padding entries (99, 7) must be ignored
        double[] dz = {1.0, 0.5, -2, 99, 0.25, -1, 3, 7};
        double[] dw = new double[1 + 6];
        double[] db = new double[2 + 1];
        in.weightGradient(dz, 4, 2, dw, 1, db, 1);
        // db = Σ_u δ; dW(j, m) = Σ_u x_u,j δ_u,m: input 0 is 1 in every row, input 1 only in row (1,1,0), input 2 is 2
        // only in row (1,0,2)
        assertArrayEquals(new double[] {0, -0.5, 2.25}, db, 1e-15);
        assertArrayEquals(new double[] {0, -0.5, 0.5, -4, 2.25, -1, 6}, dw, 1e-15);
    }
}
