package dev.lantern.app.lab;

import dev.lantern.environments.grid.GridState;
import dev.lantern.environments.grid.GridWorld;
import dev.lantern.environments.grid.map.Cell;
import dev.lantern.environments.grid.map.GridMap;
import dev.lantern.environments.grid.solve.GridSolution;
import java.util.List;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.BoundingBox;
import javafx.geometry.Bounds;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;

/**
 * The grid world as the network sees it: tiles, a value heatmap over every drawn free cell (the network's V(s) or the
 * exact V*(s)), four policy arrows per cell whose lengths are the action probabilities, and the demo agent with its
 * trail. A legend under the grid gives the colour scale's range. Drawn on the FX thread from the latest
 * {@link PolicyFrame}; hovering a cell fills {@link #hoverTextProperty()}.
 *
 * <p>Layers, so that a frame redraws only what it changes (on a software renderer every layer a frame touches is
 * rasterized again over its whole area): the region's canvas (background, or the placeholder without a run), drawn
 * when the view changes; the grid's picture and the legend ({@link GridLayers}); the demo agent, its trail and the
 * hovered cell ({@link AgentLayer}).
 */
public final class GridView extends CanvasRegion {

    /** What the heatmap shows. */
    public enum ValueSource {
        /** The network's value estimate V(s), from the latest frame. */
        NETWORK,
        /** The exact optimal value V*(s) (value iteration, γ = 1); also what is drawn before the first frame. */
        TRUE,
        /** The value head's error V(s) − V*(s), V* at the learner's discount ({@link ValueErrors}). */
        ERROR_OPTIMAL,
        /** The value head's error V(s) − V^π(s), π the frame's own policy ({@link ValueErrors}). */
        ERROR_POLICY
    }

    /** Which keys the drawn states hold, on maps with keys. */
    public enum KeysShown {
        /** Whatever the demo agent holds now. */
        AGENT,
        /** No key. */
        NONE,
        /** Every key. */
        ALL
    }

    static final Color BACKGROUND = Color.web("#f6f7f9");
    static final Color WALL = Color.web("#3b4754");
    static final Color NO_VALUE = Color.web("#e4e8ec");
    static final Color GOAL = Color.web("#2f9e44");
    static final Color LAVA = Color.web("#e8590c");
    static final Color KEY = Color.web("#f59f00");
    static final Color DOOR = Color.web("#8d5524");
    static final Color ARROW = Color.web("#15191d");
    static final Color ARROW_HALO = Color.rgb(255, 255, 255, 0.7);
    static final Color AGENT = Color.web("#c2255c");
    static final Color GRID_LINE = Color.rgb(0, 0, 0, 0.14);
    /** Height of the legend strip under the grid, in pixels. */
    static final double LEGEND_HEIGHT = 48;
    /** An arrow of probability 1 is this fraction of the cell size long. */
    static final double ARROW_REACH = 0.46;
    /** Arrows of smaller probability are not drawn. */
    static final double MIN_ARROW_PROBABILITY = 0.03;

    private final ReadOnlyStringWrapper hoverText = new ReadOnlyStringWrapper(this, "hoverText", "");
    private final ReadOnlyObjectWrapper<Cell> hoveredCell = new ReadOnlyObjectWrapper<>(this, "hoveredCell");
    private final ReadOnlyStringWrapper caption = new ReadOnlyStringWrapper(this, "caption", null);
    private GridOverlay overlay;
    private RunInfo run;
    private DemoEpisode demo;
    private PolicyFrame frame;
    private ValueSource valueSource = ValueSource.NETWORK;
    private KeysShown keysShown = KeysShown.AGENT;
    private ValueErrors errors;
    private Cell hovered;
    private Cell pinned;
    private double cell;
    private long framesDrawn;
    private final GridLayers layers = new GridLayers(); // the grid's picture and the legend
    private final AgentLayer top = new AgentLayer(); // over the canvas: the demo agent, its trail, the hovered cell
    private double originX;
    private double originY;

