package dev.lantern.app.lab;

import java.util.List;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/**
 * The lab's left panel: a header (title, the heatmap's source {@code #valueSource}: network V(s), true V*(s), or the
 * value head's error against V* or V^π, and on
 * maps with keys which keys the drawn states hold, {@code #keys}), the {@link GridView} ({@code #grid}) and the hover
 * line ({@code #hover}) under it. Over the grid, {@code #gridCaption} says where a frame that is not live training
 * comes from (the scrubber's checkpoint).
 */
final class GridPanel extends VBox {

    private final GridView grid;
    private final ChoiceBox<GridView.KeysShown> keys = new ChoiceBox<>(
            FXCollections.observableArrayList(GridView.KeysShown.values()));
    private final Label keysLabel = new Label("Keys");
    private final Label hover = new Label();
    private final ToggleGroup group = new ToggleGroup();

    /** The panel around {@code grid} (FX thread). */
    GridPanel(GridView grid) {
        super(6);
        this.grid = grid;
        ToggleButton network = new ToggleButton("network V(s)");
        ToggleButton truth = new ToggleButton("true V*(s)");
        ToggleButton errorOptimal = new ToggleButton("V − V*");
        ToggleButton errorPolicy = new ToggleButton("V − V^π");
        errorOptimal.setTooltip(new Tooltip("The value head's error against V* at the learner's discount"));
        errorPolicy.setTooltip(new Tooltip("The value head's error against the exact value of its own policy"));
        network.setSelected(true);
        network.setUserData(GridView.ValueSource.NETWORK);
        truth.setUserData(GridView.ValueSource.TRUE);
        errorOptimal.setUserData(GridView.ValueSource.ERROR_OPTIMAL);
        errorPolicy.setUserData(GridView.ValueSource.ERROR_POLICY);
        List.of(network, truth, errorOptimal, errorPolicy).forEach(b -> b.setToggleGroup(group));
        group.selectedToggleProperty().addListener((obs, old, now) -> {
            if (now == null) {
                old.setSelected(true); // one must stay selected
            } else {
                grid.setValueSource((GridView.ValueSource) now.getUserData());
            }
        });
        HBox sources = new HBox(network, truth, errorOptimal, errorPolicy);
        sources.setId("valueSource");
        sources.getStyleClass().add("segmented");
        keys.setId("keys");
        keys.setConverter(new StringConverter<>() {
            @Override
            public String toString(GridView.KeysShown k) {
                return k == null ? "" : switch (k) {
                    case AGENT -> "as the agent";
                    case NONE -> "none held";
                    case ALL -> "all held";
                };
            }

            @Override
            public GridView.KeysShown fromString(String text) {
                throw new UnsupportedOperationException("not editable");
            }
        });
        keys.setValue(GridView.KeysShown.AGENT);
        keys.setTooltip(new Tooltip("Which keys the drawn states hold: the demo agent's, none, or all"));
        keys.valueProperty().addListener((obs, old, now) -> grid.setKeysShown(now));
        Label heat = new Label("Heatmap");
        Pane spacer = new Pane();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Label title = new Label("Policy and value");
        title.getStyleClass().add("panel-title");
        HBox header = new HBox(8, title, spacer, heat, sources, keysLabel, keys);
        header.setAlignment(Pos.CENTER_LEFT);
        grid.setId("grid");
        VBox.setVgrow(grid, Priority.ALWAYS);
        hover.setId("hover");
        hover.getStyleClass().add("hover");
        hover.setMaxWidth(Double.MAX_VALUE);
        hover.textProperty().bind(grid.hoverTextProperty().map(t -> t.isEmpty()
                ? "Arrows: the policy (length = probability of each move). Colour: the value. Hover a cell for numbers."
                : t));
        Label caption = new Label();
        caption.setId("gridCaption");
        caption.getStyleClass().add("grid-caption");
        caption.setMaxWidth(Double.MAX_VALUE);
        caption.textProperty().bind(grid.captionProperty());
        caption.visibleProperty().bind(grid.captionProperty().isNotNull());
        caption.managedProperty().bind(caption.visibleProperty());
        getChildren().addAll(header, caption, grid, hover);
        getStyleClass().add("panel");
        setPadding(new Insets(10));
        showKeysChoice(false);
    }

    /** Selects the heatmap's source, as its toggle button does. */
    void selectSource(GridView.ValueSource source) {
        group.getToggles().stream().filter(t -> t.getUserData() == source).findFirst()
                .ifPresent(t -> t.setSelected(true));
    }

    /** Shows or hides the keys choice (only maps with keys have one). */
    void showKeysChoice(boolean visible) {
        for (var n : List.of(keys, keysLabel)) {
            n.setVisible(visible);
            n.setManaged(visible);
        }
    }
}
