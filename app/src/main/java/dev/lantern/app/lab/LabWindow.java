package dev.lantern.app.lab;

import dev.lantern.agents.train.RunOutcome;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import javafx.animation.AnimationTimer;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.control.Slider;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Spinner;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;

/**
 * The lab's window: a toolbar (environment, seed, start, pause, single step, speed), the {@link GridView} on the left,
 * the {@link ChartsPane} on the right and a status line. One {@link AnimationTimer} on the FX thread polls the current
 * {@link LiveFeed}: every pulse it takes the newest {@link PolicyFrame} if there is one, every
 * {@value #DRAIN_MILLIS} ms it drains the queued metrics into the charts in one batch, and every
 * {@value #DEMO_MILLIS} ms it moves the demo agent. Nothing is posted to the FX thread per metric or per frame.
 * While a board game is chosen (or trains) the {@link GameView} takes the place of the grid and its tabs and polls its
 * own {@link GameFeed}; this window then only refreshes the toolbar and the status line.
 *
 * <p>Node ids for tests and CSS: {@code #env}, {@code #seed}, {@code #start}, {@code #pause}, {@code #step},
 * {@code #speed}, {@code #grid}, {@code #valueSource}, {@code #keys}, {@code #hover}, {@code #status},
 * {@code #returnChart}, {@code #lossChart}, {@code #lcaChart}.
 */
public final class LabWindow {

    /** Width of the window's scene. */
    public static final double WIDTH = 1400;
    /** Height of the window's scene. */
    public static final double HEIGHT = 900;
    /** How often the metric queue is drained (and the status line refreshed). */
    public static final long DRAIN_MILLIS = 100;
    /**
     * Shortest time between two redraws of the charts: software rendering of three JFreeChart plots took a large part
     * of a core at every drain (lantern bench lab), and a chart of a run's metrics reads as well at 4 Hz.
     */
    public static final long CHART_MILLIS = 250;
    /**
     * Shortest time between two new policy frames on the grid (its arrows and heatmap: a few hundred shapes): less than
     * a 60 Hz pulse, so that the grid draws every frame the feed makes (about 40 a second while PPO updates); the
     * newest frame waits at most this long. The circuit view draws every snapshot.
     */
    public static final long GRID_FRAME_MILLIS = 15;
    /** How often the demo agent moves. */
    public static final long DEMO_MILLIS = 150;
    /** Longest delay after each iteration the speed slider gives (at its slow end). */
    public static final long MAX_DELAY_MILLIS = 500;
    private static final int MAX_METRICS_PER_DRAIN = 50_000;

    private final LabController controller;
    private final LabSettings initial;
    private final BorderPane root = new BorderPane();
    private final GridView grid = new GridView();
    private final GridPanel panel = new GridPanel(grid);
    private final ChartsPane charts = new ChartsPane();
    private final CircuitPane circuits = new CircuitPane(grid);
    private final ComparePane compare = new ComparePane();
    private final SearchTreePane searchTree = new SearchTreePane(grid);
    private final Tab searchTreeTab = new Tab("Search tree", searchTree);
    private final TabPane right = new TabPane();
    private final ComboBox<String> env = new ComboBox<>(FXCollections.observableArrayList(LabSettings.ENVIRONMENTS));
    private final ComboBox<String> agent = new ComboBox<>(FXCollections.observableArrayList(LabSettings.AGENTS));
    private final GameView games;
    private SplitPane gridContent;
    private final Spinner<Integer> seed = new Spinner<>();
    private final Button start = new Button("Start");
    private final Button pause = new Button("Pause");
    private final Button step = new Button("Step");
    private final Slider speed = new Slider(0, MAX_DELAY_MILLIS, MAX_DELAY_MILLIS);
    private final Label speedLabel = new Label();
    private final Label status = new Label("Choose an environment and a seed, then press Start.");
    private final Map<String, Double> evaluation = new LinkedHashMap<>();
    private final List<MetricPoint> batch = new ArrayList<>();
    private final Deque<Long> frameTimes = new ArrayDeque<>();
    private final AnimationTimer timer;
    private final EnvPreview preview = new EnvPreview();
    private RunInfo shownPreview;
    private LiveFeed feed;
    private RunInfo shownRun;
    private long lastSequence = -1;
    private long framesReceived;
    private long lastDrainNanos;
    private long lastChartNanos;
    private long lastGridFrameNanos;
    private PolicyFrame gridPending;
    private ComparePane.Scrubbed scrubShown;
    private ComparePane.Scrubbed scrubSeen;
    private long lastDemoNanos;

