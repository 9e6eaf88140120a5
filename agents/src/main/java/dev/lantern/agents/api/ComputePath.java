package dev.lantern.agents.api;

import java.util.Locale;
import java.util.concurrent.atomic.LongAdder;
import org.nd4j.linalg.factory.Nd4j;

/**
 * How Lantern's training and analysis touch a network's numbers: through plain Java loops over host buffers (the fast
 * pass), or through ND4J ops and DL4J's own graph calls only. One choice per JVM, made from the ND4J backend and the
 * request {@value #PROPERTY} (system property) or {@value #ENV} (environment variable): {@code auto} (the default),
 * {@code host} or {@code nd4j}.
 *
 * <p>Why there is a choice: the fast pass ({@code nn.DensePass}, {@code ActiveColumns}, {@code AdamStep}, the input copies
 * of {@code nn.GraphNetwork.outputs} and of {@link ParameterVectors}) reads and writes an array's {@code DataBuffer} through
 * {@code asNioFloat()}/{@code asNioDouble()}. On nd4j-native that is the array itself. On ND4J's CUDA backend it is
 * the host copy: reading it first copies device to host, but writing it does not mark the host copy as newer, so the
 * next op on the device reads the old values (parameters Adam never moved, a gradient never written). On a non-CPU
 * backend {@code auto} therefore takes {@link #ND4J_OPS}, and asking for {@code host} there is refused. The code that
 * needs host buffers checks {@link #requireHostBuffers} first, so a path that forgot to ask fails loudly instead of
 * computing stale numbers.
 *
 * <p>Both paths compute the same losses, gradients and Adam steps; they differ by floating-point rounding only (the
 * fast pass sums in another order). Runs are bit-for-bit reproducible within a path, not across paths; the path of a
 * run is recorded in its manifest ({@code nn.Backend.describe}).
 */
public enum ComputePath {

    /** Java loops and gemm calls on host buffers: the fast pass and Java Adam. Correct on nd4j-native only. */
    HOST_BUFFERS,
    /** ND4J ops and DL4J's graph calls ({@code feedForward}, {@code backpropGradient}, its updater): any backend. */
    ND4J_OPS;

    /** The system property that asks for a path: {@code auto}, {@code host} or {@code nd4j}. */
    public static final String PROPERTY = "lantern.computePath";
    /** The environment variable read when {@link #PROPERTY} is unset. */
    public static final String ENV = "LANTERN_COMPUTE_PATH";

    private static volatile Boolean cpuBackend;
    /** The last decision, keyed by the raw property it was made for (the environment cannot change in a JVM). */
    private static volatile Decision last;
    private final LongAdder taken = new LongAdder();

    /** True for {@link #HOST_BUFFERS}: the caller may take its fast path. */
    public boolean hostBuffers() {
        return this == HOST_BUFFERS;
    }

    /** The path in force: the request ({@link #request()}) applied to the backend of this JVM ({@link #choose}). */
    public static ComputePath current() {
        // Asked at every acting step: one property lookup, no parsing, unless the property changed.
        String raw = System.getProperty(PROPERTY);
        Decision d = last;
        if (d == null || !java.util.Objects.equals(raw, d.rawProperty())) {
            d = new Decision(raw, choose(request(), isCpuBackend()));
            last = d;
        }
        return d.path();
    }

    private record Decision(String rawProperty, ComputePath path) {
    }

    /**
     * {@link #current()}, counted as one decision of a training or analysis step ({@link #taken()}): every place that
     * can take either path asks through this.
     */
    public static ComputePath select() {
        ComputePath path = current();
        path.taken.increment();
        return path;
    }

    /** Decisions that chose this path ({@link #select}) since the JVM started or since {@link #resetCounts}. */
    public long taken() {
        return taken.sum();
    }

    /** Sets {@link #taken()} of both paths to zero. */
    public static void resetCounts() {
        for (ComputePath p : values()) {
            p.taken.reset();
        }
    }

    /**
     * Fails unless the path in force is {@link #HOST_BUFFERS}: called by the code that reads or writes host buffers
     * directly, before it does.
     *
     * @param who what is about to touch host buffers, for the message
     * @throws IllegalStateException naming {@code who}, the path and the backend
     */
    public static void requireHostBuffers(String who) {
        ComputePath path = current();
        if (!path.hostBuffers()) {
            throw new IllegalStateException(who + " works on host buffers, but the compute path is " + path
                    + " (backend " + Nd4j.getBackend().getClass().getSimpleName() + ", " + reason()
                    + "): its caller must take the ND4J op path");
        }
    }

    /** The request: {@value #PROPERTY} if set, else {@value #ENV} if set, else {@code auto}; trimmed, lower case. */
    public static String request() {
        String v = System.getProperty(PROPERTY);
        if (v == null || v.isBlank()) {
            v = System.getenv(ENV);
        }
        return v == null || v.isBlank() ? "auto" : v.trim().toLowerCase(Locale.ROOT);
    }

    /** Where {@link #request()} comes from: {@code PROPERTY=value}, {@code ENV=value}, or {@code auto} (neither set). */
    private static String requestSource() {
        String p = System.getProperty(PROPERTY);
        if (p != null && !p.isBlank()) {
            return PROPERTY + "=" + p.trim();
        }
        String e = System.getenv(ENV);
        return e != null && !e.isBlank() ? ENV + "=" + e.trim() : "auto";
    }

    /**
     * What is wrong with the request, checked without loading ND4J, or null if it is one of {@code auto}, {@code host},
     * {@code nd4j} (whether {@code host} is possible depends on the backend: {@link #choose}).
     */
    public static String requestProblem() {
        String r = request();
        return r.equals("auto") || r.equals("host") || r.equals("nd4j") ? null
                : requestSource() + ": the compute path must be auto, host or nd4j";
    }

    /**
     * The path for a request on a backend: {@code auto} takes {@link #HOST_BUFFERS} on a CPU backend and
     * {@link #ND4J_OPS} on any other; {@code host} and {@code nd4j} take that path.
     *
     * @param request    {@code auto}, {@code host} or {@code nd4j}
     * @param cpuBackend whether ND4J's backend runs on the CPU ({@code Environment.isCPU()})
     * @throws IllegalArgumentException for another request, or for {@code host} on a non-CPU backend
     */
    public static ComputePath choose(String request, boolean cpuBackend) {
        switch (request) {
            case "auto":
                return cpuBackend ? HOST_BUFFERS : ND4J_OPS;
            case "nd4j":
                return ND4J_OPS;
            case "host":
                if (!cpuBackend) {
                    throw new IllegalArgumentException(PROPERTY + "=host: the host-buffer fast pass is only correct on"
                            + " a CPU backend, and ND4J's backend here is not one (use auto or nd4j)");
                }
                return HOST_BUFFERS;
            default:
                throw new IllegalArgumentException(PROPERTY + " (or " + ENV + ") must be auto, host or nd4j, got '"
                        + request + "'");
        }
    }

    /** Why {@link #current()} is what it is, in words, for logs and manifests. */
    public static String reason() {
        String request = request();
        String backend = isCpuBackend() ? "a CPU backend" : "a non-CPU backend";
        return "auto".equals(request) ? "auto on " + backend : "asked for (" + requestSource() + ") on " + backend;
    }

    private static boolean isCpuBackend() {
        Boolean cpu = cpuBackend;
        if (cpu == null) {
            cpu = Nd4j.getEnvironment().isCPU();
            cpuBackend = cpu;
        }
        return cpu;
    }
}
