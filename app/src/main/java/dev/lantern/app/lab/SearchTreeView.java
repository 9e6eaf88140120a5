package dev.lantern.app.lab;

import dev.lantern.agents.mcts.SearchTree;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.stage.Stage;

/**
 * The search tree view: the whole tree of one MCTS search ({@link SearchTree#root()}), nodes sized by visits and
 * coloured by Q (a diverging scale with its legend), edges labelled with the action, prior, share of the parent's
 * visits and Q where there is room; click a node for its side panel (position, statistics, its children's priors vs
 * their visits, the network's value vs the search's), double-click (or C) to collapse or expand it, P (or the button)
 * to follow the principal variation, the wheel to zoom, drag to pan. Laid out once in O(n) ({@link TreeLayout}),
 * drawn culled on a canvas; usable on its own ({@link #openWindow}) or as a tab. FX thread only.
 *
 * @param <S> the state type
 */
public final class SearchTreeView<S> extends BorderPane {

    private final TreeLayout<S> layout;
    private final TreeCanvas canvas;
    private final NodePanel<S> panel;
    private final TreePositions<S> positions;
    private int[] principal = new int[0];

    /** A view of {@code tree}'s whole tree, its positions described by {@code positions}. */
    public SearchTreeView(SearchTree<S> tree, TreePositions<S> positions) {
        this(TreeLayout.of(tree.root()), positions);
    }