    /**
     * Builds the window's content (FX thread).
     *
     * @param controller runs the training
     * @param initial    the environment, seed and budget the toolbar starts with
     */
    public LabWindow(LabController controller, LabSettings initial) {
        this.controller = Objects.requireNonNull(controller, "controller");
        this.initial = Objects.requireNonNull(initial, "initial");
        this.games = new GameView(controller);
        root.getStyleClass().add("lab");
        root.setTop(toolbar());
        gridContent = content();
        root.setCenter(gridContent);
        status.setId("status");
        status.getStyleClass().add("status");
        status.setMaxWidth(Double.MAX_VALUE);
        root.setBottom(status);
        env.valueProperty().addListener((obs, old, now) -> requestPreview());
        requestPreview();
        timer = new AnimationTimer() {
            @Override
            public void handle(long now) {
                tick(now);
            }
        };
    }

    /** The root node. */
    public Parent root() {
        return root;
    }

    /** Puts the window on {@code stage} ({@value #WIDTH} x {@value #HEIGHT}), shows it and starts polling. */
    public void show(Stage stage) {
        Scene scene = new Scene(root, WIDTH, HEIGHT);
        scene.getStylesheets().add(Objects.requireNonNull(LabWindow.class.getResource("lab.css"),
                "lab.css missing").toExternalForm());
        stage.setTitle("Lantern lab");
        stage.setScene(scene);
        stage.setOnHidden(e -> dispose());
        stage.show();
        timer.start();
    }

    /** Starts training with the toolbar's environment, learner and seed, as the Start button does. */
    public void startTraining() {
        LabSettings s = initial.withEnvId(env.getValue()).withAgentType(agent.getValue()).withSeed(seed.getValue());
        controller.setDelayMillis(delayMillis());
        preview.cancel();
        showGames(s.game());
        if (s.game()) {
            games.open(s);
            controller.startGame(s, false);
        } else {
            controller.start(s);
        }
        start.setText("Restart");
    }

    /** Stops polling and training, and ends the training thread. */
    public void dispose() {
        timer.stop();
        games.close();
        circuits.close();
        compare.close();
        preview.close();
        controller.close(5_000);
    }

    /** The grid view. */
    public GridView gridView() {
        return grid;
    }

    /** Selects what the grid's heatmap shows, as the buttons over the grid do. */
    public void selectHeatmap(GridView.ValueSource source) {
        panel.selectSource(source);
    }

    /** The game view (shown in place of the grid and charts while a board game is chosen). */
    public GameView gameView() {
        return games;
    }

    /** Puts the game view ({@code true}) or the grid and its tabs in the window's centre. */
    private void showGames(boolean game) {
        root.setCenter(game ? games : gridContent);
    }

    /** The charts. */
    public ChartsPane charts() {
        return charts;
    }

    /** The circuit panel. */
    CircuitPane circuits() {
        return circuits;
    }

    /** Shows the circuit panel (the "Circuits" tab) instead of the charts. */
    public void showCircuits() {
        right.getSelectionModel().select(1);
    }

    /** Shows the compare mode (the "Compare" tab). */
    public void showCompare() {
        right.getSelectionModel().select(2);
    }

    /** Shows the search tree of a planning agent (the "Search tree" tab). */
    public void showSearchTree() {
        right.getSelectionModel().select(searchTreeTab);
    }

    /** The "Search tree" tab's content. */
    SearchTreePane searchTree() {
        return searchTree;
    }

    /** Opens run directories (each a run or a folder of runs) in the compare mode; they are read in the background. */
    public void openRuns(List<java.nio.file.Path> dirs) {
        compare.open(dirs);
    }

