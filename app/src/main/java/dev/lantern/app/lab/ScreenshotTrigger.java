package dev.lantern.app.lab;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Saves the lab window as a PNG once training has gone far enough (or, when nothing was started, once the chosen
 * environment is drawn), then exits the application: for
 * {@code docs/screenshot.sh} (system property {@code lantern.lab.screenshot}). Runs on the FX thread.
 */
final class ScreenshotTrigger {

    private static final Logger LOG = LoggerFactory.getLogger(ScreenshotTrigger.class);
    private static final long SETTLE_NANOS = 1_500_000_000L;

    private final LabWindow window;
    private final Scene scene;
    private final Path file;
    private final long afterUpdates;
    private long readySince = -1;
    private boolean gameRequested;

    ScreenshotTrigger(LabWindow window, Scene scene, Path file, long afterUpdates) {
        this.window = window;
        this.scene = scene;
        this.file = file;
        this.afterUpdates = afterUpdates;
    }

    void arm() {
        new AnimationTimer() {
            @Override
            public void handle(long now) {
                if (readySince < 0 && ready()) {
                    readySince = now;
                }
                if (readySince >= 0 && now - readySince >= SETTLE_NANOS) {
                    stop();
                    save();
                    Platform.exit();
                }
            }
        }.start();
    }

    private boolean ready() {
        GameFeed game = window.gameView().feed();
        if (game != null) {
            return gameReady(game);
        }
        LiveFeed feed = window.controllerFeed();
        if (feed == null && window.comparing()) { // the compare mode: every run read, the grid at its checkpoint
            return window.compareSettled();
        }
        if (feed == null) { // not started: the chosen environment's map and V*, once solved
            return window.shownPreview() != null;
        }
        LiveFeed.Status status = feed.status();
        return switch (status.phase()) {
            case ENDED, FAILED -> true;
            case RUNNING -> status.updates() >= afterUpdates || searchesShown();
            case PREPARING -> false;
        };
    }

    /**
     * A game run: once trained far enough (or ended), a new self-play game of the newest network is played and
     * stepped {@code lantern.lab.gameSteps} moves into (default 3); ready when its analysis is drawn.
     */
    private boolean gameReady(GameFeed game) {
        GameFeed.Status status = game.status();
        boolean far = status.phase() == LiveFeed.Phase.ENDED || status.phase() == LiveFeed.Phase.FAILED
                || status.phase() == LiveFeed.Phase.RUNNING && status.updates() >= afterUpdates;
        if (far && !gameRequested) {
            gameRequested = true;
            window.gameView().newSelfPlayGame(Integer.getInteger("lantern.lab.gameSteps", 3));
            return false;
        }
        return gameRequested && window.gameView().settled();
    }

    /**
     * Whether the search tree tab shows the agent's search number {@code lantern.lab.screenshotAfterSearches} or a
     * later one (a planner makes no updates).
     */
    private boolean searchesShown() {
        SearchCapture.Latest shown = window.searchTree().shownSearch();
        return shown != null && shown.number() + 1 >= Long.getLong("lantern.lab.screenshotAfterSearches",
                Long.MAX_VALUE);
    }

    private void save() {
        WritableImage image = scene.snapshot(null);
        BufferedImage rgb = new BufferedImage((int) image.getWidth(), (int) image.getHeight(),
                BufferedImage.TYPE_INT_RGB);
        SwingFXUtils.fromFXImage(image, rgb);
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            ImageIO.write(rgb, "png", file.toFile());
            LOG.info("saved the lab window to {}", file);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + file, e);
        }
    }
}
