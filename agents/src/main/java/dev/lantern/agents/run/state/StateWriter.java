package dev.lantern.agents.run.state;

import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Writes an agent's (or recorder's) state into a checkpoint as a sequence of named sections of typed values, read
 * back in the same order by {@link StateReader}. Section names are checked on reading, so a checkpoint from another
 * agent or configuration is reported by name instead of being misread.
 *
 * <p>Binary, big-endian (Java's {@link DataOutputStream}); doubles and floats are written as their exact bits.
 */
public final class StateWriter implements AutoCloseable {

    /** First four bytes of every state file. */
    static final int MAGIC = 0x4c4e5453; // "LNTS"
    /** Format version. */
    static final int VERSION = 1;

    private final DataOutputStream out;

    /** Writes to {@code stream} (which this writer closes). */
    public StateWriter(OutputStream stream) {
        this.out = new DataOutputStream(new java.io.BufferedOutputStream(stream, 1 << 16));
        try {
            out.writeInt(MAGIC);
            out.writeInt(VERSION);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts a section; the reader must ask for the same name at the same place. */
    public StateWriter section(String name) {
        return io(() -> {
            out.writeByte('S');
            out.writeUTF(name);
        });
    }

    /** One long. */
    public StateWriter writeLong(long v) {
        return io(() -> {
            out.writeByte('J');
            out.writeLong(v);
        });
    }

    /** One int. */
    public StateWriter writeInt(int v) {
        return io(() -> {
            out.writeByte('I');
            out.writeInt(v);
        });
    }

    /** One double, exactly. */
    public StateWriter writeDouble(double v) {
        return io(() -> {
            out.writeByte('D');
            out.writeLong(Double.doubleToRawLongBits(v));
        });
    }

    /** One boolean. */
    public StateWriter writeBoolean(boolean v) {
        return io(() -> {
            out.writeByte('Z');
            out.writeBoolean(v);
        });
    }

    /** A long array with its length. */
    public StateWriter writeLongs(long[] a) {
        return array('j', a.length, i -> out.writeLong(a[i]));
    }

    /** An int array with its length. */
    public StateWriter writeInts(int[] a) {
        return array('i', a.length, i -> out.writeInt(a[i]));
    }

    /** A double array with its length, exactly. */
    public StateWriter writeDoubles(double[] a) {
        return array('d', a.length, i -> out.writeLong(Double.doubleToRawLongBits(a[i])));
    }

    /** A float array with its length, exactly. */
    public StateWriter writeFloats(float[] a) {
        return array('f', a.length, i -> out.writeInt(Float.floatToRawIntBits(a[i])));
    }

    /** A boolean array with its length. */
    public StateWriter writeBooleans(boolean[] a) {
        return array('z', a.length, i -> out.writeBoolean(a[i]));
    }

    /** An ND4J array's values, exactly (float or double), in 'c' order, with its length; the shape is the reader's. */
    public StateWriter writeArray(INDArray a) {
        INDArray c = a.dup('c');
        if (c.dataType() == DataType.DOUBLE) {
            return writeDoubles(c.data().asDouble());
        }
        if (c.dataType() == DataType.FLOAT) {
            return writeFloats(c.data().asFloat());
        }
        throw new IllegalArgumentException("only FLOAT and DOUBLE arrays can be saved, got " + c.dataType());
    }

    /** A string. */
    public StateWriter writeString(String s) {
        return io(() -> {
            out.writeByte('s');
            out.writeUTF(s);
        });
    }

    @Override
    public void close() {
        io(() -> {
            out.writeByte('E');
            out.close();
        });
    }

    private interface IoAction {
        void run() throws IOException;
    }

    private interface IoElement {
        void write(int index) throws IOException;
    }

    /** An array: its tag, its length, then each element. */
    private StateWriter array(char tag, int length, IoElement element) {
        return io(() -> {
            out.writeByte(tag);
            out.writeInt(length);
            for (int i = 0; i < length; i++) {
                element.write(i);
            }
        });
    }

    private StateWriter io(IoAction a) {
        try {
            a.run();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write checkpoint state: " + e.getMessage(), e);
        }
        return this;
    }
}
