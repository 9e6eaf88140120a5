package dev.lantern.app.lab;

import java.util.function.Consumer;
import javafx.collections.FXCollections;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;

/**
 * The game view's controls: which game is shown ({@link GamePlay.Mode}) and which side the agent plays, the agent's
 * simulations per move, the UCT opponent's rollouts, the alpha-beta depth (connect-four), what shades the board
 * (prior or visits), a new game, one move back or forward, and the search tree of the shown position. FX thread only.
 *
 * <p>Node ids: {@code #gameMode}, {@code #agentSide}, {@code #simulations}, {@code #rollouts}, {@code #depth},
 * {@code #shadePrior}, {@code #shadeVisits}, {@code #newGame}, {@code #back}, {@code #forward}, {@code #searchTree}.
 */
final class GameControls extends FlowPane {

    /** The alpha-beta depth the view starts with (connect-four). */
    static final int DEFAULT_DEPTH = 8;
    /** The UCT opponent's rollouts per move the view starts with. */
    static final int DEFAULT_ROLLOUTS = 200;

    private final ComboBox<GamePlay.Mode> mode = new ComboBox<>(FXCollections.observableArrayList(
            GamePlay.Mode.values()));
    private final ComboBox<String> side = new ComboBox<>(FXCollections.observableArrayList("agent plays o",
            "agent plays x"));
    private final Spinner<Integer> simulations = new Spinner<>();
    private final Spinner<Integer> rollouts = new Spinner<>();
    private final Spinner<Integer> depth = new Spinner<>();
    private final ToggleButton prior = new ToggleButton("prior");
    private final ToggleButton visits = new ToggleButton("visits");
    private final Button newGame = new Button("New game");
    private final Button back = new Button("◀");
    private final Button forward = new Button("▶");
    private final Button tree = new Button("Search tree");

    /**
     * @param depthLimited whether the exact value is alpha-beta to a depth (connect-four), so the depth is chosen
     * @param simulations  the agent's simulations per move to start with (the training's)
     */
    GameControls(boolean depthLimited, int simulations) {
        setHgap(6);
        setVgap(6);
        mode.setId("gameMode");
        mode.setValue(GamePlay.Mode.SELF_PLAY);
        mode.setTooltip(new Tooltip("The game shown: a self-play game of the current network, or the agent against"
                + " you, exact play or UCT (applies with New game)"));
        side.setId("agentSide");
        side.setValue("agent plays o");
        spinner(this.simulations, "simulations", 1, 5_000, simulations,
                "The agent's PUCT simulations per move (the view's search and the agent's moves)");
        spinner(rollouts, "rollouts", 1, 20_000, DEFAULT_ROLLOUTS, "The UCT opponent's random-rollout simulations");
        spinner(depth, "depth", 1, 42, DEFAULT_DEPTH, "Alpha-beta's depth in plies for the exact value (42 = to the"
                + " end; deep searches take long)");
        ToggleGroup shade = new ToggleGroup();
        prior.setId("shadePrior");
        visits.setId("shadeVisits");
        prior.setToggleGroup(shade);
        visits.setToggleGroup(shade);
        visits.setSelected(true);
        newGame.setId("newGame");
        newGame.getStyleClass().add("primary");
        back.setId("back");
        back.setTooltip(new Tooltip("One move back (left arrow)"));
        forward.setId("forward");
        forward.setTooltip(new Tooltip("One move forward (right arrow)"));
        tree.setId("searchTree");
        tree.setTooltip(new Tooltip("The whole search tree of the shown position, in its own window"));
        getChildren().addAll(mode, side, newGame, new Separator(javafx.geometry.Orientation.VERTICAL), back, forward,
                new Separator(javafx.geometry.Orientation.VERTICAL), new Label("shade by"), prior, visits,
                new Label("simulations"), this.simulations, new Label("UCT rollouts"), rollouts);
        if (depthLimited) {
            getChildren().addAll(new Label("alpha-beta depth"), depth);
        }
        getChildren().add(tree);
    }

    private static void spinner(Spinner<Integer> s, String id, int min, int max, int initial, String tip) {
        s.setId(id);
        s.setValueFactory(new SpinnerValueFactory.IntegerSpinnerValueFactory(min, max, initial));
        s.setEditable(true);
        s.setPrefWidth(90);
        s.setTooltip(new Tooltip(tip));
    }

    /** The mode chosen for the next game. */
    GamePlay.Mode mode() {
        return mode.getValue();
    }

    /** Chooses the mode for the next game. */
    void selectMode(GamePlay.Mode m) {
        mode.setValue(m);
    }

    /** The side the agent plays in the next game: 0 (x, first) or 1 (o, second). */
    int agentPlayer() {
        return side.getValue().endsWith("x") ? 0 : 1;
    }

    /** The agent's simulations per move. */
    int simulations() {
        return simulations.getValue();
    }

    /** The UCT opponent's rollouts per move. */
    int rollouts() {
        return rollouts.getValue();
    }

    /** The alpha-beta depth. */
    int depth() {
        return depth.getValue();
    }

    void onNewGame(Runnable r) {
        newGame.setOnAction(e -> r.run());
    }

    void onStep(Consumer<Boolean> c) {
        back.setOnAction(e -> c.accept(false));
        forward.setOnAction(e -> c.accept(true));
    }

    void onShade(Consumer<GameBoard.Shade> c) {
        prior.setOnAction(e -> c.accept(prior.isSelected() ? GameBoard.Shade.PRIOR : GameBoard.Shade.VISITS));
        visits.setOnAction(e -> c.accept(visits.isSelected() ? GameBoard.Shade.VISITS : GameBoard.Shade.PRIOR));
    }

    void onTree(Runnable r) {
        tree.setOnAction(e -> r.run());
    }

    /** Who is told when the simulations or the depth change (the shown position is analysed again). */
    void onSettings(Runnable r) {
        simulations.valueProperty().addListener((o, was, now) -> r.run());
        depth.valueProperty().addListener((o, was, now) -> r.run());
    }

    /** Enables the buttons for where the game stands. */
    void update(GamePlay play, boolean hasTree) {
        back.setDisable(play.cursor() == 0);
        forward.setDisable(play.atEnd());
        tree.setDisable(!hasTree);
    }
}