    /** A view of a laid-out tree (e.g. hand-built statistics, {@link TreeLayout#of(int[], int[], int[], double[], double[])}). */
    public SearchTreeView(TreeLayout<S> layout, TreePositions<S> positions) {
        this.layout = layout;
        this.positions = positions;
        this.canvas = new TreeCanvas(layout, positions.actionLabel());
        this.panel = new NodePanel<>(layout, positions);
        canvas.onSelect(this::select);
        canvas.onToggle(this::toggle);
        Button pv = new Button("Principal variation (P)");
        pv.setOnAction(e -> followPrincipalVariation());
        Button toggle = new Button("Collapse / expand (C)");
        toggle.setOnAction(e -> toggle(Math.max(0, panel.shown())));
        Button all = new Button("Expand all");
        all.setOnAction(e -> expandAll());
        Button top = new Button("Top 3 levels");
        top.setOnAction(e -> {
            collapseBelow(3);
            canvas.home();
        });
        Label size = new Label(String.format(java.util.Locale.ROOT, "%,d nodes, %d depths, root visits %,d",
                layout.size(), layout.depths(), layout.visits(0)));
        FlowPane bar = new FlowPane(8, 4, pv, toggle, all, top, size); // wraps in a narrow tab
        bar.setPadding(new Insets(6));
        setTop(bar);
        setCenter(canvas);
        javafx.scene.control.ScrollPane side = new javafx.scene.control.ScrollPane(panel);
        side.setHbarPolicy(javafx.scene.control.ScrollPane.ScrollBarPolicy.NEVER);
        side.setFitToWidth(true);
        side.setMinWidth(panel.getMinWidth() + 16);
        setRight(side);
        setFocusTraversable(true);
        setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.P) {
                followPrincipalVariation();
            } else if (e.getCode() == KeyCode.C) {
                toggle(Math.max(0, panel.shown()));
            }
        });
        canvas.setOnMouseEntered(e -> requestFocus());
        select(0);
    }

    /** Opens this view in a window of its own, {@code width x height} pixels, and shows it. */
    public Stage openWindow(String title, double width, double height) {
        Stage stage = new Stage();
        stage.setTitle(title);
        stage.setScene(new Scene(this, width, height));
        stage.show();
        canvas.home();
        return stage;
    }

    /** What the view knows of its nodes' positions (boards, values, the network's circuits). */
    public TreePositions<S> positions() {
        return positions;
    }

    /** The drawing model (positions, sizes, collapsed state). */
    public TreeLayout<S> treeLayout() {
        return layout;
    }

    /** Selects node {@code i}: outlined on the canvas, described in the side panel. */
    public void select(int i) {
        canvas.select(i);
        panel.show(i);
    }

    /** The selected node, or -1. */
    public int selected() {
        return panel.shown();
    }

    /** Collapses node {@code i} if it is expanded and has children, else expands it; lays the tree out again. */
    public void toggle(int i) {
        if (layout.childCount(i) == 0) {
            return;
        }
        double sx = canvas.screenX(layout.x(i));
        layout.setCollapsed(i, !layout.isCollapsed(i));
        layout.relayout();
        canvas.panBy(sx - canvas.screenX(layout.x(i)), 0); // the toggled node stays under the pointer
        canvas.changed();
    }

    /** Collapses every node at depth {@code depth} or deeper that has children, expands the others. */
    public void collapseBelow(int depth) {
        for (int i = 0; i < layout.size(); i++) {
            layout.setCollapsed(i, layout.depth(i) >= depth && layout.childCount(i) > 0);
        }
        layout.relayout();
        canvas.changed();
    }

    /** Expands every node. */
    public void expandAll() {
        collapseBelow(Integer.MAX_VALUE);
    }

    /**
     * Follows the principal variation (the most visited child from the root down): expands it, draws it bold,
     * selects its last node and centres the view on it.
     *
     * @return the chain's node indices, the root first
     */
    public int[] followPrincipalVariation() {
        principal = layout.principalVariation();
        for (int k = 0; k < principal.length - 1; k++) {
            layout.setCollapsed(principal[k], false);
        }
        layout.relayout();
        canvas.path(principal);
        int last = principal[principal.length - 1];
        select(last);
        canvas.centreOn(last, canvas.zoom());
        return principal.clone();
    }

    /** The principal variation last followed (empty before). */
    public int[] principalVariation() {
        return principal.clone();
    }

    /** The colour node {@code i} is drawn in. */
    public javafx.scene.paint.Color colorOf(int i) {
        return canvas.colorOf(i);
    }

    /** Screen point of node {@code i}'s centre in this view's coordinates. */
    public javafx.geometry.Point2D centreInView(int i) {
        return canvas.localToParent(canvas.screenX(layout.x(i)), canvas.screenY(layout.y(i)));
    }

    /** Zoom (screen pixels per world pixel). */
    public double zoom() {
        return canvas.zoom();
    }

    /** Pans by {@code dx, dy} screen pixels. */
    public void panBy(double dx, double dy) {
        canvas.panBy(dx, dy);
    }

    /** Zooms by {@code factor} about the canvas centre. */
    public void zoomBy(double factor) {
        canvas.zoomAbout(canvas.getWidth() / 2, canvas.getHeight() / 2, factor);
    }

    /** Zoom 1, the root at the top centre. */
    public void home() {
        canvas.home();
    }

    /** Puts node {@code i} at the centre at zoom {@code zoom}. */
    public void centreOn(int i, double zoom) {
        canvas.centreOn(i, zoom);
    }

    /** Distinct frames drawn (redraws with a new view or tree), nanoseconds spent drawing them, nodes in the last. */
    public long[] drawCounts() {
        return new long[] {canvas.framesDrawn(), canvas.drawNanos(), canvas.nodesDrawn()};
    }

    /** The label of the edge into node {@code i} (drawn where there is room): action, prior, visit share, Q. */
    public String edgeLabel(int i) {
        return canvas.edgeLabel(i);
    }

    /** The side panel's statistics text (what it shows for the selected node). */
    public String panelText() {
        return panel.statsText();
    }

    /** The network circuit shown in the side panel for the selected node, or null (no network, no position). */
    public PositionCircuit shownCircuit() {
        return panel.circuit();
    }

    /** The side panel's network lines: the attributions' sums and completeness errors, or why there is none. */
    public String circuitText() {
        return panel.circuitText();
    }

    /** The node drawn at canvas point (x, y), or -1. */
    public int nodeAt(double x, double y) {
        return canvas.nodeAt(x, y);
    }

    /** Draws now (normally once per pulse when something changed). */
    public void drawNow() {
        canvas.redraw();
    }
}
