package dev.lantern.app.lab;

import dev.lantern.environments.grid.map.Cell;
import dev.lantern.environments.grid.map.GridMap;
import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The inspector of one neuron, opened by clicking it in the {@link CircuitView}: its activation over every cell
 * ({@link NeuronMap}, {@code #neuronMap}), its description ({@link NeuronText}, {@code #neuronDescription}), its
 * cumulative per-neuron LCA over the run ({@link LcaSparkline}, {@code #neuronLca}), and an {@code #ablate} toggle
 * that redraws the grid's arrows and heatmap with the neuron mean-ablated; {@code #closeInspector} deselects it.
 * FX thread only.
 */
final class NeuronInspector extends VBox {

    private final Label title = new Label();
    private final NeuronMap map = new NeuronMap();
    private final Label description = new Label();
    private final LcaSparkline lca = new LcaSparkline();
    private final ToggleButton ablate = new ToggleButton("Ablate (mean)");
    private CircuitRequest.Neuron neuron;

    /**
     * @param onAblate called with the toggle's new state
     * @param onClose  called when the inspector is closed
     */
    NeuronInspector(Consumer<Boolean> onAblate, Runnable onClose) {
        super(6);
        title.getStyleClass().add("panel-title");
        ablate.setId("ablate");
        ablate.setTooltip(new Tooltip("Replace this neuron by its mean over the decision states, in every state, on the"
                + " snapshot's copy: the grid's arrows and value show the result"));
        ablate.selectedProperty().addListener((obs, was, now) -> onAblate.accept(now));
        Button close = new Button("Close");
        close.setId("closeInspector");
        close.setOnAction(e -> onClose.run());
        Pane spacer = new Pane();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox header = new HBox(8, title, spacer, ablate, close);
        header.setAlignment(Pos.CENTER_LEFT);
        map.setId("neuronMap");
        description.setId("neuronDescription");
        description.setWrapText(true);
        description.getStyleClass().add("hover");
        lca.setId("neuronLca");
        VBox text = new VBox(6, description, lca);
        HBox.setHgrow(text, Priority.ALWAYS);
        HBox body = new HBox(10, map, text);
        getChildren().addAll(header, body);
        setPadding(new Insets(6, 0, 0, 0));
        setId("inspector");
    }

    /** The neuron shown, or null. */
    CircuitRequest.Neuron neuron() {
        return neuron;
    }

    /** Whether the ablate toggle is on. */
    boolean ablating() {
        return ablate.isSelected();
    }

    /** Switches the ablate toggle off without telling anyone twice (a new neuron starts clean). */
    void resetAblation() {
        ablate.setSelected(false);
    }

    /** The activation map (for tests). */
    NeuronMap map() {
        return map;
    }

    /** The LCA line (for tests). */
    LcaSparkline lca() {
        return lca;
    }

    /** The description shown. */
    String description() {
        return description.getText();
    }

    /** Shows {@code n} in {@code frame} on {@code gridMap} with the keys {@code mask}, and its LCA from {@code history}. */
    void show(CircuitFrame frame, CircuitRequest.Neuron n, GridMap gridMap, int mask, Cell hovered,
            NeuronLca.History history) {
        neuron = n;
        title.setText(n.toString());
        double[] cells = new double[gridMap.height() * gridMap.width()];
        for (int r = 0; r < gridMap.height(); r++) {
            for (int c = 0; c < gridMap.width(); c++) {
                int s = frame.stateIndex(r, c, mask);
                cells[r * gridMap.width() + c] = s < 0 || frame.states().space().terminal(s) ? Double.NaN
                        : frame.activation(n.site(), n.index(), s);
            }
        }
        map.show(gridMap, cells, frame.scale(n.site()), hovered);
        description.setText(NeuronText.describe(frame, n));
        if (!history.recorded()) {
            lca.showMessage("per-neuron LCA: not recorded (this run was trained with --no-lca)");
        } else if (!history.layers().contains(n.site())) {
            lca.showMessage("per-neuron LCA: " + n.site() + " has no parameters of its own");
        } else {
            lca.show(history.envSteps(), history.series(n.site(), n.index()));
        }
    }
}
