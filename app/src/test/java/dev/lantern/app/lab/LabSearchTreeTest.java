package dev.lantern.app.lab;

import static dev.lantern.app.lab.LabFx.fx;
import static dev.lantern.app.lab.LabFx.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lantern.agents.mcts.Node;
import dev.lantern.agents.mcts.SearchTree;
import dev.lantern.app.config.ExperimentLoader;
import dev.lantern.environments.grid.GridState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The lab with the MCTS agent on the empty room (300 simulations a search, 120 env steps), headless: the "Search
 * tree" tab shows the tree the agent searched last (root visits = the budget, every node laid out), one search per
 * environment step over the run (the lab never searches again), the grid's visit overlay holds, per cell, the visits
 * of the tree's nodes at that cell counted here by walking the tree, and the grid's frame shows, for a state the agent
 * searched from, that search's root visit shares and value.
 */
class LabSearchTreeTest {

    static {
        LabFx.headless();
    }

    private static final int SIMULATIONS = 300;
    private static final long STEPS = 120;
    private LabSession lab;

    @BeforeEach
    void open() throws Exception {
        String json = "{\"name\": \"lab-mcts\", \"env\": {\"id\": \"grid/empty-8x8-v1\"}, \"agent\": {\"type\": "
                + "\"mcts\", \"simulations\": " + SIMULATIONS + ", \"horizon\": 30}}";
        LabController controller = new LabController(50, s -> ExperimentLoader.parse("lab-mcts", json, null)
                .withSeed(s.seed()).withTotalEnvSteps(s.totalEnvSteps()).withLca(false));
        lab = LabSession.open(new LabSettings("grid/empty-8x8-v1", "mcts", 2, STEPS, false), controller, w -> { });
    }

    @AfterEach
    void close() throws Exception {
        lab.close();
    }

    @Test
    void drawsTheAgentsOwnSearchesOnTheGridAndInTheTreeTab() throws Exception {
        LabWindow window = lab.window();
        fx(() -> {
            window.showSearchTree();
            window.startTraining();
            return null;
        });
        waitFor("the run to end", 60_000, () -> fx(() -> window.controllerFeed() != null
                && window.controllerFeed().status().phase() == LiveFeed.Phase.ENDED));
        LiveFeed feed = fx(window::controllerFeed);
        SearchCapture capture = feed.searches();
        assertNotNull(capture, "an MCTS agent's searches are captured");
        SearchCapture.Latest last = capture.latest();
        long acted = feed.status().envSteps(); // the budget is checked between episodes: the last one finishes
        assertTrue(acted >= STEPS, "acted " + acted);
        assertEquals(acted, last.number() + 1, "one search per environment step, the agent's own");
        SearchTreePane pane = window.searchTree();
        waitFor("the tree tab to show the last search", 10_000, () -> fx(() -> pane.shownSearch() == last));
        SearchTree<GridState> tree = last.tree();
        assertEquals(SIMULATIONS, tree.root().visits(), "root visits = the search budget");
        TreeLayout<GridState> layout = fx(() -> pane.treeView().treeLayout());
        assertEquals(SIMULATIONS, layout.visits(0));
        assertEquals(tree.root().subtreeSize(), layout.size());
        assertSame(tree.root().state(), layout.state(0));

        waitFor("the overlay of the last search", 10_000, () -> fx(() -> pane.overlaySearch() == last));
        VisitOverlay overlay = fx(pane::overlay);
        int[] expected = new int[64];
        walk(tree.root(), expected);
        int total = 0;
        for (int r = 0; r < 8; r++) {
            for (int c = 0; c < 8; c++) {
                assertEquals(expected[r * 8 + c], overlay.visits(r, c), "visits at (" + r + ", " + c + ")");
                total += expected[r * 8 + c];
            }
        }
        GridState root = tree.root().state();
        assertTrue(overlay.visits(root.row(), root.col()) >= SIMULATIONS, "the root's cell holds the root's visits");
        assertTrue(total > SIMULATIONS, "deeper nodes add to their cells: " + total);

        PolicyFrame frame = fx(() -> window.gridView().frame());
        SearchCapture.RootResult result = capture.result(root);
        assertNotNull(result);
        int[] visits = tree.visits();
        for (int a = 0; a < 4; a++) {
            assertEquals(visits[a] / (double) SIMULATIONS, frame.probability(root.row(), root.col(), 0, a), 1e-12);
        }
        assertEquals(tree.value(), frame.value(root.row(), root.col(), 0), 1e-12);
        assertTrue(capture.statesSearched() < 64, "only visited states are drawn: " + capture.statesSearched());
    }

    /** The visits of every node with a state, added to its cell: the sum computed independently of the overlay. */
    private static void walk(Node<GridState> n, int[] cells) {
        if (n.state() != null) {
            cells[n.state().row() * 8 + n.state().col()] += n.visits();
        }
        for (Node<GridState> c : n.children()) {
            walk(c, cells);
        }
    }
}
