package dev.lantern.agents.train;

import org.bytedeco.javacpp.Pointer;

/**
 * Keeps the training process's resident memory flat by collecting, between iterations, the native memory that
 * ND4J and DL4J tie to short-lived Java objects. The learners release every buffer they make themselves
 * ({@code agents.nn.NativeMemory}), but a DL4J {@code output()} call also leaves about 9 KB of native bookkeeping
 * (op contexts, buffer descriptors, array views) that only the garbage collector frees; with a large heap and little
 * other garbage the collector runs so seldom that this grew RSS by about 1 KB per environment step. When RSS has
 * grown {@value #MARGIN_MIB} MiB past its level after the last collection, {@link #afterIteration} asks for one
 * ({@code System.gc()}, which also lets the heap shrink back) and takes the new level. Training results do not depend
 * on it: it runs between iterations and changes no state a learner reads.
 */
final class NativeGarbage {

    /** Growth of RSS, in MiB, that triggers a collection. */
    static final long MARGIN_MIB = 32;

    private long level = -1;
    private long collections;

    /** Collects if RSS has grown {@value #MARGIN_MIB} MiB past its last level; called after every iteration. */
    void afterIteration() {
        long rss = Pointer.physicalBytes();
        if (level < 0) {
            level = rss;
        } else if (rss > level + (MARGIN_MIB << 20)) {
            System.gc();
            collections++;
            level = Pointer.physicalBytes();
        }
    }

    /** Collections asked for so far. */
    long collections() {
        return collections;
    }
}
