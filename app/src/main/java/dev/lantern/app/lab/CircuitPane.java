package dev.lantern.app.lab;

import dev.lantern.environments.grid.GridState;
import dev.lantern.environments.grid.map.Cell;
import java.util.Locale;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/**
 * The lab's circuit panel: the {@link CircuitView} of the hovered cell's state (the demo agent's while no cell is
 * hovered), the {@link NeuronInspector} of the clicked neuron, the {@link ProbePanel}, a {@code #freeze} toggle and the
 * choice of what the grid's attribution overlay explains ({@code #attributionTarget}, its numbers in
 * {@code #attribution}). Its {@link CircuitAnalyst} works off the FX thread; {@link #tick} (every pulse) picks up the
 * newest frame. While frozen, or while a neuron is ablated, the grid shows this panel's policy instead of the live one
 * ({@link #holdsGrid}). FX thread only.
 */
final class CircuitPane extends VBox {

    private static final Integer[] TARGETS = {CircuitRequest.VALUE, 0, 1, 2, 3};
    private static final String[] TARGET_NAMES = {"value", "up", "down", "right", "left"};

    private final GridView grid;
    private final CircuitAnalyst analyst = new CircuitAnalyst();
    private final CircuitView view = new CircuitView();
    private final ProbePanel probes = new ProbePanel();
    private final NeuronInspector inspector;
    private final ToggleButton freeze = new ToggleButton("Freeze");
    private final ChoiceBox<Integer> target = new ChoiceBox<>(FXCollections.observableArrayList(TARGETS));
    private final ChoiceBox<CircuitRequest.Baseline> baseline = new ChoiceBox<>(
            FXCollections.observableArrayList(CircuitRequest.Baseline.values()));
    private final Label status = new Label("The circuit of the hovered cell's state.");
    private final Label attribution = new Label();
    private LiveFeed feed;
    private CircuitFrame shown;
    private int shownState = Integer.MIN_VALUE;
    private int shownMask = -1;
    private CircuitRequest.Neuron shownNeuron;
    private PolicyFrame pushed;
    private CellAttribution overlaid; // the attribution the grid's overlay shows (null: none)
    private CircuitRequest.Neuron pending;
    private Object inspected; // what the inspector last showed: frame, neuron, mask and hovered cell

    /** The panel, attached to the lab's {@code grid} (its hovered cell, keys and overlay). */
    CircuitPane(GridView grid) {
        super(6);
        this.grid = grid;
        inspector = new NeuronInspector(on -> analyst.request(analyst.request().withNeuron(selected(), on)),
                () -> select(null));
        Label title = new Label("Circuit");
        title.getStyleClass().add("panel-title");
        freeze.setId("freeze");
        freeze.setTooltip(new Tooltip("Keep this snapshot (training goes on) and explore it"));
        freeze.selectedProperty().addListener((obs, was, now) -> analyst.setFrozen(now));
        target.setId("attributionTarget");
        target.setValue(CircuitRequest.VALUE);
        target.setConverter(new StringConverter<>() {
            @Override
            public String toString(Integer t) {
                return t == null ? "" : TARGET_NAMES[t + 1];
            }

            @Override
            public Integer fromString(String s) {
                throw new UnsupportedOperationException("not editable");
            }
        });
        target.setTooltip(new Tooltip("What the grid's attribution overlay explains: the value or an action's logit"));
        target.valueProperty().addListener((obs, was, now) -> analyst.request(analyst.request().withTarget(now)));
        baseline.setId("attributionBaseline");
        baseline.setValue(CircuitRequest.Baseline.WITHOUT_AGENT);
        baseline.setConverter(new StringConverter<>() {
            @Override
            public String toString(CircuitRequest.Baseline b) {
                return b == null ? "" : "from " + b.description();
            }

            @Override
            public CircuitRequest.Baseline fromString(String s) {
                throw new UnsupportedOperationException("not editable");
            }
        });
        baseline.valueProperty().addListener((obs, was, now) -> analyst.request(analyst.request().withBaseline(now)));
        Pane spacer = new Pane();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox header = new HBox(8, title, spacer, new Label("Attribution of"), target, baseline, freeze);
        header.setAlignment(Pos.CENTER_LEFT);
        status.setId("circuitStatus");
        status.getStyleClass().add("dim");
        attribution.setId("attribution");
        attribution.getStyleClass().add("hover");
        attribution.setWrapText(true);
        attribution.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        attribution.setMaxWidth(Double.MAX_VALUE);
        view.setId("circuit");
        view.setOnSelect(n -> select(n.equals(selected()) ? null : n));
        VBox.setVgrow(view, Priority.ALWAYS);
        inspector.setVisible(false);
        inspector.setManaged(false);
        HBox.setHgrow(inspector, Priority.ALWAYS);
        probes.setPrefWidth(300);
        probes.setMinWidth(260);
        HBox bottom = new HBox(10, inspector, probes);
        bottom.setMinHeight(250);
        bottom.setPrefHeight(270);
        getChildren().addAll(header, status, view, attribution, bottom);
        getStyleClass().add("panel");
        setPadding(new Insets(10));
        grid.hoveredCellProperty().addListener((obs, was, now) -> requestHover());
    }

