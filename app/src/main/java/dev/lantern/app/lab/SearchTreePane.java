package dev.lantern.app.lab;

import dev.lantern.agents.api.Inspectable;
import dev.lantern.agents.api.InspectableNetwork;
import dev.lantern.environments.grid.GridState;
import dev.lantern.environments.grid.GridWorld;
import java.util.Locale;
import javafx.geometry.Insets;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;

/**
 * The lab's "Search tree" tab for a planning agent ({@code agent.type: mcts}): the {@link SearchTreeView} of the search
 * the agent ran last (the tree it acted on, kept by {@link SearchCapture}; never a second search), replaced at most
 * once every {@value #TREE_MILLIS} ms while "Follow the agent" is ticked (untick it to explore one tree), and the
 * visit counts of that search drawn on the grid ({@link VisitOverlay}, at most every {@value #OVERLAY_MILLIS} ms) while
 * "Visits on the grid" is. Where the agent's snapshot has a network ({@link Inspectable}), a node's side panel shows
 * the network's circuit there ({@link NetworkCircuits#forGrid}, on a private copy). FX thread only.
 */
final class SearchTreePane extends BorderPane {

    /** Shortest time between two trees shown (a 20,000-node tree is laid out in a few ms, but a tree needs reading). */
    static final long TREE_MILLIS = 1000;
    /** Shortest time between two visit overlays on the grid. */
    static final long OVERLAY_MILLIS = 250;

    private final GridView grid;
    private final CheckBox follow = new CheckBox("Follow the agent");
    private final CheckBox visits = new CheckBox("Visits on the grid");
    private final Label info = new Label();
    private LiveFeed feed;
    private RunInfo run;
    private TreePositions<GridState> positions;
    private SearchCapture.Latest treeShown;
    private SearchCapture.Latest overlayShown;
    private VisitOverlay overlay;
    private SearchTreeView<GridState> view;
    private long lastTreeNanos = Long.MIN_VALUE / 2;
    private long lastOverlayNanos = Long.MIN_VALUE / 2;

    SearchTreePane(GridView grid) {
        this.grid = grid;
        follow.setId("followSearch");
        follow.setSelected(true);
        visits.setId("searchVisits");
        visits.setSelected(true);
        visits.selectedProperty().addListener((obs, was, now) -> {
            if (!now) {
                clearOverlay();
            }
        });
        info.getStyleClass().add("dim");
        HBox bar = new HBox(12, follow, visits, info);
        bar.setPadding(new Insets(6));
        setTop(bar);
        placeholder();
    }

    /**
     * Takes the feed's newest search (FX thread, every pulse).
     *
     * @param f        the current run's feed, or null
     * @param shown    the run the grid shows, or null
     * @param selected whether this tab is shown (trees are only laid out then)
     * @param gridFree whether the grid's overlay is free (the circuit view does not hold it)
     * @param now      the pulse's time in nanoseconds
     */
    void tick(LiveFeed f, RunInfo shown, boolean selected, boolean gridFree, long now) {
        if (f != feed || shown != run) {
            feed = f;
            run = shown;
            positions = null;
            treeShown = null;
            overlayShown = null;
            clearOverlay();
            placeholder();
        }
        SearchCapture capture = f == null ? null : f.searches();
        SearchCapture.Latest latest = capture == null ? null : capture.latest();
        if (latest == null || run == null) {
            return;
        }
        if (selected && follow.isSelected() && latest != treeShown && now - lastTreeNanos >= TREE_MILLIS * 1_000_000L) {
            lastTreeNanos = now;
            show(latest);
        }
        // the grid shows the visits of the tree looked at (while the tab is shown), else of the latest search
        SearchCapture.Latest drawn = selected && treeShown != null ? treeShown : latest;
        if (visits.isSelected() && gridFree && drawn != overlayShown
                && now - lastOverlayNanos >= OVERLAY_MILLIS * 1_000_000L) {
            lastOverlayNanos = now;
            overlayShown = drawn;
            overlay = new VisitOverlay(VisitOverlay.visitsPerCell(drawn.tree(), run.map().height(),
                    run.map().width()), run.map().width());
            grid.setOverlay(overlay);
        }
    }

    /** The search whose tree is shown, or null. */
    SearchCapture.Latest shownSearch() {
        return treeShown;
    }

    /** The tree view, or null before the first search. */
    SearchTreeView<GridState> treeView() {
        return view;
    }

    /** The search whose visits the grid shows, or null. */
    SearchCapture.Latest overlaySearch() {
        return overlay == null ? null : overlayShown;
    }

    /** The visit overlay drawn on the grid now, or null. */
    VisitOverlay overlay() {
        return overlay;
    }

    private void show(SearchCapture.Latest latest) {
        if (positions == null) {
            GridWorld world = run.newWorld();
            positions = GridPositions.of(world);
            LiveFeed.Snapshot snap = feed.latestSnapshot();
            if (snap != null && snap.view() instanceof Inspectable i) {
                InspectableNetwork net = i.inspect();
                positions = positions.withCircuits(NetworkCircuits.forGrid(net.withParameters(net.parameters()),
                        world));
            }
        }
        treeShown = latest;
        view = new SearchTreeView<>(latest.tree(), positions);
        setCenter(view);
        view.collapseBelow(4);
        GridState root = latest.tree().root().state();
        info.setText(String.format(Locale.ROOT, "search %,d from (%d, %d): %,d simulations, %,d nodes; acts %s",
                latest.number() + 1, root.row(), root.col(), latest.tree().simulations(),
                latest.tree().root().subtreeSize(), GridWorld.ACTION_LABELS.get(latest.action())));
        SearchTreeView<GridState> shown = view;
        shown.home();
        shown.widthProperty().addListener(new javafx.beans.value.ChangeListener<>() { // once laid out: centre it
            @Override
            public void changed(javafx.beans.value.ObservableValue<? extends Number> obs, Number was, Number now) {
                if (now.doubleValue() > 0) {
                    shown.widthProperty().removeListener(this);
                    javafx.application.Platform.runLater(shown::home);
                }
            }
        });
    }

    private void clearOverlay() {
        if (overlay != null) {
            grid.setOverlay(null);
            overlay = null;
        }
        overlayShown = null;
    }

    private void placeholder() {
        view = null;
        info.setText("");
        Label none = new Label("The searches of a planning agent (agent mcts) are drawn here as it acts: "
                + "the tree of its current search, and its visit counts on the grid.");
        none.setWrapText(true);
        none.setPadding(new Insets(20));
        setCenter(none);
    }
}
