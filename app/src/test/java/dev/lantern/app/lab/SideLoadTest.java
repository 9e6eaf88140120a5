package dev.lantern.app.lab;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;

/**
 * The floors of {@code lantern bench lab} do what they claim: the bare window shows, redraws at most 30 times a second
 * (the 33 ms gate on 60 Hz pulses) and is gone after close; the spinning thread burns CPU until closed, then ends.
 */
class SideLoadTest {

    static {
        LabFx.headless();
    }

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @Test
    void bareWindowRedrawsAtMostThirtyTimesASecondAndCloses() throws Exception {
        SideLoad window = SideLoad.bareWindow(LabBenchRun.BARE_WINDOW_FRAME_MILLIS);
        assertTrue(LabFx.fx(SideLoadTest::bareWindowShowing), "the bare window is showing");
        Thread.sleep(1_000);
        double fps = window.framesPerSecond();
        window.close();
        assertTrue(fps > 0 && fps <= 31, "frames/s " + fps);
        assertFalse(LabFx.fx(SideLoadTest::bareWindowShowing), "the bare window is closed");
    }

    @Test
    void spinningThreadBurnsACoreUntilClosed() throws Exception {
        SideLoad spinner = SideLoad.spinningThread();
        Thread thread = Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().equals("lantern-bench-spinner")).findFirst().orElse(null);
        assertNotNull(thread, "the spinning thread runs");
        Thread.sleep(300);
        long cpuNanos = ManagementFactory.getThreadMXBean().getThreadCpuTime(thread.getId());
        spinner.close();
        assertTrue(cpuNanos > 50_000_000L, "it computed, not slept: " + cpuNanos / 1e6 + " ms of CPU");
        assertFalse(thread.isAlive(), "closed: the thread ended");
    }

    private static boolean bareWindowShowing() {
        return Window.getWindows().stream().anyMatch(w -> w instanceof Stage s && s.isShowing()
                && "lantern bench lab: bare window".equals(s.getTitle()));
    }
}