    /** An empty view; {@link #setRun} gives it a world. */
    public GridView() {
        getStyleClass().add("grid-view");
        setMinSize(240, 240);
        setPrefSize(600, 640);
        getChildren().addAll(layers.nodes());
        getChildren().add(top);
        canvas.setOnMouseMoved(e -> setHovered(cellAt(e.getX(), e.getY())));
        canvas.setOnMouseExited(e -> setHovered(null));
    }

    /** Shows a new run's world; clears the frame and restarts the demo agent. */
    public void setRun(RunInfo info) {
        run = info;
        frame = null;
        hovered = pinned != null && info.map().contains(pinned.row(), pinned.col()) ? pinned : null;
        GridWorld world = info.newWorld();
        int cap = Math.min(world.maxEpisodeSteps(), Math.max(20, 2 * world.freeCells().size()));
        demo = new DemoEpisode(world, cap);
        hoveredCell.set(hovered);
        redraw();
    }

    /** Hovers the cell (row, col) in the next runs, as if the mouse were on it (for screenshots). */
    void hoverLater(int row, int col) {
        pinned = new Cell(row, col);
        if (run != null && run.map().contains(row, col)) {
            setHovered(pinned);
        }
    }

    /** Shows a newer frame. */
    public void setFrame(PolicyFrame f) {
        frame = f;
        framesDrawn++;
        refreshHoverText();
        drawGrid(); // the background, the agent and the hovered cell did not move
    }

    /** Frames drawn so far ({@link #setFrame} calls: each a frame with new data). */
    public long framesDrawn() {
        return framesDrawn;
    }

    /**
     * Says where the frame comes from when it is not live training (the scrubber's {@code checkpoint step N of RUN});
     * null for live training. Shown over the grid by {@link GridPanel}.
     */
    public void setCaption(String text) {
        caption.set(text);
    }

    /** Where the frame comes from when it is not live training, or null. */
    public ReadOnlyStringProperty captionProperty() {
        return caption.getReadOnlyProperty();
    }

    /** The frame drawn, or null. */
    public PolicyFrame frame() {
        return frame;
    }

    /** Moves the demo agent one step (see {@link DemoEpisode}) and redraws. */
    public void demoTick() {
        if (demo != null) {
            demo.tick(frame);
            redrawTop();
        }
    }

    /** The demo agent's state, or null without a run. */
    public GridState agentState() {
        return demo == null ? null : demo.state();
    }

    /** The cells the demo agent visited in its current episode, start first (empty without a run). */
    public List<Cell> demoTrail() {
        return demo == null ? List.of() : demo.trail();
    }

    /** Chooses what the heatmap shows. */
    public void setValueSource(ValueSource source) {
        valueSource = source;
        changed();
    }

    /** What the heatmap shows. */
    public ValueSource valueSource() {
        return valueSource;
    }

    /** Chooses which keys the drawn states hold. */
    public void setKeysShown(KeysShown shown) {
        keysShown = shown;
        changed();
    }

    /** The hovered cell's policy and values, empty when no cell is hovered. */
    public ReadOnlyStringProperty hoverTextProperty() {
        return hoverText.getReadOnlyProperty();
    }

    /** The hovered cell, null when none is. */
    public ReadOnlyObjectProperty<Cell> hoveredCellProperty() {
        return hoveredCell.getReadOnlyProperty();
    }

    /** Draws {@code o} over the cells, under the agent (null: nothing), and redraws the grid. */
    public void setOverlay(GridOverlay o) {
        overlay = o;
        drawGrid(); // the picture takes the overlay in its decal; the background is as it was
    }

    /** The keys mask of the drawn states. */
    public int shownMask() {
        if (run == null) {
            return 0;
        }
        int full = (1 << run.map().keyCount()) - 1;
        int mask = switch (keysShown) {
            case NONE -> 0;
            case ALL -> full;
            case AGENT -> demo.state().keysMask();
        };
        return frame == null ? mask : frame.displayMask(mask);
    }

