package dev.lantern.agents.nn;

import dev.lantern.agents.api.ComputePath;
import java.util.LinkedHashMap;
import java.util.Map;
import org.nd4j.linalg.factory.Nd4j;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sets up and describes the ND4J backend. Results depend on ND4J's thread count (DESIGN.md), so Lantern fixes it per
 * run: {@code LANTERN_THREADS} if set, else {@code OMP_NUM_THREADS}, else 1 — single-threaded ops are the fastest
 * for small networks on few cores and make runs reproducible. It also names the {@link ComputePath} in force, which
 * follows from the backend: logged once, when the backend is first configured, and recorded in {@link #describe()}.
 */
public final class Backend {

    private static final Logger LOG = LoggerFactory.getLogger(Backend.class);

    private static volatile boolean configured;

    private Backend() {
    }

    /**
     * Fixes ND4J's thread count (once per JVM) and returns it; the first call also logs the backend and the compute
     * path.
     *
     * @throws IllegalArgumentException if the compute path asked for is unknown or not possible here
     *         ({@link ComputePath#choose})
     */
    public static synchronized int configure() {
        int threads = requestedThreads();
        if (!configured) {
            Nd4j.getEnvironment().setMaxThreads(threads);
            Nd4j.getEnvironment().setMaxMasterThreads(threads);
            configured = true;
            LOG.info(summary());
        }
        return Nd4j.getEnvironment().maxThreads();
    }

    /**
     * One line naming the backend, whether it runs on the CPU, the compute path and why, and the thread count: the
     * first line of a log and of the benchmarks, e.g. {@code ND4J backend CpuBackend (CPU), compute path HOST_BUFFERS
     * (auto on a CPU backend), 1 thread}.
     */
    public static String summary() {
        int threads = Nd4j.getEnvironment().maxThreads();
        return "ND4J backend " + Nd4j.getBackend().getClass().getSimpleName() + " ("
                + (Nd4j.getEnvironment().isCPU() ? "CPU" : "not CPU") + "), compute path " + ComputePath.current() + " ("
                + ComputePath.reason() + "), " + threads + (threads == 1 ? " thread" : " threads");
    }

    /** The thread count asked for by the environment variables, 1 by default. */
    public static int requestedThreads() {
        for (String var : new String[] {"LANTERN_THREADS", "OMP_NUM_THREADS"}) {
            String v = System.getenv(var);
            if (v != null && !v.isBlank()) {
                try {
                    int n = Integer.parseInt(v.trim());
                    if (n > 0) {
                        return n;
                    }
                } catch (NumberFormatException ignored) {
                    // fall through to the next variable
                }
            }
        }
        return 1;
    }

    /**
     * Backend facts for manifests and {@code lantern doctor}: backend class, whether it runs on the CPU, the compute
     * path and why, data type, threads, BLAS.
     */
    public static Map<String, Object> describe() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("backend", Nd4j.getBackend().getClass().getSimpleName());
        m.put("cpu", Nd4j.getEnvironment().isCPU());
        m.put("computePath", ComputePath.current().toString());
        m.put("computePathReason", ComputePath.reason());
        m.put("defaultDataType", Nd4j.dataType().toString());
        m.put("threads", Nd4j.getEnvironment().maxThreads());
        m.put("masterThreads", Nd4j.getEnvironment().maxMasterThreads());
        m.put("ompNumThreads", String.valueOf(System.getenv("OMP_NUM_THREADS")));
        String blas = Nd4j.getEnvironment().blasMajorVersion() + "." + Nd4j.getEnvironment().blasMinorVersion() + "."
                + Nd4j.getEnvironment().blasPatchVersion();
        m.put("blas", blas.equals("0.0.0") ? "bundled (version not reported)" : blas);
        return m;
    }
}
