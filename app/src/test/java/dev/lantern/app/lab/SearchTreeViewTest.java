package dev.lantern.app.lab;

import static dev.lantern.app.lab.LabFx.assertClose;
import static dev.lantern.app.lab.LabFx.fx;
import static dev.lantern.app.lab.LabFx.waitFor;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lantern.agents.mcts.GameProblem;
import dev.lantern.agents.mcts.Mcts;
import dev.lantern.agents.mcts.MctsConfig;
import dev.lantern.agents.mcts.RandomRolloutEvaluator;
import dev.lantern.agents.mcts.SearchTree;
import dev.lantern.environments.board.GameState;
import dev.lantern.environments.board.Minimax;
import dev.lantern.environments.board.TicTacToe;
import javafx.geometry.Point2D;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

/**
 * Draws a hand-built eight-node tree (known visits, Q and priors) headless (Monocle) and checks what the tree view
 * draws against positions worked out by hand: the leaf-slot layout, radii from the visits, colours from Q, the root
 * and a child drawn in those colours where the layout puts them, a click selecting a node, collapsing hiding a
 * subtree (and its pixels), and the principal variation following the most visited chain. The tree:
 * <pre>
 * 0 root  visits 10
 * ├─ 1 a0 visits 6, Q +0.5, prior .5 ── 4 a1 visits 4, Q -.25 ── 7 a2 visits 3, Q +.8
 * │                                  └─ 5 a2 visits 1, Q +1
 * ├─ 2 a1 visits 3, Q -0.4, prior .3 ── 6 a0 visits 2, Q 0
 * └─ 3 a2 visits 0 (unvisited), prior .2
 * </pre>
 */
class SearchTreeViewTest {

    static {
        LabFx.headless();
    }

    private static final int[] PARENT = {-1, 0, 0, 0, 1, 1, 2, 4};
    private static final int[] ACTION = {-1, 0, 1, 2, 1, 2, 0, 2};
    private static final int[] VISITS = {10, 6, 3, 0, 4, 1, 2, 3};
    private static final double[] Q = {0.1, 0.5, -0.4, Double.NaN, -0.25, 1.0, 0.0, 0.8};
    private static final double[] PRIOR = {1, 0.5, 0.3, 0.2, 0.6, 0.4, 1, 1};

    private Stage stage;
    private SearchTreeView<Void> view;
    private final FxRobot robot = new FxRobot();

    @BeforeEach
    void open() throws Exception {
        stage = FxToolkit.registerPrimaryStage();
        view = fx(() -> new SearchTreeView<>(TreeLayout.of(PARENT, ACTION, VISITS, Q, PRIOR), TreePositions.plain()));
        FxToolkit.setupFixture(() -> {
            stage.setScene(new Scene(view, 1000, 560));
            stage.show();
        });
        fx(() -> {
            view.home();
            return null;
        });
        waitFor("a first frame", 5_000, () -> fx(() -> view.drawCounts()[0] > 1));
    }

    @AfterEach
    void close() throws Exception {
        FxToolkit.setupFixture(() -> stage.hide());
    }

    @Test
    void laysTheTreeOutByTheLeafSlotsAndSizesByVisits() throws Exception {
        TreeLayout<Void> l = view.treeLayout();
        // visible leaves in depth-first order 7, 5, 6, 3 take slots 0..3; parents sit over their first and last child
        double[] x = {63, 28, 70, 98, 14, 42, 70, 14};
        int[] depth = {0, 1, 1, 1, 2, 2, 2, 3};
        for (int i = 0; i < x.length; i++) {
            assertEquals(x[i], l.x(i), 1e-12, "x of node " + i);
            assertEquals((depth[i] + 0.5) * TreeLayout.LEVEL, l.y(i), 1e-12, "y of node " + i);
        }
        assertEquals(22, l.radius(0), 1e-12, "the root has all the visits");
        assertEquals(22 * Math.sqrt(0.6), l.radius(1), 1e-12);
        assertEquals(22 * Math.sqrt(0.1), l.radius(5), 1e-12);
        assertEquals(TreeLayout.R_MIN, l.radius(3), 1e-12, "unvisited: the smallest disc");
        assertEquals(4 * TreeLayout.SLOT, l.width(), 1e-12);
        // colours: Q on [-1, 1] (every |Q| <= 1), position (Q + 1) / 2 on the RdYlBu scale, unvisited grey
        assertClose(ColorScale.colorAt(0.75), fx(() -> view.colorOf(1)), "Q +0.5");
        assertClose(ColorScale.colorAt(0.3), fx(() -> view.colorOf(2)), "Q -0.4");
        assertClose(ColorScale.colorAt(1), fx(() -> view.colorOf(5)), "Q +1");
        assertClose(TreeCanvas.UNVISITED, fx(() -> view.colorOf(3)), "unvisited");
        assertThrows(IllegalArgumentException.class,
                () -> TreeLayout.of(new int[] {-1, 0, 1, 0}, new int[4], new int[4], new double[4], new double[4]),
                "not breadth-first");
    }