    /**
     * What the heatmap draws now: {@link #valueSource()}, except that before the first frame (no network yet) it draws
     * the exact V*(s).
     */
    public ValueSource drawnSource() {
        return frame == null ? ValueSource.TRUE : valueSource;
    }

    /**
     * The heatmap value of a cell (network, exact or the network's error, per {@link #drawnSource()}), NaN where none
     * is drawn. Before the first frame the exact V*(s) of every non-terminal cell whose state value iteration reaches.
     */
    public double shownValue(int row, int col) {
        if (run == null || !run.map().contains(row, col)) {
            return Double.NaN;
        }
        int mask = shownMask();
        GridState s = new GridState(row, col, mask);
        boolean drawn = frame == null
                ? !run.map().tile(row, col).isTerminal() && run.map().tile(row, col).isFree()
                        && run.groundTruth().contains(s)
                : frame.has(row, col, mask);
        if (!drawn) {
            return Double.NaN;
        }
        return switch (drawnSource()) {
            case NETWORK -> frame.value(row, col, mask);
            case TRUE -> run.groundTruth().value(s);
            case ERROR_OPTIMAL, ERROR_POLICY -> errors().error(row, col);
        };
    }

    /** The error overlay's errors (the frame, mask and reference drawn now), or null unless it is drawn. */
    ValueErrors errors() {
        ValueSource src = drawnSource();
        if (src != ValueSource.ERROR_OPTIMAL && src != ValueSource.ERROR_POLICY) {
            return null;
        }
        ValueErrors.Reference ref = src == ValueSource.ERROR_OPTIMAL ? ValueErrors.Reference.OPTIMAL
                : ValueErrors.Reference.POLICY;
        int mask = shownMask();
        if (errors == null || !errors.isFor(frame, mask, ref)) {
            errors = ValueErrors.of(run, frame, mask, ref);
        }
        return errors;
    }

    /** The colour scale of the heatmap now: the range of the values shown (symmetric about 0 for errors). */
    public ColorScale colorScale() {
        if (run == null) {
            return new ColorScale(0, 1);
        }
        return colorScale(shownValues());
    }

    /** The colour scale for {@code shown}, the values {@link #shownValues} gives now. */
    private ColorScale colorScale(double[] shown) {
        ValueErrors e = errors();
        if (e != null) {
            double m = e.maxAbsError() > 0 ? e.maxAbsError() : 1;
            return new ColorScale(-m, m);
        }
        return ColorScale.fit(shown);
    }

    /** {@link #shownValue} of every cell, row-major (a run must be shown). */
    private double[] shownValues() {
        GridMap map = run.map();
        double[] v = new double[map.height() * map.width()];
        for (int r = 0; r < map.height(); r++) {
            for (int c = 0; c < map.width(); c++) {
                v[r * map.width() + c] = shownValue(r, c);
            }
        }
        return v;
    }

    /** Side of a cell in pixels (0 before the first layout). */
    public double cellSize() {
        return cell;
    }

    /** Where a cell is drawn, in this view's coordinates. */
    public Bounds cellBounds(int row, int col) {
        return new BoundingBox(originX + col * cell, originY + row * cell, cell, cell);
    }

    /** Drawn length in pixels of the arrow of {@code action} in a cell: its probability times the longest arrow. */
    public double arrowLength(int row, int col, int action) {
        if (frame == null || !frame.has(row, col, shownMask())) {
            return 0;
        }
        return arrowLength(frame.probability(row, col, shownMask(), action), cell);
    }

    /** The arrow length for probability {@code p} in cells of side {@code cellSize}. */
    static double arrowLength(double p, double cellSize) {
        return p * ARROW_REACH * cellSize;
    }

    /** Draws everything again. */
    @Override
    public void redraw() {
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.setFill(BACKGROUND);
        g.fillRect(0, 0, w, h);
        if (!drawGrid()) {
            GridPainter.placeholder(g, w, h, "Press Start to train an agent");
        }
        redrawTop();
    }

