package dev.lantern.app.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * The lab's threads get the lower priority, the others keep theirs, and a training thread that the controller starts
 * is not one of them even when the thread that made the controller is lowered later.
 */
class LabPriorityTest {

    private static void assumeLinuxWithRenice() {
        assumeTrue(Files.isSymbolicLink(Path.of("/proc/thread-self")), "Linux only");
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/renice")) || Files.isExecutable(Path.of("/bin/renice")),
                "renice installed");
    }

    @Test
    void aThreadLowersItselfAndOnlyItself() throws Exception {
        assumeLinuxWithRenice();
        long[] ids = new long[2];
        boolean[] lowered = new boolean[1];
        Thread lab = new Thread(() -> {
            ids[0] = LabPriority.currentThreadId();
            lowered[0] = LabPriority.lowerCurrentThread();
        });
        lab.start();
        lab.join();
        assertTrue(lowered[0], "the thread's nice value was raised");
        ids[1] = LabPriority.currentThreadId();
        assertEquals(0, LabPriority.niceOf(ids[1]), "the caller's thread is untouched");
    }

    @Test
    void threadsAreFoundByName() throws Exception {
        assumeLinuxWithRenice();
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(1);
        AtomicLong tid = new AtomicLong();
        Thread t = new Thread(() -> {
            tid.set(LabPriority.currentThreadId());
            started.countDown();
            try {
                done.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "lantern-nicetest");
        t.start();
        started.await();
        try {
            assertEquals(0, LabPriority.niceOf(tid.get()));
            assertEquals(1, LabPriority.lowerThreadsNamed("lantern-nicetes"));
            assertEquals(LabPriority.DEFAULT_NICE, LabPriority.niceOf(tid.get()));
        } finally {
            done.countDown();
            t.join();
        }
    }

    @Test
    void theControllersTrainingThreadKeepsItsPriorityWhenItsMakerIsLoweredLater() throws Exception {
        assumeLinuxWithRenice();
        LabController[] made = new LabController[1];
        Thread maker = new Thread(() -> {
            made[0] = new LabController(); // as LabApp does on the FX thread, before the window lowers it
            LabPriority.lowerCurrentThread();
        });
        maker.start();
        maker.join();
        try {
            // every training thread, found by name (the prestarted one among them), at the default priority
            int found = 0;
            try (var tasks = Files.list(Path.of("/proc/self/task"))) {
                for (Path task : (Iterable<Path>) tasks::iterator) {
                    if (Files.readString(task.resolve("comm")).strip().startsWith("lantern-lab-tra")) {
                        found++;
                        assertEquals(0, LabPriority.niceOf(Long.parseLong(task.getFileName().toString())),
                                "training keeps nice 0");
                    }
                }
            }
            assertTrue(found > 0, "the controller's training thread runs from the start");
        } finally {
            made[0].close(1_000);
        }
    }
}
