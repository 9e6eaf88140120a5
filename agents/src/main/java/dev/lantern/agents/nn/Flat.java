package dev.lantern.agents.nn;

import dev.lantern.agents.api.ComputePath;
import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import java.util.Arrays;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Element access, in doubles, to the whole buffer of a root array of FLOAT or DOUBLE: how {@link DensePass} and
 * {@link ActiveColumns} read and write parameters, gradients and their own buffers without an INDArray call per element.
 */
abstract class Flat {

    /**
     * Access to {@code array}'s buffer; it must be a root array (offset 0), and the compute path
     * {@link ComputePath#HOST_BUFFERS} (on a device backend, writes here would never reach the device).
     */
    static Flat of(INDArray array) {
        ComputePath.requireHostBuffers("direct buffer access (Flat)");
        if (array.offset() != 0 || array.data().length() < array.length()) {
            throw new IllegalStateException("expected a root array, got offset " + array.offset());
        }
        return array.dataType() == DataType.FLOAT ? new FlatFloats(array.data().asNioFloat())
                : new FlatDoubles(array.data().asNioDouble());
    }

    abstract double get(int i);

    abstract void put(int i, double v);

    /** Copies {@code length} values from index {@code from} into {@code dst[off...]}. */
    abstract void read(int from, double[] dst, int off, int length);

    /** Copies {@code src[off, off + length)} to index {@code to}. */
    abstract void write(int to, double[] src, int off, int length);

    /** Copies {@code src[off, off + length)} to index {@code to}. */
    abstract void write(int to, float[] src, int off, int length);

    void write(double[] src, int length) {
        write(0, src, 0, length);
    }

    abstract void zero(int from, int length);

    private static final class FlatFloats extends Flat {
        private final FloatBuffer buf;
        private float[] tmp = new float[0];

        FlatFloats(FloatBuffer buf) {
            this.buf = buf;
        }

        private float[] tmp(int n) {
            if (tmp.length < n) {
                tmp = new float[n];
            }
            return tmp;
        }

        @Override
        double get(int i) {
            return buf.get(i);
        }

        @Override
        void put(int i, double v) {
            buf.put(i, (float) v);
        }

        @Override
        void read(int from, double[] dst, int off, int length) {
            float[] t = tmp(length);
            buf.get(from, t, 0, length);
            for (int i = 0; i < length; i++) {
                dst[off + i] = t[i];
            }
        }

        @Override
        void write(int to, double[] src, int off, int length) {
            float[] t = tmp(length);
            for (int i = 0; i < length; i++) {
                t[i] = (float) src[off + i];
            }
            buf.put(to, t, 0, length);
        }

        @Override
        void write(int to, float[] src, int off, int length) {
            buf.put(to, src, off, length);
        }

        @Override
        void zero(int from, int length) {
            float[] t = tmp(length);
            Arrays.fill(t, 0, length, 0f);
            buf.put(from, t, 0, length);
        }
    }

    private static final class FlatDoubles extends Flat {
        private final DoubleBuffer buf;
        private double[] tmp = new double[0];

        FlatDoubles(DoubleBuffer buf) {
            this.buf = buf;
        }

        @Override
        double get(int i) {
            return buf.get(i);
        }

        @Override
        void put(int i, double v) {
            buf.put(i, v);
        }

        @Override
        void read(int from, double[] dst, int off, int length) {
            buf.get(from, dst, off, length);
        }

        @Override
        void write(int to, double[] src, int off, int length) {
            buf.put(to, src, off, length);
        }

        @Override
        void write(int to, float[] src, int off, int length) {
            if (tmp.length < length) {
                tmp = new double[length];
            }
            for (int i = 0; i < length; i++) {
                tmp[i] = src[off + i];
            }
            buf.put(to, tmp, 0, length);
        }

        @Override
        void zero(int from, int length) {
            if (tmp.length < length) {
                tmp = new double[length];
            }
            buf.put(from, tmp, 0, length);
        }
    }
}
