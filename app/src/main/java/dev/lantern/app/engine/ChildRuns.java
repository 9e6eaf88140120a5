package dev.lantern.app.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * Runs {@code lantern} subcommands as child processes, a given number at a time: what {@code lantern fork} and
 * {@code lantern sweep} use to train many runs at once. Each child is a fresh JVM on this one's class path
 * ({@code java -cp <class path> dev.lantern.app.cli.LanternCli <args>}) with {@code OMP_NUM_THREADS=1} (one ND4J thread
 * per op: fastest for small networks, and part of what makes runs reproducible), this JVM's collector and heap flags,
 * and its standard output and error in a log file of its own. Children still running when this JVM exits (a kill of the
 * parent, Ctrl-C) are destroyed, so none trains on unattended; a killed child leaves a run directory that
 * {@code lantern resume} continues.
 */
public final class ChildRuns {

    /** The main class a child runs. */
    static final String MAIN = "dev.lantern.app.cli.LanternCli";

    /**
     * One child: a {@code lantern} command line and where its output goes.
     *
     * @param label a short name for summary lines (a run's directory name)
     * @param args  the arguments after {@code lantern}, e.g. {@code run --config c.json --out runs/a}
     * @param log   the file that receives the child's standard output and error (created with its folder; replaced)
     */
    public record Job(String label, List<String> args, Path log) {

        public Job {
            Objects.requireNonNull(label, "label");
            args = List.copyOf(args);
            Objects.requireNonNull(log, "log");
        }
    }

    /**
     * How a child ended.
     *
     * @param job      the child
     * @param exitCode its exit code (0 success, 1 a run that failed, 2 bad input; -1 when it could not be started)
     * @param seconds  wall-clock seconds it ran
     * @param problem  why it could not be started, or null
     */
    public record Result(Job job, int exitCode, double seconds, String problem) {

        /** Whether the child exited with 0. */
        public boolean ok() {
            return exitCode == 0;
        }
    }

    /**
     * The environment variable that gives a child its parent's process id: the child ends when the parent does, even
     * when the parent was killed without a chance to destroy it (SIGKILL), see {@link #exitWithParent()}.
     */
    public static final String PARENT_PID = "LANTERN_PARENT_PID";

    private static final Set<Process> LIVE = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> LIVE.forEach(ChildRuns::destroy), "child-runs-reaper"));
    }

    private ChildRuns() {
    }

    /**
     * In a child (its environment names {@link #PARENT_PID}), exits this JVM as soon as the parent process has ended,
     * however it ended: the shutdown hooks run, so a training run stops after its current iteration and records
     * itself {@code interrupted} (resumable), and this child's own children are destroyed. Does nothing in a process
     * that is not a child.
     */
    public static void exitWithParent() {
        String pid = System.getenv(PARENT_PID);
        if (pid == null || !pid.matches("\\d+")) {
            return;
        }
        java.util.Optional<ProcessHandle> parent = ProcessHandle.of(Long.parseLong(pid));
        if (parent.isEmpty()) {
            System.exit(143);
        }
        parent.get().onExit().thenRun(() -> System.exit(143));
    }

    /**
     * The command line that runs {@code lantern args} in a child JVM like this one.
     *
     * @return {@code java [flags] -cp <class path> dev.lantern.app.cli.LanternCli args...}
     */
    public static List<String> commandLine(List<String> args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString()));
        for (String a : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            // Collector, heap and Lantern's own properties travel; agents, debuggers and test harness flags do not.
            if (a.startsWith("-XX:+Use") && a.endsWith("GC") || a.startsWith("-Xmx") || a.startsWith("-Xms")
                    || a.startsWith("-Dlantern.")) {
                cmd.add(a);
            }
        }
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(MAIN);
        cmd.addAll(args);
        return cmd;
    }

    /**
     * Runs every job, at most {@code parallel} at once, in the order given; {@code onDone} hears of each as it ends (on
     * the thread that waited for it; calls are serialised). Returns when all have ended.
     *
     * @return the results, in the order of {@code jobs}
     * @throws InterruptedException if this thread is interrupted: the children still running are destroyed first
     */
    public static List<Result> runAll(List<Job> jobs, int parallel, Consumer<Result> onDone)
            throws InterruptedException {
        return runAll(jobs, parallel, job -> { }, onDone);
    }

    /**
     * As {@link #runAll(List, int, Consumer)}, and {@code onStart} hears of each job just before its child starts
     * (serialised with {@code onDone}).
     */
    public static List<Result> runAll(List<Job> jobs, int parallel, Consumer<Job> onStart, Consumer<Result> onDone)
            throws InterruptedException {
        if (parallel < 1) {
            throw new IllegalArgumentException("parallel must be >= 1, got " + parallel);
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(parallel, Math.max(1, jobs.size())), r -> {
            Thread t = new Thread(r, "child-run");
            t.setDaemon(true);
            return t;
        });
        Object lock = new Object();
        try {
            List<Future<Result>> futures = new ArrayList<>();
            for (Job job : jobs) {
                futures.add(pool.submit(() -> {
                    synchronized (lock) {
                        onStart.accept(job);
                    }
                    Result r = run(job);
                    synchronized (lock) {
                        onDone.accept(r);
                    }
                    return r;
                }));
            }
            List<Result> results = new ArrayList<>();
            for (Future<Result> f : futures) {
                try {
                    results.add(f.get());
                } catch (ExecutionException e) {
                    Throwable cause = e.getCause();
                    if (cause instanceof RuntimeException re) {
                        throw re;
                    }
                    throw new IllegalStateException("a child run's waiter failed: " + cause, cause);
                }
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    /** Runs one child to its end on the calling thread; an interrupt destroys it. */
    static Result run(Job job) throws InterruptedException {
        long start = System.nanoTime();
        ProcessBuilder pb = new ProcessBuilder(commandLine(job.args()));
        pb.environment().put("OMP_NUM_THREADS", "1");
        pb.environment().put(PARENT_PID, String.valueOf(ProcessHandle.current().pid()));
        pb.redirectErrorStream(true);
        Process p;
        try {
            Path parent = job.log().toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            pb.redirectOutput(job.log().toFile());
            p = pb.start();
        } catch (IOException | UncheckedIOException e) {
            return new Result(job, -1, 0, "cannot start (" + e.getMessage() + ")");
        }
        LIVE.add(p);
        try {
            int code = p.waitFor();
            return new Result(job, code, (System.nanoTime() - start) / 1e9, null);
        } catch (InterruptedException e) {
            destroy(p);
            throw e;
        } finally {
            LIVE.remove(p);
        }
    }

    /** Asks a child to stop (SIGTERM: a run records itself interrupted), then kills it if it has not within 10 s. */
    private static void destroy(Process p) {
        p.destroy();
        try {
            if (!p.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