    /** Moves the scrubber to checkpoint {@code index} of the first run selected (negative: from the end). */
    public void scrubLater(int index) {
        compare.scrubLater(index);
    }

    /**
     * Whether the compare mode was given runs and has read them all, and the grid shows the scrubber's newest
     * checkpoint frame (for the screenshot); false when it was given none.
     */
    boolean compareSettled() {
        return compare.requested() > 0 && compare.pending() == 0 && scrubShown != null
                && scrubShown == compare.scrubbed();
    }

    /** Whether the compare mode was given runs to open. */
    boolean comparing() {
        return compare.requested() > 0;
    }

    /** The compare tab. */
    ComparePane compare() {
        return compare;
    }

    /** The scrubbed checkpoint the grid shows now, or null (live training or a preview). */
    ComparePane.Scrubbed scrubShown() {
        return scrubShown;
    }

    /** Opens the inspector of neuron {@code index} of layer {@code site} once the circuit view has a frame. */
    public void inspectLater(String site, int index) {
        circuits.selectLater(new CircuitRequest.Neuron(site, index));
    }

    /** Frames received from the training thread since the window opened. */
    public long framesReceived() {
        return framesReceived;
    }

    /** Frames received per second over the last two seconds. */
    public double framesPerSecond() {
        long now = System.nanoTime();
        return frameTimes.stream().filter(t -> now - t <= 2_000_000_000L).count() / 2.0;
    }

    /** The environment drawn before any training (map and V*), or null until it is solved or once a run shows. */
    RunInfo shownPreview() {
        return shownPreview;
    }

    /** The controller's current feed (null before the first start). */
    LiveFeed controllerFeed() {
        return controller.feed();
    }

    /** The final evaluation's metrics ({@code eval/...}) of the current run, once it has ended. */
    public Map<String, Double> evaluation() {
        return Map.copyOf(evaluation);
    }

    private ToolBar toolbar() {
        env.setId("env");
        env.setValue(initial.envId());
        env.setTooltip(new Tooltip("The grid world to train on (applies at the next Start)"));
        agent.setId("agent");
        agent.setValue(initial.agentType());
        agent.setTooltip(new Tooltip("The learner, with its default hyperparameters (applies at the next Start)"));
        seed.setId("seed");
        seed.setValueFactory(new SpinnerValueFactory.IntegerSpinnerValueFactory(0, Integer.MAX_VALUE,
                (int) Math.min(Integer.MAX_VALUE, Math.max(0, initial.seed()))));
        seed.setEditable(true);
        seed.setPrefWidth(90);
        start.setId("start");
        start.getStyleClass().add("primary");
        start.setOnAction(e -> startTraining());
        pause.setId("pause");
        pause.setOnAction(e -> {
            if (controller.paused()) {
                controller.resume();
            } else {
                controller.pause();
            }
            updateButtons();
        });
        step.setId("step");
        step.setTooltip(new Tooltip("Pause, then run exactly one iteration (one rollout and its updates)"));
        step.setOnAction(e -> {
            controller.step();
            updateButtons();
        });
        speed.setId("speed");
        speed.setPrefWidth(160);
        speed.setTooltip(new Tooltip("Slow (a " + MAX_DELAY_MILLIS + " ms pause after every iteration) to full speed"));
        speed.valueProperty().addListener((obs, old, now) -> {
            controller.setDelayMillis(delayMillis());
            updateSpeedLabel();
        });
        updateSpeedLabel();
        speedLabel.getStyleClass().add("dim");
        speedLabel.setMinWidth(110);
        updateButtons();
        return new ToolBar(new Label("Environment"), env, new Label("Agent"), agent, new Label("Seed"), seed, new Separator(Orientation.VERTICAL),
                start, pause, step, new Separator(Orientation.VERTICAL), new Label("Speed"), speed, speedLabel);
    }