    /** Makes frames (the panel is shown) or stops making them. */
    void setActive(boolean active) {
        analyst.setActive(active);
    }

    /** Whether the grid shows this panel's policy (frozen, or a neuron ablated) rather than the live one. */
    boolean holdsGrid() {
        return shown != null && (shown.frozen() || shown.ablated() != null);
    }

    /** The circuit view. */
    CircuitView view() {
        return view;
    }

    /** The inspector. */
    NeuronInspector inspector() {
        return inspector;
    }

    /** The probe panel. */
    ProbePanel probes() {
        return probes;
    }

    /** The analyst (for tests and the benchmark). */
    CircuitAnalyst analyst() {
        return analyst;
    }

    /** The frame shown, or null. */
    CircuitFrame shown() {
        return shown;
    }

    /** Selects {@code n} (null: none): opens its inspector, ablation off. */
    void select(CircuitRequest.Neuron n) {
        inspector.resetAblation();
        inspector.setVisible(n != null);
        inspector.setManaged(n != null);
        analyst.request(analyst.request().withNeuron(n, false));
        shownState = Integer.MIN_VALUE; // redraw
    }

    /** Selects {@code n} as soon as a frame has it (for scripts: the screenshot). */
    void selectLater(CircuitRequest.Neuron n) {
        pending = n;
    }

    private CircuitRequest.Neuron selected() {
        return analyst.request().neuron();
    }

    private void requestHover() {
        Cell c = grid.hoveredCellProperty().get();
        analyst.request(analyst.request().withHovered(c == null ? null : new GridState(c.row(), c.col(),
                grid.shownMask())));
    }

    /** Picks up the newest frame and redraws what changed (every pulse). */
    void tick(LiveFeed current) {
        if (current != feed) {
            feed = current;
            analyst.follow(current);
            shown = null;
            pushed = null;
        }
        if (grid.shownMask() != shownMask) {
            shownMask = grid.shownMask();
            requestHover();
        }
        CircuitFrame f = analyst.latest();
        RunInfo run = feed == null ? null : feed.status().info();
        if (f == null || run == null) {
            String why = analyst.failure();
            if (why != null && feed != null) {
                view.showMessage("No circuit: " + why);
            }
            return;
        }
        if (pending != null && f.activations().containsKey(pending.site())
                && pending.index() < f.width(pending.site())) {
            select(pending);
            pending = null;
        }
        int state = drawnState(f);
        CircuitRequest.Neuron n = selected();
        if (f == shown && state == shownState && java.util.Objects.equals(n, shownNeuron)) {
            return;
        }
        shown = f;
        shownState = state;
        shownNeuron = n;
        view.show(f, state, n, f.ablated() != null);
        Cell hovered = grid.hoveredCellProperty().get();
        java.util.List<Object> now = java.util.Arrays.asList(f, n, grid.shownMask(), hovered);
        if (n != null && !now.equals(inspected)) { // not at every move of the demo agent
            inspected = now;
            inspector.show(f, n, run.map(), grid.shownMask(), hovered, feed.neuronLca().history());
        }
        probes.show(f.probes());
        showAttribution(f);
        PolicyFrame o = holdsGrid() ? (f.ablated() != null ? f.ablated().policy() : f.policy()) : null;
        if (o != null && o != pushed) {
            grid.setFrame(o);
        } else if (o == null && pushed != null) {
            grid.setFrame(feed.latestFrame());
        }
        pushed = o;
        status.setText(String.format(Locale.ROOT, "%s at %,d updates (%,d env steps)  ·  %.1f snapshots drawn/s%s",
                f.frozen() ? "Frozen snapshot" : "Snapshot", f.policy().updates(), f.policy().envSteps(),
                view.framesPerSecond(), f.ablated() != null ? "  ·  grid: " + f.ablated().neuron() + " ablated" : ""));
    }

    /** The hovered cell's state, else the demo agent's, as a state number of the frame (-1: none). */
    private int drawnState(CircuitFrame f) {
        Cell c = grid.hoveredCellProperty().get();
        if (c != null) {
            return f.stateIndex(c.row(), c.col(), grid.shownMask());
        }
        GridState agent = grid.agentState();
        return agent == null ? -1 : f.stateIndex(agent.row(), agent.col(), agent.keysMask());
    }

    private void showAttribution(CircuitFrame f) {
        CellAttribution a = f.attribution();
        Cell c = grid.hoveredCellProperty().get();
        if (a == null || c == null || a.state().row() != c.row() || a.state().col() != c.col()) {
            attribution.setText("Hover a cell: integrated gradients of the chosen output, per cell, on the grid.");
            if (overlaid != null) {
                grid.setOverlay(null);
                overlaid = null;
            }
            return;
        }
        attribution.setText(a.describe());
        if (a != overlaid) { // the grid (a few hundred shapes) is redrawn only for a new attribution, not every frame
            overlaid = a;
            grid.setOverlay(a.perCell() == null ? null : new AttributionOverlay(a.perCell(), f.policy().width()));
        }
    }

    /** Ends the analyst's thread. */
    void close() {
        analyst.close();
    }
}
