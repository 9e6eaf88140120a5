package dev.lantern.app.lab;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives the lab's own threads (the FX thread, JavaFX's renderer, the frame evaluator, the circuit analyst) and the JIT's
 * compiler threads a lower scheduling priority than training, on Linux: their nice value is raised to {@link #nice()}
 * (system property {@code lantern.lab.nice}, default {@value #DEFAULT_NICE}; 0 leaves them as they are). The training
 * thread keeps nice 0.
 *
 * <p>Why: on a machine with few cores the lab's threads, the JIT compilers and the training thread together want more
 * cores than there are, and Linux shares a core between runnable threads of equal priority evenly; measured on two
 * cores ({@code lantern bench lab}, /proc/PID/task/TID/schedstat), the training thread waited on the run queue for
 * 40-50% of the time with the lab open. With the lab's threads niced, a waiting training thread is run first, and the
 * lab draws with the core that training leaves (it needs well under one once the JIT is quiet). The price is a less
 * responsive window while the JIT still compiles (docs/lab.md, "How the view is refreshed"): nice 10 made a click wait
 * seconds in the first minute, 5 about a second.
 *
 * <p>How: Java has no call for it, so the thread's id is read from {@code /proc/thread-self} (or found by name in
 * {@code /proc/self/task}) and {@code renice} is run on it (raising one's own nice value needs no privilege; lowering
 * it again does, so threads that must keep training's priority are started before their creator is lowered). Where
 * that is not possible (not Linux, no {@code renice}) nothing changes and the lab runs as before; the reason is logged
 * once.
 */
final class LabPriority {

    /** Nice value of the lab's threads unless {@code lantern.lab.nice} says otherwise. */
    static final int DEFAULT_NICE = 5;
    private static final Logger LOG = LoggerFactory.getLogger(LabPriority.class);
    private static volatile boolean warned;

    private LabPriority() {
    }

    /** The nice value the lab's threads get: {@code lantern.lab.nice}, in [0, 19] (0: unchanged). */
    static int nice() {
        String s = System.getProperty("lantern.lab.nice");
        if (s == null) {
            return DEFAULT_NICE;
        }
        try {
            int n = Integer.parseInt(s.trim());
            if (n >= 0 && n <= 19) {
                return n;
            }
        } catch (NumberFormatException e) {
            // below
        }
        warnOnce("lantern.lab.nice must be a whole number in [0, 19], got '" + s + "'; using " + DEFAULT_NICE);
        return DEFAULT_NICE;
    }

    /** Lowers the calling thread's priority; whether it now has {@link #nice()}. */
    static boolean lowerCurrentThread() {
        int n = nice();
        if (n == 0) {
            return false;
        }
        long tid = currentThreadId();
        if (tid < 0) {
            warnOnce("cannot lower the lab's thread priority here (no /proc/thread-self); the lab runs at training's"
                    + " priority");
            return false;
        }
        return renice(List.of(tid), n) == 1;
    }

    /**
     * Lowers the priority of this process's threads whose system name (at most 15 characters, as
     * {@code /proc/self/task/TID/comm} shows it) starts with {@code prefix}; how many now have {@link #nice()}.
     */
    static int lowerThreadsNamed(String prefix) {
        int n = nice();
        if (n == 0) {
            return 0;
        }
        try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
            List<Long> ids = tasks.filter(t -> commOf(t).startsWith(prefix))
                    .map(t -> Long.parseLong(t.getFileName().toString())).toList();
            return ids.isEmpty() ? 0 : renice(ids, n);
        } catch (IOException | RuntimeException e) {
            warnOnce("cannot lower the lab's thread priority here (" + e + "); the lab runs at training's priority");
            return 0;
        }
    }

    /** The nice value of thread {@code tid} of this process (field 19 of its stat), or Integer.MIN_VALUE if unknown. */
    static int niceOf(long tid) {
        try {
            String stat = Files.readString(Path.of("/proc/self/task", Long.toString(tid), "stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Integer.parseInt(f[16]); // field 19 counted from 1, after pid and comm
        } catch (IOException | RuntimeException e) {
            return Integer.MIN_VALUE;
        }
    }

    /** The calling thread's id as the kernel knows it, or -1 where /proc/thread-self cannot be read. */
    static long currentThreadId() {
        try {
            return Long.parseLong(Files.readSymbolicLink(Path.of("/proc/thread-self")).getFileName().toString());
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** Runs {@code renice -n nice -p ids...}; how many of the threads then have that nice value. */
    private static int renice(List<Long> ids, int nice) {
        List<String> command = new java.util.ArrayList<>(List.of("renice", "-n", Integer.toString(nice), "-p"));
        ids.forEach(id -> command.add(Long.toString(id)));
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(
                    ProcessBuilder.Redirect.DISCARD).start();
            if (!p.waitFor(5, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                warnOnce("renice did not answer within 5 s; the lab runs at training's priority");
                return 0;
            }
        } catch (IOException e) {
            warnOnce("cannot run renice (" + e.getMessage() + "); the lab runs at training's priority");
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
        return (int) ids.stream().filter(id -> niceOf(id) == nice).count();
    }

    private static String commOf(Path task) {
        try {
            return Files.readString(task.resolve("comm")).strip();
        } catch (IOException e) {
            return ""; // the thread ended
        }
    }

    private static void warnOnce(String message) {
        if (!warned) {
            warned = true;
            LOG.info(message);
        }
    }
}
