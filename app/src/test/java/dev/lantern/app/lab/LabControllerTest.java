package dev.lantern.app.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lantern.app.config.EnvConfig;
import dev.lantern.app.config.Experiment;
import dev.lantern.environments.grid.map.Cell;
import dev.lantern.environments.grid.map.Tile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** The controller and the live feed without any window: one training thread, frames and metrics, controls. */
class LabControllerTest {

    @Test
    void trainsOnItsThreadAndPublishesFramesAndMetrics() throws Exception {
        try (LabController controller = new LabController()) {
            long t0 = System.nanoTime();
            LiveFeed feed = controller.start(new LabSettings("grid/empty-8x8-v1", 1, 20_000, true));
            waitFor(() -> feed.status().phase() == LiveFeed.Phase.ENDED
                    || feed.status().phase() == LiveFeed.Phase.FAILED, 120_000);
            System.out.printf("lab feed: 20k steps in %.1f s, %d updates, %d frames%n",
                    (System.nanoTime() - t0) / 1e9, feed.status().updates(), feed.latestFrame().sequence() + 1);
            assertEquals(LiveFeed.Phase.ENDED, feed.status().phase(), () -> "failure: " + feed.status().failure());
            assertEquals("completed", feed.status().outcome().status());
            PolicyFrame frame = feed.latestFrame();
            assertNotNull(frame);
            assertEquals(feed.status().outcome().updates(), frame.updates());
            RunInfo info = feed.status().info();
            int drawn = 0;
            for (Cell c : info.newWorld().freeCells()) {
                boolean terminal = info.map().tile(c).isTerminal();
                assertEquals(!terminal, frame.has(c.row(), c.col(), 0), "cell " + c);
                if (!terminal) {
                    drawn++;
                    double sum = 0;
                    for (int a = 0; a < 4; a++) {
                        sum += frame.probability(c.row(), c.col(), 0, a);
                    }
                    assertEquals(1.0, sum, 1e-6);
                }
            }
            assertEquals(35, drawn); // 36 free cells of the 6x6 room, minus the goal
            assertFalse(frame.has(0, 0, 0)); // a wall
            assertEquals(Tile.WALL, info.map().tile(0, 0));
            List<MetricPoint> metrics = new ArrayList<>();
            feed.drainMetrics(metrics, Integer.MAX_VALUE);
            assertTrue(metrics.stream().anyMatch(m -> m.name().equals("episode/return")));
            assertTrue(metrics.stream().anyMatch(m -> m.name().equals("lca/layer/torso.dense0")));
            assertTrue(metrics.stream().anyMatch(m -> m.name().equals("eval/return")));
            assertTrue(metrics.stream().noneMatch(m -> m.name().startsWith("time/")));
        }
    }

    @Test
    void aFailedRunIsReportedAndTheThreadTakesTheNextRun() throws Exception {
        Function<LabSettings, Experiment> experiments = s -> {
            Experiment e = LabController.experimentFor(s);
            if (s.seed() == 666) { // a map file that does not exist
                return new Experiment(e.name(), e.seed(), new EnvConfig(null, Path.of("/nonexistent/lab-map.txt"),
                        200), e.agent(), e.training(), e.lca());
            }
            return e;
        };
        try (LabController controller = new LabController(LiveFeed.DEFAULT_FRAME_INTERVAL_MILLIS, experiments)) {
            LiveFeed bad = controller.start(new LabSettings("grid/empty-8x8-v1", 666, 2048, false));
            waitFor(() -> bad.status().phase() == LiveFeed.Phase.FAILED, 60_000);
            assertTrue(bad.status().failure().contains("lab-map.txt"), bad.status().failure());
            assertEquals(null, bad.status().info());

            LiveFeed good = controller.start(new LabSettings("grid/empty-8x8-v1", 2, 2048, false), true);
            waitFor(() -> good.status().phase() == LiveFeed.Phase.RUNNING, 60_000);
            assertNotNull(good.latestFrame(), "the untrained network is shown as soon as the run starts");
            assertEquals(0, good.latestFrame().updates());
            Thread.sleep(300);
            assertEquals(0, good.status().iterations(), "started paused");
            controller.step();
            waitFor(() -> good.status().iterations() == 1, 60_000);
            assertTrue(controller.close(10_000), "closing ends the training thread");
            assertEquals("interrupted", good.status().outcome().status());
            assertEquals(LiveFeed.Phase.ENDED, good.status().phase());
        }
    }

    static void waitFor(BooleanSupplier condition, long timeoutMillis) throws InterruptedException {
        long end = System.currentTimeMillis() + timeoutMillis;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > end) {
                throw new AssertionError("condition not met within " + timeoutMillis + " ms");
            }
            Thread.sleep(20);
        }
    }
}
