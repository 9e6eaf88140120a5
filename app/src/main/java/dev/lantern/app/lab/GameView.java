package dev.lantern.app.lab;

import com.google.gson.JsonObject;
import dev.lantern.agents.api.InspectableNetwork;
import dev.lantern.agents.mcts.SearchTree;
import dev.lantern.app.config.ExperimentLoader;
import dev.lantern.environments.board.ConnectFour;
import dev.lantern.environments.board.Game;
import dev.lantern.environments.board.GameRegistry;
import dev.lantern.environments.board.GameState;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.scene.control.SplitPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The lab's view of a board-game run, in place of the grid: the board of the current position with its moves shaded
 * by the network's prior or the search's visits ({@link GameBoard}), the numbers beside it ({@link GamePanel}), the
 * controls of the game shown ({@link GameControls}: a self-play game of the current network stepped through, or the
 * agent against a human, exact play or UCT), and the run's charts ({@link GameCharts}).
 *
 * <p>Threads: an {@link AnimationTimer} on the FX thread polls the {@link GameFeed} (metrics, the newest network
 * snapshot) and the {@link GameWorker}, which computes every search, exact value and move on its own thread with its
 * own copy of the network. A new snapshot re-analyses the shown position at most every {@value #ANALYSIS_MILLIS} ms;
 * a position the user moves to is analysed at once (newer requests replace older ones not yet started).
 */
public final class GameView extends BorderPane {

    /** Shortest time between two analyses of the same position triggered by new snapshots. */
    public static final long ANALYSIS_MILLIS = 500;
    /** Shortest time between two automatic moves (agent vs minimax / UCT, the agent's reply). */
    public static final long MOVE_MILLIS = 400;
    private static final long DRAIN_MILLIS = 100;
    private static final long CHART_MILLIS = 250;

    private final LabController controller;
    private final List<MetricPoint> batch = new ArrayList<>();
    private final GameCharts charts = new GameCharts();
    private final AnimationTimer timer;
    private GameFeed feed;
    private Game game;
    private GameWorker worker;
    private GamePlay play;
    private GameBoard board;
    private GamePanel panel;
    private GameControls controls;
    private double cPuct;
    private int trainingSimulations;
    private int sampledPlies;
    private long snapshotSequence = -1;
    private long analysedSequence = -1;
    private GameState requested;
    private long lastAnalysisNanos;
    private long lastMoveNanos;
    private long lastDrainNanos;
    private long lastChartNanos;
    private CompletableFuture<Integer> moveJob;
    private int moveJobCursor;
    private CompletableFuture<int[]> gameJob;
    private PositionAnalysis shown;
    private int hovered = -1;
    private SearchTreeView<GameState> treeView;
    private int stepsAfterLoad;

    /** A view that shows the game runs of {@code controller} (FX thread). */
    public GameView(LabController controller) {
        this.controller = controller;
        setId("gameView");
        addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getTarget() instanceof javafx.scene.control.TextInputControl) {
                return; // the spinners' text keeps its arrow keys
            }
            if (e.getCode() == KeyCode.LEFT) {
                step(false);
                e.consume();
            } else if (e.getCode() == KeyCode.RIGHT) {
                step(true);
                e.consume();
            }
        });
        timer = new AnimationTimer() {
            @Override
            public void handle(long now) {
                tick(now);
            }
        };
    }

    /** Shows {@code settings}' game before or while it trains, and starts polling. */
    public void open(LabSettings settings) {
        if (game == null || !game.id().equals(settings.envId())) {
            build(settings);
        }
        timer.start();
    }

    /** Stops polling and ends the worker thread. */
    public void close() {
        timer.stop();
        if (worker != null) {
            worker.close();
        }
    }

    private void build(LabSettings settings) {
        if (worker != null) {
            worker.close();
        }
        game = GameRegistry.make(settings.envId());
        JsonObject agent = ExperimentLoader.toJson(LabController.experimentFor(settings)).getAsJsonObject("agent");
        trainingSimulations = agent.get("simulations").getAsInt();
        cPuct = agent.get("cPuct").getAsDouble();
        sampledPlies = agent.get("temperatureMoves").getAsInt();
        worker = new GameWorker(game, cPuct, settings.seed());
        play = new GamePlay(game);
        board = new GameBoard(game);
        panel = new GamePanel(game);
        controls = new GameControls(game.id().equals(ConnectFour.ID), trainingSimulations);
        controls.onNewGame(this::newGame);
        controls.onStep(this::step);
        controls.onShade(board::setShade);
        controls.onTree(this::openSearchTree);
        controls.onSettings(() -> requestAnalysis(true));
        board.setOnMove(this::humanMove);
        board.setOnHover(a -> {
            hovered = a;
            panel.hover(play.position(), shown, a);
        });
        board.setOnMouseClicked(e -> board.requestFocus());
        board.setFocusTraversable(true);
        HBox.setHgrow(board, Priority.ALWAYS);
        VBox left = new VBox(controls, new HBox(8, board, panel));
        VBox.setVgrow(left.getChildren().get(1), Priority.ALWAYS);
        left.setPadding(new Insets(6));
        charts.setPadding(new Insets(6));
        SplitPane split = new SplitPane(left, charts);
        split.setDividerPositions(0.6);
        setCenter(split);
        charts.reset(settings.totalEnvSteps());
        feed = null;
        // a new worker: nothing of the old one's is shown or awaited (its futures never complete once it is closed),
        // and the new run's snapshots, counted from 0 again, are analysed
        snapshotSequence = -1;
        analysedSequence = -1;
        requested = null;
        shown = null;
        moveJob = null;
        gameJob = null;
        showPosition();
    }

    private void tick(long now) {
        GameFeed f = controller.gameFeed();
        if (f != feed && f != null) {
            if (!f.game().id().equals(game.id()) || feed != null) {
                build(f.settings());
            }
            feed = f;
            charts.reset(f.settings().totalEnvSteps());
        }
        if (feed != null) {
            GameFeed.Snapshot s = feed.takeSnapshot();
            if (s != null) {
                worker.adopt(s);
                snapshotSequence = s.sequence();
                worker.retryPending();
                if (play.mode() == GamePlay.Mode.SELF_PLAY && play.moves().length == 0 && gameJob == null) {
                    newGame();
                }
            }
        }
        if (snapshotSequence > analysedSequence && now - lastAnalysisNanos >= ANALYSIS_MILLIS * 1_000_000L) {
            requestAnalysis(true);
        }
        pickUpJobs(now);
        PositionAnalysis a = worker.latest();
        if (a != shown && a != null && a.state().equals(play.position())) {
            shown = a;
            showPosition();
        }
        if (feed != null && now - lastDrainNanos >= DRAIN_MILLIS * 1_000_000L) {
            lastDrainNanos = now;
            batch.clear();
            feed.drainMetrics(batch, 50_000);
            charts.accept(batch);
            if (now - lastChartNanos >= CHART_MILLIS * 1_000_000L) {
                lastChartNanos = now;
                charts.refresh();
            }
        }
    }

    /** Takes up finished moves and games, and starts the next automatic move. */
    private void pickUpJobs(long now) {
        if (gameJob != null && gameJob.isDone()) {
            int[] line = gameJob.getNow(null);
            gameJob = null;
            if (line != null && play.mode() == GamePlay.Mode.SELF_PLAY) {
                play.load(line);
                for (int i = 0; i < Math.min(stepsAfterLoad, line.length - 1); i++) {
                    play.forward();
                }
                stepsAfterLoad = 0;
                showPosition();
                requestAnalysis(false);
            }
        }
        if (moveJob != null && moveJob.isDone()) {
            Integer move = moveJob.isCompletedExceptionally() ? null : moveJob.getNow(null);
            moveJob = null;
            if (move != null && play.cursor() == moveJobCursor && play.atEnd()) {
                play.play(move);
                lastMoveNanos = now;
                showPosition();
                requestAnalysis(false);
            }
        }
        long wait = play.mode() == GamePlay.Mode.HUMAN ? 0 : MOVE_MILLIS * 1_000_000L;
        if (moveJob == null && snapshotSequence >= 0 && play.machineToMove() && now - lastMoveNanos >= wait) {
            GameState s = play.position();
            boolean agentTurn = s.currentPlayer() == play.agentPlayer();
            int sims = controls.simulations();
            int depth = controls.depth();
            int rollouts = controls.rollouts();
            GamePlay.Mode mode = play.mode();
            moveJobCursor = play.cursor();
            moveJob = worker.submit(c -> agentTurn ? c.analyst().agentMove(c.view(), s, sims)
                    : mode == GamePlay.Mode.MINIMAX ? c.analyst().perfectMove(s, depth)
                    : c.analyst().uctMove(s, rollouts));
        }
    }

    /** Starts a new game in the chosen mode: a fresh self-play game of the current network, or an empty board. */
    void newGame() {
        play.reset(controls.mode(), controls.agentPlayer());
        moveJob = null;
        if (play.mode() == GamePlay.Mode.SELF_PLAY && snapshotSequence >= 0) {
            int sims = trainingSimulations;
            int plies = sampledPlies;
            gameJob = worker.submit(c -> c.analyst().selfPlayGame(c.view(), sims, plies));
        }
        showPosition();
        requestAnalysis(false);
    }

    /** One move back or forward in the line shown (the buttons and the left/right keys). */
    void step(boolean forward) {
        if (forward ? play.forward() : play.back()) {
            showPosition();
            requestAnalysis(false);
        }
    }

    private void humanMove(int action) {
        if (!play.humanToMove() || !play.position().isLegal(action)) {
            return;
        }
        play.play(action);
        moveJob = null;
        lastMoveNanos = System.nanoTime();
        showPosition();
        requestAnalysis(false);
    }

    /** Asks the worker for the shown position's analysis; {@code refresh}: again for a new snapshot. */
    private void requestAnalysis(boolean refresh) {
        GameState s = play.position();
        if (!refresh && s.equals(requested)) {
            return;
        }
        requested = s;
        analysedSequence = snapshotSequence;
        lastAnalysisNanos = System.nanoTime();
        worker.analyse(new GameWorker.Request(s, controls.simulations(), controls.depth()));
    }

    private void showPosition() {
        GameState s = play.position();
        PositionAnalysis a = shown != null && shown.state().equals(s) ? shown : null;
        board.show(s, a);
        String where = play.mode() + ", " + play.cursor() + " / " + play.moves().length + " moves"
                + (snapshotSequence < 0 ? ", no network yet" : "");
        panel.show(s, a, where);
        panel.hover(s, a, hovered);
        controls.update(play, a != null && a.tree() != null);
    }

    /**
     * Opens the search tree of the shown position in its own window. The seam for the tree view's network panel
     * (activations and circuit at a clicked node, branch i12-treelab) is the {@link TreePositions} built here.
     */
    private void openSearchTree() {
        PositionAnalysis a = shown;
        if (a == null || a.tree() == null) {
            return;
        }
        // The node panel's circuits run on their own copy of the network the search used, made by the worker.
        worker.networkCopy(a.snapshot()).thenAccept(net -> Platform.runLater(() -> showSearchTree(a, net)));
    }

    private void showSearchTree(PositionAnalysis a, InspectableNetwork net) {
        SearchTree<GameState> tree = a.tree();
        TreePositions<GameState> positions = worker.solutionIfSolved() == null ? TreePositions.of(game)
                : TreePositions.solved(worker.solutionIfSolved());
        if (net != null) {
            positions = positions.withCircuits(NetworkCircuits.forGame(net, game));
        }
        treeView = new SearchTreeView<>(tree, positions);
        treeView.openWindow("Search tree: " + game.id() + ", move " + (a.state().history().length + 1) + ", "
                + a.simulations() + " simulations, network snapshot " + a.snapshot(), 1100, 800);
    }

    /** The search tree view opened last, or null. */
    SearchTreeView<GameState> treeView() {
        return treeView;
    }

    /** The status line's text for the current run. */
    public String statusText() {
        if (feed == null) {
            return "Press Start to train " + (game == null ? "" : game.id()) + " with AlphaZero.";
        }
        GameFeed.Status s = feed.status();
        return switch (s.phase()) {
            case FAILED -> "Failed: " + s.failure();
            case PREPARING -> "Preparing the agent…";
            default -> String.format(Locale.ROOT, "%s  ·  %s, seed %d  ·  %,d iterations  ·  %,d updates  ·  %,d / %,d"
                    + " positions  ·  self-play %.0f positions/s  ·  network snapshot %d",
                    s.outcome() == null ? (controller.paused() ? "Paused" : "Training")
                            : "completed".equals(s.outcome().status()) ? "Done" : "Stopped",
                    game.id(), feed.settings().seed(), s.iterations(), s.updates(), s.envSteps(),
                    feed.settings().totalEnvSteps(), charts.positionsPerSecond(), snapshotSequence);
        };
    }

    /**
     * Plays a new self-play game of the newest network and, once it is recorded, steps {@code steps} moves into it
     * (at most to the move before the end), for the screenshot.
     */
    void newSelfPlayGame(int steps) {
        controls.selectMode(GamePlay.Mode.SELF_PLAY);
        stepsAfterLoad = steps;
        newGame();
    }

    /** Whether the shown position's analysis is drawn and no move or game is being computed. */
    boolean settled() {
        return !busy() && shown != null && shown.state().equals(play.position());
    }

    /** The current run's feed, or null before the first game run. */
    GameFeed feed() {
        return feed;
    }

    /** The board. */
    GameBoard board() {
        return board;
    }

    /** The side panel. */
    GamePanel panel() {
        return panel;
    }

    /** The game shown. */
    GamePlay play() {
        return play;
    }

    /** The controls. */
    GameControls controls() {
        return controls;
    }

    /** The charts. */
    GameCharts charts() {
        return charts;
    }

    /** The analysis drawn now, or null. */
    PositionAnalysis shown() {
        return shown;
    }

    /** Snapshots taken up from the feed (the number of the newest plus one; 0 before the first). */
    long snapshots() {
        return snapshotSequence + 1;
    }

    /** Analyses the worker has finished. */
    long analyses() {
        return worker.analyses();
    }

    /** Whether a move or game is being computed. */
    boolean busy() {
        return moveJob != null || gameJob != null;
    }
}