    @Test
    void drawsTheRootAndAChildWhereTheLayoutSays() throws Exception {
        for (int i : new int[] {0, 1, 2, 7}) {
            assertClose(fx(() -> view.colorOf(i)), pixel(i, 0, 0), "centre of node " + i);
        }
        assertEquals(8, (long) fx(() -> view.drawCounts()[2]), "every node is on screen");
        assertEquals("a0 p0.50\nn60% q+0.50", view.edgeLabel(1));
        assertEquals("a2 p0.20\nn0% q-", view.edgeLabel(3), "unvisited");
        long frames = fx(() -> view.drawCounts()[0]);
        fx(() -> {
            view.panBy(-5000, 0);
            return null;
        });
        waitFor("a redraw", 5_000, () -> fx(() -> view.drawCounts()[0] > frames));
        assertEquals(0, (long) fx(() -> view.drawCounts()[2]), "panned away: everything culled");
        assertClose(TreeCanvas.BACKGROUND, pixelAt(new Point2D(300, 300)), "nothing drawn");
        fx(() -> {
            view.panBy(5000, 0);
            return null;
        });
        waitFor("a redraw", 5_000, () -> fx(() -> view.drawCounts()[0] > frames + 1));
        // just outside node 1's disc (radius 17.0 at zoom 1) is background
        assertClose(TreeCanvas.BACKGROUND, pixel(1, 0, -20), "above node 1");
    }

    @Test
    void clickSelectsAndCollapsingHidesTheSubtree() throws Exception {
        Point2D p = fx(() -> view.localToScreen(view.centreInView(2)));
        robot.clickOn(p);
        waitFor("node 2 selected", 5_000, () -> fx(() -> view.selected() == 2));
        assertTrue(fx(view::panelText).contains("visits 3 (30.0% of parent)"), fx(view::panelText));
        Color before = pixel(7, 0, 0);
        assertClose(fx(() -> view.colorOf(7)), before, "node 7 drawn before collapsing");
        Point2D old7 = fx(() -> view.centreInView(7));
        long frames = fx(() -> view.drawCounts()[0]);
        fx(() -> {
            view.toggle(1);
            return null;
        });
        TreeLayout<Void> l = view.treeLayout();
        for (int i : new int[] {4, 5, 7}) {
            assertTrue(l.isHidden(i), "node " + i + " hidden under collapsed node 1");
        }
        assertFalse(l.isHidden(6));
        assertEquals(3 * TreeLayout.SLOT, l.width(), 1e-12, "three visible leaves: 1, 6, 3");
        assertEquals(0.5 * TreeLayout.SLOT, l.x(1), 1e-12);
        waitFor("a redraw", 5_000, () -> fx(() -> view.drawCounts()[0] > frames));
        assertClose(TreeCanvas.BACKGROUND, pixelAt(old7), "node 7's old place after collapsing");
        assertEquals(-1, (int) fx(() -> view.nodeAt(view.centreInView(7).getX() + 0.0, 400)));
    }

    @Test
    void principalVariationFollowsTheMostVisitedChain() throws Exception {
        fx(() -> {
            view.toggle(1);
            return null;
        });
        int[] pv = fx(view::followPrincipalVariation);
        assertArrayEquals(new int[] {0, 1, 4, 7}, pv);
        assertFalse(view.treeLayout().isCollapsed(1), "following the variation expands it");
        assertEquals(7, (int) fx(view::selected));
    }

    @Test
    void laysOutARealSearchTree() throws Exception {
        Mcts<GameState> mcts = new Mcts<>(new GameProblem(TicTacToe.instance()), new RandomRolloutEvaluator<>(3),
                MctsConfig.defaults().withSimulations(400));
        SearchTree<GameState> tree = mcts.search(TicTacToe.instance().initialState());
        TreeLayout<GameState> l = TreeLayout.of(tree.root());
        assertEquals(tree.root().subtreeSize(), l.size());
        assertEquals(400, l.visits(0));
        int sum = 0;
        for (int c = l.firstChild(0); c < l.firstChild(0) + l.childCount(0); c++) {
            sum += l.visits(c);
            assertEquals(tree.q()[l.action(c)], l.q(c), 1e-12, "root child " + l.action(c));
        }
        assertEquals(tree.simulations(), sum);
        int[] pv = l.principalVariation();
        assertEquals(tree.action(), l.action(pv[1]), "temperature 0: the chosen move starts the variation");
        SearchTreeView<GameState> real = fx(() -> new SearchTreeView<>(tree,
                TreePositions.solved(Minimax.solve(TicTacToe.instance())).withNetworkValue(st -> -0.5)));
        String panel = fx(() -> {
            real.select(pv[1]);
            return real.panelText();
        });
        assertTrue(panel.contains("network value -0.500") && panel.contains(String.format(java.util.Locale.ROOT,
                "search value  %+.3f", l.q(pv[1]))), panel);
        // tic-tac-toe is a draw after any first move: 0 for the player who moved
        assertTrue(panel.contains("exact value   +0.000 (solved)"), panel);
        for (int d = 0; d < l.depths(); d++) { // culling's precondition: x sorted along every depth
            for (int i = l.rowStart(d) + 1; i < l.rowStart(d + 1); i++) {
                assertTrue(l.x(i - 1) <= l.x(i), "x sorted at depth " + d + ", index " + i);
            }
        }
    }

    private Color pixel(int node, double dx, double dy) throws Exception {
        Point2D p = fx(() -> view.centreInView(node));
        return pixelAt(p.add(dx, dy));
    }

    private Color pixelAt(Point2D p) throws Exception {
        return fx(() -> {
            WritableImage image = view.snapshot(null, null);
            return image.getPixelReader().getColor((int) Math.round(p.getX()), (int) Math.round(p.getY()));
        });
    }
}
