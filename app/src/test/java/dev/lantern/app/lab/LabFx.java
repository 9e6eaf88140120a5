package dev.lantern.app.lab;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.paint.Color;
import org.testfx.util.WaitForAsyncUtils;

/** What the lab's window tests share: calls on the FX thread, waiting for a condition, comparing drawn colours. */
final class LabFx {

    private LabFx() {
    }

    /** A condition that may throw. */
    @FunctionalInterface
    interface Check {
        /** Whether it holds now. */
        boolean ok() throws Exception;
    }

    /**
     * Points JavaFX and TestFX at headless Monocle with software rendering (unless already set, e.g. by the Surefire
     * argLine); call it from a test class's static initializer, before the toolkit starts.
     */
    static void headless() {
        for (String[] p : new String[][] {{"testfx.robot", "glass"}, {"testfx.headless", "true"},
            {"glass.platform", "Monocle"}, {"monocle.platform", "Headless"}, {"prism.order", "sw"},
            {"headless.geometry", "1600x1200-32"}, {"java.awt.headless", "true"}}) {
            if (System.getProperty(p[0]) == null) {
                System.setProperty(p[0], p[1]);
            }
        }
    }

    /** Runs {@code call} on the FX thread and returns its result (10 s at most). */
    static <T> T fx(Callable<T> call) throws Exception {
        return WaitForAsyncUtils.asyncFx(call).get(10, TimeUnit.SECONDS);
    }

    /** Polls {@code check} every 50 ms until it holds; fails after {@code timeoutMillis}. */
    static void waitFor(String what, long timeoutMillis, Check check) throws Exception {
        long end = System.currentTimeMillis() + timeoutMillis;
        while (!check.ok()) {
            if (System.currentTimeMillis() > end) {
                throw new AssertionError("timed out after " + timeoutMillis + " ms waiting for " + what);
            }
            Thread.sleep(50);
        }
    }

    /** Sum of the absolute RGB differences, 0..3. */
    static double distance(Color a, Color b) {
        return Math.abs(a.getRed() - b.getRed()) + Math.abs(a.getGreen() - b.getGreen())
                + Math.abs(a.getBlue() - b.getBlue());
    }

    /** Asserts that the drawn colour is the expected one (within 0.03 summed RGB). */
    static void assertClose(Color expected, Color actual, String what) {
        assertTrue(distance(expected, actual) < 0.03, what + ": expected " + expected + ", drawn " + actual);
    }
}
