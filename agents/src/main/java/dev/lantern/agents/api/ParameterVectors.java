package dev.lantern.agents.api;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Copies between a flat parameter-shaped array ({@code [1, n]} or {@code [n]}, a root array of FLOAT or DOUBLE) and a
 * Java {@code double[]}, the way the {@link ComputePath} in force allows: through the array's host buffer on
 * {@link ComputePath#HOST_BUFFERS} (one bulk copy, no allocation), through ND4J ops on {@link ComputePath#ND4J_OPS}
 * (which a device backend keeps in step with the device). Both round doubles to floats the same way (to nearest).
 */
public final class ParameterVectors {

    private ParameterVectors() {
    }

    /**
     * Writes {@code values[0, n)} into {@code target}, rounded to its data type.
     *
     * @param scratch {@code [n]} reused for a FLOAT target on the host path; may be null for a DOUBLE one
     */
    public static void write(double[] values, INDArray target, float[] scratch) {
        int n = (int) target.length();
        if (!ComputePath.select().hostBuffers()) {
            INDArray d = Nd4j.create(values, new long[] {1, n}, 'c');
            target.assign(d.reshape(target.shape()));
            d.close();
            return;
        }
        if (target.dataType() == DataType.FLOAT) {
            for (int i = 0; i < n; i++) {
                scratch[i] = (float) values[i];
            }
            target.data().asNioFloat().put(0, scratch, 0, n);
        } else {
            target.data().asNioDouble().put(0, values, 0, n);
        }
    }

    /**
     * Reads {@code source} into {@code out[0, n)} in double precision.
     *
     * @param scratch {@code [n]} reused for a FLOAT source on the host path; may be null for a DOUBLE one
     */
    public static void read(INDArray source, double[] out, float[] scratch) {
        int n = (int) source.length();
        if (!ComputePath.select().hostBuffers()) {
            INDArray c = source.dup('c');
            INDArray d = c.dataType() == DataType.DOUBLE ? c : c.castTo(DataType.DOUBLE);
            System.arraycopy(d.data().asDouble(), 0, out, 0, n);
            c.close();
            if (d != c) {
                d.close();
            }
            return;
        }
        if (source.dataType() == DataType.FLOAT) {
            source.data().asNioFloat().get(0, scratch, 0, n);
            for (int i = 0; i < n; i++) {
                out[i] = scratch[i];
            }
        } else {
            source.data().asNioDouble().get(0, out, 0, n);
        }
    }
}