    private SplitPane content() {
        charts.setPadding(new Insets(6));
        Tab circuitTab = new Tab("Circuits", circuits);
        circuitTab.setId("circuitsTab");
        Tab compareTab = new Tab("Compare", compare);
        compareTab.setId("compareTab");
        searchTreeTab.setId("searchTreeTab");
        right.getTabs().addAll(new Tab("Training", charts), circuitTab, compareTab, searchTreeTab);
        right.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        circuitTab.selectedProperty().addListener((obs, was, now) -> circuits.setActive(now));
        SplitPane split = new SplitPane(panel, right);
        split.setDividerPositions(0.47);
        return split;
    }

    private long delayMillis() {
        return Math.round(MAX_DELAY_MILLIS - speed.getValue());
    }

    private void updateSpeedLabel() {
        long d = delayMillis();
        speedLabel.setText(d == 0 ? "full speed" : "+" + d + " ms / iteration");
    }

    private void updateButtons() {
        GameFeed g = controller.gameFeed();
        boolean running = feed != null && feed.status().phase() == LiveFeed.Phase.RUNNING
                || g != null && g.status().phase() == LiveFeed.Phase.RUNNING;
        pause.setDisable(!running);
        step.setDisable(!running);
        pause.setText(controller.paused() ? "Resume" : "Pause");
    }

    /** Whether no run is training: before the first Start, or after the last one ended or failed. */
    private boolean idle() {
        GameFeed g = controller.gameFeed();
        if (g != null) {
            return g.status().phase() == LiveFeed.Phase.ENDED || g.status().phase() == LiveFeed.Phase.FAILED;
        }
        return feed == null || feed.status().phase() == LiveFeed.Phase.ENDED
                || feed.status().phase() == LiveFeed.Phase.FAILED;
    }

    /** The environment chosen while no run trains is drawn at once (map, V*, empty charts); else at the next Start. */
    private void requestPreview() {
        String id = env.getValue();
        if (id == null) {
            return;
        }
        boolean game = LabSettings.isGame(id);
        java.util.List<String> learners = game ? LabSettings.GAME_AGENTS : LabSettings.AGENTS;
        if (!learners.equals(agent.getItems())) {
            agent.getItems().setAll(learners);
        }
        if (agent.getValue() == null || !learners.contains(agent.getValue())) {
            agent.setValue(LabSettings.defaultAgent(id));
        }
        if (idle()) {
            showGames(game);
            if (game) { // the empty board and charts; nothing to solve in advance
                games.open(initial.withEnvId(id).withAgentType(agent.getValue()));
            } else {
                preview.request(initial.withEnvId(id).withAgentType(agent.getValue()));
            }
        }
    }

    private void show(RunInfo info) {
        scrubShown = null;
        grid.setCaption(null);
        grid.setRun(info);
        charts.reset(info);
        panel.showKeysChoice(info.map().keyCount() > 0);
    }

    private void tick(long now) {
        if (controller.gameFeed() != null) { // the game view polls its own feed
            if (now - lastDrainNanos >= DRAIN_MILLIS * 1_000_000L) {
                lastDrainNanos = now;
                updateButtons();
                status.setText(games.statusText());
            }
            return;
        }
        LiveFeed f = controller.feed();
        if (f != feed) {
            feed = f;
            shownRun = null;
            lastSequence = -1;
            gridPending = null;
            evaluation.clear();
        }
        RunInfo chosen = preview.latest();
        if (chosen != null && chosen != shownPreview && idle()) {
            shownPreview = chosen;
            show(chosen);
        }
        showScrubbed();
        if (feed == null) {
            return;
        }
        RunInfo info = feed.status().info();
        if (info != null && info != shownRun) {
            shownRun = info;
            shownPreview = null;
            preview.cancel(); // a preview asked for before this run is stale now
            show(info);
        }
        PolicyFrame frame = feed.latestFrame();
        if (frame != null && shownRun != null && frame.sequence() != lastSequence) {
            lastSequence = frame.sequence();
            framesReceived++;
            frameTimes.addLast(System.nanoTime());
            while (frameTimes.size() > 200) {
                frameTimes.removeFirst();
            }
            gridPending = frame;
        }
        if (circuits.holdsGrid()) {
            gridPending = null;
        } else if (gridPending != null && now - lastGridFrameNanos >= GRID_FRAME_MILLIS * 1_000_000L) {
            lastGridFrameNanos = now;
            grid.setFrame(gridPending);
            gridPending = null;
        }
        circuits.tick(feed);
        searchTree.tick(feed, shownRun, searchTreeTab.isSelected(), !circuits.holdsGrid(), now);
        if (now - lastDrainNanos >= DRAIN_MILLIS * 1_000_000L) {
            lastDrainNanos = now;
            if (shownRun != null) {
                batch.clear();
                feed.drainMetrics(batch, MAX_METRICS_PER_DRAIN);
                for (MetricPoint p : batch) {
                    if (p.name().startsWith("eval/")) {
                        evaluation.put(p.name(), p.value());
                    }
                }
                charts.accept(batch);
                boolean running = feed.status().phase() == LiveFeed.Phase.RUNNING;
                if (now - lastChartNanos >= CHART_MILLIS * 1_000_000L || !running) {
                    lastChartNanos = now;
                    charts.refresh();
                }
            }
            updateButtons();
            status.setText(statusText());
        }
        if (now - lastDemoNanos >= DEMO_MILLIS * 1_000_000L) {
            lastDemoNanos = now;
            grid.demoTick();
        }
    }

