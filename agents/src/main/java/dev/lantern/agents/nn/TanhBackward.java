package dev.lantern.agents.nn;

import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * tanh's backward, {@code dz = da (1 − a a)} in the network's own type (float or double arithmetic, in that order), from
 * the activations {@code a} the forward pass stored: bit for bit what ND4J's {@code TanhDerivative} op (tanh_bp)
 * writes, which evaluates tanh again from the pre-activation (ND4J's tanh goes through {@code pow}: about 10 ns an
 * element on one core, as much as a layer's product at these sizes) and then the same expression. TanhBackwardTest
 * checks the equality against the op. Works on host buffers ({@link DensePass}'s training backward).
 */
final class TanhBackward {

    private final GraphBuffers.View activations = new GraphBuffers.View();
    private final GraphBuffers.View epsilon = new GraphBuffers.View();
    private final GraphBuffers.View out = new GraphBuffers.View();

    /**
     * Writes {@code dz[i] = da[i] (1 − a[i]²)} for the first {@code n} elements of the three buffers; the arrays are
     * root arrays of one type (the activations' first {@code n} elements are the tanh outputs, as in an {@code 'f'}
     * block whose extra columns come last).
     */
    void apply(INDArray a, INDArray da, INDArray dz, int n) {
        if (a.offset() != 0 || da.offset() != 0 || dz.offset() != 0 || a.dataType() != da.dataType()
                || a.dataType() != dz.dataType()) {
            throw new IllegalArgumentException("expected root arrays of one type, got offsets " + a.offset() + ", "
                    + da.offset() + ", " + dz.offset() + " and types " + a.dataType() + ", " + da.dataType() + ", "
                    + dz.dataType());
        }
        if (a.dataType() == DataType.FLOAT) {
            FloatBuffer av = (FloatBuffer) activations.of(a);
            FloatBuffer dv = (FloatBuffer) epsilon.of(da);
            FloatBuffer zv = (FloatBuffer) out.of(dz);
            for (int i = 0; i < n; i++) {
                float t = av.get(i);
                zv.put(i, dv.get(i) * (1f - t * t));
            }
        } else {
            DoubleBuffer av = (DoubleBuffer) activations.of(a);
            DoubleBuffer dv = (DoubleBuffer) epsilon.of(da);
            DoubleBuffer zv = (DoubleBuffer) out.of(dz);
            for (int i = 0; i < n; i++) {
                double t = av.get(i);
                zv.put(i, dv.get(i) * (1d - t * t));
            }
        }
    }
}
