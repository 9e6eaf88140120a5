package dev.lantern.app.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Threads are told apart by name, and a busy thread's CPU time shows up under its kind. */
class ThreadCpuTest {

    @Test
    void kindsByName() {
        assertEquals(ThreadCpu.Kind.TRAINING, ThreadCpu.kind("lantern-lab-training"));
        assertEquals(ThreadCpu.Kind.FX, ThreadCpu.kind("JavaFX Application Thread"));
        assertEquals(ThreadCpu.Kind.RENDER, ThreadCpu.kind("QuantumRenderer-0"));
        assertEquals(ThreadCpu.Kind.FRAMES, ThreadCpu.kind("lantern-lab-frames"));
        assertEquals(ThreadCpu.Kind.CIRCUITS, ThreadCpu.kind("lantern-lab-circuits"));
        assertEquals(ThreadCpu.Kind.JIT, ThreadCpu.kind("C2 CompilerThread0"));
        assertEquals(ThreadCpu.Kind.JVM, ThreadCpu.kind("VM Thread"));
        assertEquals(ThreadCpu.Kind.OTHER, ThreadCpu.kind("main"));
    }

    @Test
    void aBusyThreadsCoresAreCountedUnderItsKind() throws InterruptedException {
        ThreadCpu.Sample before = ThreadCpu.sample();
        Thread busy = new Thread(() -> {
            long end = System.nanoTime() + 300_000_000L;
            double x = 1;
            while (System.nanoTime() < end) {
                x = Math.sin(x) + 1;
            }
            assertTrue(x > -10);
        }, "lantern-lab-frames");
        busy.start();
        Thread.sleep(250); // sample while it still runs: an ended thread is not counted
        Map<ThreadCpu.Kind, Double> cores = ThreadCpu.sample().coresSince(before);
        busy.join();
        // a core of its own on a quiet machine; well under one when other jobs share the cores
        assertTrue(cores.get(ThreadCpu.Kind.FRAMES) > 0.1, "a busy thread counted under its kind: " + cores);
        assertTrue(cores.get(ThreadCpu.Kind.FRAMES) <= 1.05, "at most one core: " + cores);
        assertEquals(0, cores.get(ThreadCpu.Kind.CIRCUITS), "no such thread: " + cores);
        assertTrue(ThreadCpu.describe(cores).contains("frames"), ThreadCpu.describe(cores));
    }

    @Test
    void theJitsThreadsAreReadFromProc() {
        org.junit.jupiter.api.Assumptions.assumeTrue(java.nio.file.Files.isDirectory(java.nio.file.Path.of(
                "/proc/self/task")), "Linux only");
        // by the time a test runs, the JIT has compiled (the test framework alone takes it seconds)
        Long jit = ThreadCpu.sample().cpuNanos().get(ThreadCpu.Kind.JIT);
        assertTrue(jit != null && jit > 0, "JIT CPU time read: " + jit);
    }
}
