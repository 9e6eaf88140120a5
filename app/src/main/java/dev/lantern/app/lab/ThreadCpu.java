package dev.lantern.app.lab;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Where a lab process's CPU time goes, by the kind of thread that spends it: the training thread, the lab's own threads
 * (the FX thread, JavaFX's renderer, the frame evaluator, the circuit analyst), the JVM's (garbage collection, the
 * JIT) and, when one runs on this machine, the X server that shows the window (Xvfb). {@link #sample()} reads every
 * live thread's CPU time ({@link ThreadMXBean}); the difference of two samples over the wall time between them is the
 * cores each kind used, which is what a second core's work costs the training thread on a small machine. The JVM's
 * own threads (the JIT compilers, the collector, the VM thread) are not Java threads: their share is the process's CPU
 * time less all the Java threads' (so it also holds what threads that ended between two samples spent).
 */
public final class ThreadCpu {

    /** Kinds of threads, by name. */
    public enum Kind {
        /** {@code lantern-lab-training}: the run itself. */
        TRAINING,
        /** {@code JavaFX Application Thread}: layout, the views' drawing commands, event handling. */
        FX,
        /** {@code QuantumRenderer-*}: JavaFX's rasterizer (software on Xvfb) and the upload to the window. */
        RENDER,
        /** {@code lantern-lab-frames}: evaluating snapshots into frames. */
        FRAMES,
        /** {@code lantern-lab-circuits}: the circuit view's analyst. */
        CIRCUITS,
        /** The JIT compilers' threads ({@code C1 CompilerThread*}, {@code C2 CompilerThread*}, read from /proc). */
        JIT,
        /**
         * Garbage collection and the JVM's other threads: the process's time less the Java threads' and the JIT's (so it
         * also holds what threads that ended between two samples spent).
         */
        JVM,
        /** Every other thread of this process (the benchmark's own, the toolkit's helpers). */
        OTHER,
        /** The X server's process ({@code Xvfb}), when it runs on this machine and can be read. */
        X_SERVER
    }

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final long TICK_NANOS = 10_000_000L; // USER_HZ = 100, as Linux reports /proc/PID/stat

    private ThreadCpu() {
    }

    /** CPU nanoseconds spent so far, per kind, at one moment. */
    public record Sample(long wallNanos, Map<Kind, Long> cpuNanos) {

        /**
         * Cores used per kind between {@code earlier} and this sample: CPU seconds over wall seconds (0 for a kind with
         * no thread in either).
         */
        public Map<Kind, Double> coresSince(Sample earlier) {
            double wall = wallNanos - earlier.wallNanos;
            Map<Kind, Double> cores = new EnumMap<>(Kind.class);
            for (Kind k : Kind.values()) {
                long d = cpuNanos.getOrDefault(k, 0L) - earlier.cpuNanos.getOrDefault(k, 0L);
                cores.put(k, wall > 0 ? Math.max(0, d) / wall : 0);
            }
            return cores;
        }
    }

    /** Every live thread's CPU time, summed per kind, and the X server's. */
    public static Sample sample() {
        Map<Kind, Long> cpu = new EnumMap<>(Kind.class);
        if (THREADS.isThreadCpuTimeSupported() && !THREADS.isThreadCpuTimeEnabled()) {
            THREADS.setThreadCpuTimeEnabled(true);
        }
        for (var info : THREADS.getThreadInfo(THREADS.getAllThreadIds())) {
            if (info == null) {
                continue;
            }
            long t = THREADS.getThreadCpuTime(info.getThreadId());
            if (t > 0 && kind(info.getThreadName()) != Kind.JIT) { // the JIT's threads are read from /proc below
                cpu.merge(kind(info.getThreadName()), t, Long::sum);
            }
        }
        long javaThreads = cpu.values().stream().mapToLong(Long::longValue).sum();
        long jit = compilerNanos();
        if (jit > 0) {
            cpu.put(Kind.JIT, jit);
        }
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                && os.getProcessCpuTime() > 0) {
            cpu.merge(Kind.JVM, Math.max(0, os.getProcessCpuTime() - javaThreads - Math.max(0, jit)), Long::sum);
        }
        long x = xServerNanos();
        if (x >= 0) {
            cpu.put(Kind.X_SERVER, x);
        }
        return new Sample(System.nanoTime(), cpu);
    }

    /** The kind of a thread, by its name. */
    static Kind kind(String name) {
        if (name.equals("lantern-lab-training")) {
            return Kind.TRAINING;
        } else if (name.equals("JavaFX Application Thread")) {
            return Kind.FX;
        } else if (name.startsWith("QuantumRenderer")) {
            return Kind.RENDER;
        } else if (name.equals("lantern-lab-frames")) {
            return Kind.FRAMES;
        } else if (name.equals("lantern-lab-circuits")) {
            return Kind.CIRCUITS;
        } else if (name.startsWith("C1 CompilerThre") || name.startsWith("C2 CompilerThre")) {
            return Kind.JIT;
        } else if (name.startsWith("GC ") || name.startsWith("VM ")
                || name.startsWith("G1 ") || name.equals("Signal Dispatcher") || name.equals("Finalizer")
                || name.equals("Reference Handler") || name.startsWith("Common-Cleaner")) {
            return Kind.JVM;
        }
        return Kind.OTHER;
    }

    private static volatile long[] xServers; // pids of the Xvfb processes, found once

    /** User plus system CPU time of the processes named {@code Xvfb} on this machine, or -1 if there is none. */
    private static long xServerNanos() {
        if (xServers == null) {
            try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
                xServers = procs.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit))
                        .filter(p -> xvfbTicks(p) >= 0).mapToLong(p -> Long.parseLong(p.getFileName().toString()))
                        .toArray();
            } catch (IOException | RuntimeException e) {
                xServers = new long[0];
            }
        }
        long sum = 0;
        boolean any = false;
        for (long pid : xServers) {
            long t = xvfbTicks(Path.of("/proc", Long.toString(pid)));
            if (t >= 0) {
                sum += t;
                any = true;
            }
        }
        return any ? sum * TICK_NANOS : -1;
    }

    /**
     * User plus system CPU time of this process's JIT compiler threads (their names in /proc/self/task begin with
     * {@code C1 CompilerThre} or {@code C2 CompilerThre}), or -1 where /proc cannot be read.
     */
    private static long compilerNanos() {
        try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
            return tasks.mapToLong(ThreadCpu::compilerTicks).sum() * TICK_NANOS;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** utime + stime of task directory {@code t} if it is a JIT compiler thread, else 0. */
    private static long compilerTicks(Path t) {
        long ticks = statTicks(t, name -> name.startsWith("C1 CompilerThre") || name.startsWith("C2 CompilerThre"));
        return Math.max(0, ticks); // 0: another thread, or one that ended
    }

    /** utime + stime of process directory {@code p} if its command is Xvfb, else -1. */
    private static long xvfbTicks(Path p) {
        return statTicks(p, "Xvfb"::equals);
    }

    /**
     * utime + stime (fields 14 and 15 of {@code stat}, in ticks) of the process or task directory {@code dir} if its
     * command name passes {@code named}, else -1 (also when it cannot be read: it ended).
     */
    private static long statTicks(Path dir, java.util.function.Predicate<String> named) {
        try {
            String stat = Files.readString(dir.resolve("stat"));
            int open = stat.indexOf('(');
            int close = stat.lastIndexOf(')');
            if (open < 0 || close < open || !named.test(stat.substring(open + 1, close))) {
                return -1;
            }
            String[] f = stat.substring(close + 2).split(" ");
            return Long.parseLong(f[11]) + Long.parseLong(f[12]);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** {@code kind cores, ...} for the kinds that used any, e.g. {@code training 0.98, fx 0.12}. */
    public static String describe(Map<Kind, Double> cores) {
        StringBuilder s = new StringBuilder();
        cores.forEach((k, v) -> {
            if (v >= 0.0005) {
                s.append(s.isEmpty() ? "" : ", ").append(k.name().toLowerCase(Locale.ROOT).replace('_', ' '))
                        .append(String.format(Locale.ROOT, " %.3f", v));
            }
        });
        return s.toString();
    }
}