    /**
     * While no run trains, the scrubber's newest checkpoint frame replaces what the grid shows, labelled with its
     * checkpoint and run; live training takes the grid back at its next run (while one trains, scrubbing moves the
     * slider only).
     */
    private void showScrubbed() {
        ComparePane.Scrubbed s = compare.scrubbed();
        if (s == null || s == scrubSeen) {
            return;
        }
        scrubSeen = s; // a checkpoint scrubbed to while a run trains is not drawn later over its end
        if (!idle()) {
            return;
        }
        if (scrubShown == null || scrubShown.run() != s.run()) {
            grid.setRun(s.run().info());
            panel.showKeysChoice(s.run().info().map().keyCount() > 0);
        }
        scrubShown = s;
        grid.setFrame(s.frame());
        grid.setCaption(s.caption());
        status.setText("Showing " + s.caption() + "  ·  " + s.run().info().envId()
                + "  ·  Start trains a new agent live");
    }

    private String statusText() {
        LiveFeed.Status f = feed.status(); // phase, counts and outcome from one moment
        LiveFeed.Phase phase = f.phase();
        if (phase == LiveFeed.Phase.FAILED) {
            return "Failed: " + f.failure();
        }
        if (phase == LiveFeed.Phase.PREPARING || shownRun == null) {
            return "Preparing the agent…";
        }
        LabSettings s = shownRun.settings();
        StringBuilder sb = new StringBuilder();
        RunOutcome outcome = f.outcome();
        if (outcome != null) {
            sb.append("completed".equals(outcome.status()) ? "Done" : "Stopped");
        } else {
            sb.append(controller.paused() ? "Paused" : "Training");
        }
        sb.append(String.format(Locale.ROOT, "  ·  %s, seed %d  ·  %,d updates  ·  %,d / %,d env steps",
                shownRun.envId(), s.seed(), f.updates(), f.envSteps(), s.totalEnvSteps()));
        sb.append(String.format(Locale.ROOT, "  ·  %,d episodes", charts.episodes()));
        double avg = charts.averageReturn();
        if (!Double.isNaN(avg)) {
            sb.append(String.format(Locale.ROOT, "  ·  return (last %d) %.3f", ChartsPane.RETURN_WINDOW, avg));
        }
        Double evalReturn = evaluation.get("eval/return");
        if (evalReturn != null) {
            sb.append(String.format(Locale.ROOT, "  ·  greedy eval return %.3f (%s)", evalReturn,
                    OptimumText.status(shownRun.optimum())));
            Double success = evaluation.get("eval/success_rate");
            if (success != null) {
                sb.append(String.format(Locale.ROOT, ", success %.0f%%", 100 * success));
            }
        }
        if (outcome == null) {
            sb.append(String.format(Locale.ROOT, "  ·  %.1f frames/s", framesPerSecond()));
        }
        return sb.toString();
    }
}
