package dev.lantern.agents.nn;

import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Deterministic release of ND4J's native buffers. An INDArray made outside a workspace ({@code Nd4j.create}, a
 * {@code dup}, a network's output) holds native memory that ND4J otherwise frees only when the garbage collector finds
 * the Java object unreachable; the object itself is small, so a large heap with little other garbage lets such buffers
 * pile up by the gigabyte (a PPO run allocated about 4.5 KB of them per environment step). The training loops release
 * every temporary they make, right after its last use, through these methods.
 */
public final class NativeMemory {

    private NativeMemory() {
    }

    /**
     * Frees the native buffer of each array now, if it owns one: arrays that are views, live in a workspace, are
     * constants or were released already are left alone, and null entries are skipped. None of the arrays may be
     * used afterwards (nor any view of them).
     */
    public static void release(INDArray... arrays) {
        for (INDArray a : arrays) {
            if (a != null && a.closeable()) {
                a.close();
            }
        }
    }

    /**
     * {@link #release} of every value of {@code activations} (a forward pass's activations by layer name) but
     * {@code input}: the training forward pass returns the caller's input array itself under the input's name, and
     * the caller may still need it (a probe's fixed batch).
     */
    public static void releaseAllBut(Map<String, INDArray> activations, INDArray input) {
        for (INDArray a : activations.values()) {
            if (a != input) {
                release(a);
            }
        }
    }

    /**
     * The values of {@code array} in double precision, in row-major order ({@code dup('c')} then read, the copy released);
     * {@code array} itself is left as it is.
     */
    public static double[] toDoubles(INDArray array) {
        INDArray c = array.dup('c');
        try {
            return c.data().asDouble();
        } finally {
            release(c);
        }
    }
}