    /**
     * The layers that change with each frame: the grid's picture (heat, arrows, the tiles' marks, an overlay) and the
     * legend, the latter only when what it shows differs. False, with both hidden, where there is no grid to draw.
     */
    private boolean drawGrid() {
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        if (run == null || w < 10 || h < LEGEND_HEIGHT + 10) {
            layers.hide();
            return false;
        }
        GridMap map = run.map();
        cell = Math.floor(Math.min(w / map.width(), (h - LEGEND_HEIGHT) / map.height()));
        originX = Math.floor((w - cell * map.width()) / 2) + snappedLeftInset();
        originY = Math.floor((h - LEGEND_HEIGHT - cell * map.height()) / 2) + snappedTopInset();
        double[] values = shownValues(); // once a frame: the scale and the fills read the same values
        ColorScale scale = colorScale(values);
        int mask = shownMask();
        int cells = map.height() * map.width();
        Color[] fills = new Color[cells];
        double[][] policy = new double[cells][];
        for (int r = 0; r < map.height(); r++) {
            for (int c = 0; c < map.width(); c++) {
                double value = values[r * map.width() + c];
                fills[r * map.width() + c] = switch (map.tile(r, c)) {
                    case WALL -> WALL;
                    case GOAL -> GOAL;
                    case LAVA -> LAVA;
                    default -> Double.isNaN(value) ? NO_VALUE : scale.color(value);
                };
                if (frame != null && frame.has(r, c, mask)) {
                    double[] p = new double[frame.actionCount()];
                    for (int a = 0; a < p.length; a++) {
                        p[a] = frame.probability(r, c, mask, a);
                    }
                    policy[r * map.width() + c] = p;
                }
            }
        }
        layers.showGrid(map, (int) cell, originX, originY, fills, policy, mask, overlay);
        ValueErrors e = errors();
        String title = switch (drawnSource()) {
            case NETWORK -> "network V(s)";
            case TRUE -> frame == null ? "true V*(s), no network yet" : "true V*(s)";
            case ERROR_OPTIMAL -> "V(s) − V*(s)";
            case ERROR_POLICY -> "V(s) − V^π(s)";
        };
        layers.showLegend(snappedLeftInset(), snappedTopInset() + h - LEGEND_HEIGHT, w, h, scale, title,
                e == null ? null : e.note());
        return true;
    }

    /** The demo agent, its trail and the hovered cell, as shapes over the canvas ({@link AgentLayer}). */
    private void redrawTop() {
        if (run == null || cell <= 0 || canvas.getHeight() < LEGEND_HEIGHT + 10) {
            top.clear();
            return;
        }
        top.show(originX, originY, cell, demo == null ? null : demo.state(), demo == null ? List.of() : demo.trail(),
                hovered);
    }

    /** How often the legend and the decal were drawn (tests: a frame that changes neither draws neither). */
    long[] layerDraws() {
        return layers.draws();
    }

    /** What the legend shows now: title, note, min, max and the view's size (tests). */
    String legendShown() {
        return layers.legendShown();
    }

    /** The shapes over the grid (tests). */
    AgentLayer agentLayer() {
        return top;
    }

    private Cell cellAt(double x, double y) {
        if (run == null || cell <= 0) {
            return null;
        }
        int c = (int) Math.floor((x + canvas.getLayoutX() - originX) / cell);
        int r = (int) Math.floor((y + canvas.getLayoutY() - originY) / cell);
        return run.map().contains(r, c) ? new Cell(r, c) : null;
    }

    private void setHovered(Cell c) {
        if (c == null ? hovered != null : !c.equals(hovered)) {
            hovered = c;
            hoveredCell.set(c);
            refreshHoverText();
            redrawTop(); // the hovered cell's outline is over the canvas
        }
    }

    /** What is shown changed: the hover text and the picture follow. */
    private void changed() {
        refreshHoverText();
        redraw();
    }

    private void refreshHoverText() {
        hoverText.set(hovered == null ? "" : describe(hovered.row(), hovered.col()));
    }

    /** One line about a cell: its tile, the network's value and policy there, and the exact value. */
    String describe(int row, int col) {
        return run == null ? "" : CellText.describe(run, frame, shownMask(), row, col);
    }
}
