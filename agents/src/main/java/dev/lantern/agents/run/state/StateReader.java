package dev.lantern.agents.run.state;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.IntFunction;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Reads back what a {@link StateWriter} wrote, in the same order. Every value is tagged with its type and every
 * section with its name, so reading the wrong thing (another agent's checkpoint, a different configuration, a
 * truncated file) fails with a {@link CheckpointFormatException} that says where, never with misread numbers.
 */
public final class StateReader implements AutoCloseable {

    private final DataInputStream in;
    private final String source;
    private String section = "(start)";

    /**
     * Reads from {@code stream} (which this reader closes).
     *
     * @param source names the file in error messages
     * @throws CheckpointFormatException if the stream does not start like a state file
     */
    public StateReader(InputStream stream, String source) {
        this.in = new DataInputStream(new java.io.BufferedInputStream(stream, 1 << 16));
        this.source = source;
        try {
            int magic = in.readInt();
            int version = in.readInt();
            if (magic != StateWriter.MAGIC) {
                throw fail("not a Lantern state file");
            }
            if (version != StateWriter.VERSION) {
                throw fail("state format version " + version + ", this Lantern reads version " + StateWriter.VERSION);
            }
        } catch (IOException e) {
            throw fail("cannot read header: " + e);
        }
    }

    /**
     * Enters section {@code name}.
     *
     * @throws CheckpointFormatException if the next thing in the file is not that section
     */
    public StateReader section(String name) {
        String found = readTagged('S', "section '" + name + "'", d -> d.readUTF());
        if (!found.equals(name)) {
            throw fail("expected section '" + name + "', found section '" + found + "'");
        }
        section = name;
        return this;
    }

    /** Reads one long. */
    public long readLong() {
        return readTagged('J', "a long", DataInputStream::readLong);
    }

    /** Reads one int. */
    public int readInt() {
        return readTagged('I', "an int", DataInputStream::readInt);
    }

    /** Reads one int and checks that it equals {@code expected} ({@code what} names it in the error). */
    public int expectInt(int expected, String what) {
        int v = readInt();
        if (v != expected) {
            throw fail(what + " is " + v + " in the checkpoint but " + expected + " in this run");
        }
        return v;
    }

    /** Reads one double. */
    public double readDouble() {
        return Double.longBitsToDouble(readTagged('D', "a double", DataInputStream::readLong));
    }

    /** Reads one boolean. */
    public boolean readBoolean() {
        return readTagged('Z', "a boolean", DataInputStream::readBoolean);
    }

    /** Reads a string. */
    public String readString() {
        return readTagged('s', "a string", d -> d.readUTF());
    }

    /** Reads a long array. */
    public long[] readLongs() {
        return readArray('j', "a long array", long[]::new, (d, a, i) -> a[i] = d.readLong());
    }

    /** Reads an int array. */
    public int[] readInts() {
        return readArray('i', "an int array", int[]::new, (d, a, i) -> a[i] = d.readInt());
    }

    /** Reads a double array. */
    public double[] readDoubles() {
        return readArray('d', "a double array", double[]::new, (d, a, i) -> a[i] = Double.longBitsToDouble(d.readLong()));
    }

    /** Reads a float array. */
    public float[] readFloats() {
        return readArray('f', "a float array", float[]::new, (d, a, i) -> a[i] = Float.intBitsToFloat(d.readInt()));
    }

    /** Reads a boolean array. */
    public boolean[] readBooleans() {
        return readArray('z', "a boolean array", boolean[]::new, (d, a, i) -> a[i] = d.readBoolean());
    }

    /** Reads an array of exactly {@code expectedLength} doubles ({@code what} names it in the error). */
    public double[] readDoubles(int expectedLength, String what) {
        double[] a = readDoubles();
        checkLength(a.length, expectedLength, what);
        return a;
    }

    /** Reads an array of exactly {@code expectedLength} floats ({@code what} names it in the error). */
    public float[] readFloats(int expectedLength, String what) {
        float[] a = readFloats();
        checkLength(a.length, expectedLength, what);
        return a;
    }

    /** Reads an array of exactly {@code expectedLength} ints ({@code what} names it in the error). */
    public int[] readInts(int expectedLength, String what) {
        int[] a = readInts();
        checkLength(a.length, expectedLength, what);
        return a;
    }

    /** Reads values written by {@link StateWriter#writeArray} into {@code target} (same length and data type). */
    public void readArrayInto(INDArray target, String what) {
        long n = target.length();
        if (target.dataType() == DataType.DOUBLE) {
            double[] a = readDoubles((int) n, what);
            target.assign(Nd4j.create(a, target.shape(), 'c'));
        } else if (target.dataType() == DataType.FLOAT) {
            float[] a = readFloats((int) n, what);
            target.assign(Nd4j.create(a, target.shape(), 'c'));
        } else {
            throw new IllegalArgumentException("only FLOAT and DOUBLE arrays can be restored, got " + target.dataType());
        }
    }

    /** Checks that the file ends here. */
    public void expectEnd() {
        readTagged('E', "the end of the state", d -> null);
    }

    @Override
    public void close() {
        try {
            in.close();
        } catch (IOException ignored) {
            // reading is over; nothing to lose
        }
    }

    /** A format error at the current place. */
    public CheckpointFormatException fail(String message) {
        return new CheckpointFormatException(source + ": section '" + section + "': " + message);
    }

    private void checkLength(int actual, int expected, String what) {
        if (actual != expected) {
            throw fail(what + " has " + actual + " values in the checkpoint but " + expected + " in this run");
        }
    }

    private static int length(DataInputStream d) throws IOException {
        int n = d.readInt();
        if (n < 0 || n > (1 << 30)) {
            throw new IOException("implausible array length " + n);
        }
        return n;
    }

    private interface Read<T> {
        T apply(DataInputStream in) throws IOException;
    }

    private interface ReadElement<T> {
        void apply(DataInputStream in, T array, int index) throws IOException;
    }

    /** An array: its tag, its length, then each element read into a new array of that length. */
    private <T> T readArray(char tag, String what, IntFunction<T> create, ReadElement<T> element) {
        return readTagged(tag, what, d -> {
            int n = length(d);
            T a = create.apply(n);
            for (int i = 0; i < n; i++) {
                element.apply(d, a, i);
            }
            return a;
        });
    }

    private <T> T readTagged(char tag, String what, Read<T> read) {
        try {
            int t = in.readByte();
            if (t != tag) {
                throw fail("expected " + what + ", found tag '" + (char) t + "'");
            }
            return read.apply(in);
        } catch (EOFException e) {
            throw fail("file ends where " + what + " was expected (truncated)");
        } catch (IOException e) {
            throw fail("cannot read " + what + ": " + e.getMessage());
        }
    }
}
