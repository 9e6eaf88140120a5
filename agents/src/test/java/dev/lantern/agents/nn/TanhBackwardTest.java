package dev.lantern.agents.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.transforms.gradient.TanhDerivative;
import org.nd4j.linalg.api.ops.impl.transforms.strict.Tanh;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * {@link TanhBackward} from the stored activations writes exactly the bits of ND4J's {@code TanhDerivative} op from the
 * pre-activations, in float and in double, on blocks laid out as {@link DensePass} lays them out (activations in an
 * {@code 'f'} block with a ones column after them), over saturated, ordinary and tiny pre-activations and signed zeros.
 */
class TanhBackwardTest {

    @Test
    void floatEqualsTheOpBitForBit() {
        compare(DataType.FLOAT);
    }

    @Test
    void doubleEqualsTheOpBitForBit() {
        compare(DataType.DOUBLE);
    }

    private static void compare(DataType type) {
        SplittableRandom rng = new SplittableRandom(type == DataType.FLOAT ? 5 : 6);
        TanhBackward backward = new TanhBackward();
        for (int trial = 0; trial < 40; trial++) {
            int rows = 1 + rng.nextInt(260);
            int cols = 1 + rng.nextInt(70);
            int n = rows * cols;
            double scale = new double[] {20, 3, 0.5, 1e-4}[trial % 4];
            double[] z = new double[n];
            double[] da = new double[n];
            for (int i = 0; i < n; i++) {
                z[i] = (rng.nextDouble() - 0.5) * scale;
                da[i] = (rng.nextDouble() - 0.5) * Math.pow(10, rng.nextInt(8) - 6);
            }
            z[0] = 0;
            z[n - 1] = -0.0;
            INDArray zArr = Nd4j.create(z, new long[] {rows, cols}, 'f').castTo(type);
            INDArray daArr = Nd4j.create(da, new long[] {rows, cols}, 'f').castTo(type);
            INDArray aAug = Nd4j.create(type, new long[] {rows, cols + 1}, 'f');
            aAug.getColumn(cols).assign(1);
            INDArray a = aAug.get(NDArrayIndex.all(), NDArrayIndex.interval(0, cols));
            Nd4j.getExecutioner().exec(new Tanh(zArr, a));
            INDArray viaOp = Nd4j.create(type, new long[] {rows, cols}, 'f');
            Nd4j.getExecutioner().exec(new TanhDerivative(zArr, daArr, viaOp));
            INDArray viaJava = Nd4j.create(type, new long[] {rows, cols}, 'f');
            backward.apply(aAug, daArr, viaJava, n);
            String label = type + " " + rows + " x " + cols + " at scale " + scale;
            if (type == DataType.FLOAT) {
                assertArrayEquals(floatBits(viaOp), floatBits(viaJava), label);
            } else {
                assertArrayEquals(viaOp.data().asDouble(), viaJava.data().asDouble(), 0, label);
                assertArrayEquals(doubleBits(viaOp), doubleBits(viaJava), label);
            }
        }
    }

    private static int[] floatBits(INDArray x) {
        float[] v = x.data().asFloat();
        int[] out = new int[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = Float.floatToRawIntBits(v[i]);
        }
        return out;
    }

    private static long[] doubleBits(INDArray x) {
        double[] v = x.data().asDouble();
        long[] out = new long[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = Double.doubleToRawLongBits(v[i]);
        }
        return out;
    }
}
