package dev.lantern.app.lab;

import dev.lantern.app.engine.ExperimentRun;
import javafx.stage.Stage;

/**
 * Measurements for {@code lantern bench gamelab}: AlphaZero's self-play speed on a board game with the lab closed
 * (the same experiment trained without a window) and open on its game view, either on a self-play game (its
 * position re-analysed with every network snapshot: prior, value, a PUCT search at the training's simulations, the
 * exact value) or with the agent playing UCT move after move (a new game when one ends). Self-play speed is
 * positions per second of self-play alone, from the second iteration to the last ({@link SelfPlaySpeed}).
 */
public final class GameLabBenchRun {

    /**
     * One measured run.
     *
     * @param positionsPerSecond self-play positions per second
     * @param iterations         iterations counted
     * @param selfPlaySeconds    self-play seconds counted
     * @param analyses           analyses the game view finished (0 with the lab closed)
     */
    public record Figures(double positionsPerSecond, long iterations, double selfPlaySeconds, long analyses) {
    }

    /** What is open while training. */
    public enum Mode {
        /** No window. */
        CLOSED,
        /** The game view on a self-play game, analysed again at every snapshot. */
        VIEW,
        /** The game view with the agent playing UCT (200 rollouts) move after move. */
        PLAYING
    }

    private GameLabBenchRun() {
    }

    /** Trains {@code settings} (a game) once in {@code mode}; starts the JavaFX toolkit on first use. */
    public static Figures measure(LabSettings settings, Mode mode) throws Exception {
        if (!settings.game()) {
            throw new IllegalArgumentException(settings.envId() + " is not a board game");
        }
        if (mode == Mode.CLOSED) {
            SelfPlaySpeed speed = new SelfPlaySpeed();
            ExperimentRun.builder(LabController.experimentFor(settings)).observer(speed).build().run();
            return figures(speed, 0);
        }
        LabBenchRun.startToolkit();
        LabController controller = new LabController();
        LabWindow window = LabBenchRun.onFx(() -> {
            LabWindow w = new LabWindow(controller, settings);
            w.show(new Stage());
            w.startTraining();
            return w;
        });
        try {
            GameFeed feed = controller.gameFeed();
            while (feed.status().outcome() == null && feed.status().phase() != LiveFeed.Phase.FAILED) {
                if (mode == Mode.PLAYING) {
                    LabBenchRun.onFx(() -> {
                        GameView v = window.gameView();
                        if (v.play().mode() != GamePlay.Mode.UCT || v.play().position().isTerminal()) {
                            v.controls().selectMode(GamePlay.Mode.UCT);
                            v.newGame();
                        }
                        return null;
                    });
                }
                Thread.sleep(100);
            }
            if (feed.status().phase() == LiveFeed.Phase.FAILED) {
                throw new IllegalStateException("the lab run failed: " + feed.status().failure());
            }
            long analyses = LabBenchRun.onFx(() -> window.gameView().analyses());
            return figures(feed.speed(), analyses);
        } finally {
            LabBenchRun.onFx(() -> {
                window.dispose();
                return null;
            });
        }
    }

    private static Figures figures(SelfPlaySpeed speed, long analyses) {
        if (speed.iterations() < 2) {
            throw new IllegalArgumentException("the run timed " + speed.iterations() + " iterations; at least 2 are"
                    + " needed (raise --steps)");
        }
        return new Figures(speed.positionsPerSecond(), speed.iterations(), speed.seconds(), analyses);
    }
}
