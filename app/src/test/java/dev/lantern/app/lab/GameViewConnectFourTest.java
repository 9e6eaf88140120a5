package dev.lantern.app.lab;

import static dev.lantern.app.lab.LabFx.fx;
import static dev.lantern.app.lab.LabFx.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lantern.environments.board.AlphaBeta;
import dev.lantern.environments.board.ConnectFour;
import dev.lantern.environments.board.GameState;
import javafx.event.Event;
import javafx.geometry.Point2D;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The game view on connect-four (Monocle), started paused on its untrained network: a move is a column, the exact
 * value is alpha-beta at the view's depth and says so, and a click on a column is answered by the agent.
 */
class GameViewConnectFourTest {

    static {
        LabFx.headless();
    }

    private LabSession lab;

    @AfterEach
    void close() throws Exception {
        lab.close();
    }

    @Test
    void columnsAreMovesAndTheExactValueIsAlphaBetaAtTheChosenDepth() throws Exception {
        LabSettings settings = new LabSettings(ConnectFour.ID, "alphazero", 2, 4_000, false);
        lab = LabSession.open(settings, w -> { });
        GameView view = lab.window().gameView();
        fx(() -> lab.controller().startGame(settings, true));
        waitFor("the first snapshot", 20_000, () -> fx(() -> view.feed() != null && view.snapshots() > 0));
        fx(() -> {
            view.controls().selectMode(GamePlay.Mode.HUMAN);
            view.newGame();
            return null;
        });
        waitFor("the empty board's analysis", 30_000, () -> fx(view::settled));
        PositionAnalysis a = fx(view::shown);
        GameState start = ConnectFour.instance().initialState();
        assertEquals(start, a.state());
        String depth = GameControls.DEFAULT_DEPTH + "";
        assertEquals("alpha-beta depth " + depth + " heuristic", a.exact().method(), "the opening is not solved");
        assertEquals(new AlphaBeta(GameControls.DEFAULT_DEPTH).search(start).value(), a.exact().value(), 1e-12);
        for (int c = 0; c < 7; c++) {
            int col = c;
            assertEquals(a.visitShare(c), fx(() -> view.board().shadeOf(col)), 1e-12, "shading of column " + c);
            double[] centre = fx(() -> view.board().centreOf(col));
            assertEquals(c, (int) fx(() -> view.board().actionAt(centre[0], centre[1])), "column under its centre");
        }
        double[] local = fx(() -> view.board().centreOf(3));
        Point2D scene = fx(() -> view.board().localToScene(local[0], local[1] + 200)); // anywhere in the column
        fx(() -> {
            Event.fireEvent(view.board().getChildrenUnmodifiable().get(0), new MouseEvent(MouseEvent.MOUSE_CLICKED,
                    scene.getX(), scene.getY(), scene.getX(), scene.getY(), MouseButton.PRIMARY, 1, false, false,
                    false, false, true, false, false, true, false, true, null));
            return null;
        });
        waitFor("the agent's reply", 20_000, () -> fx(() -> view.play().moves().length == 2));
        assertEquals(3, fx(() -> view.play().moves())[0], "the clicked column");
        assertTrue(fx(() -> view.panel().text()).contains("x to move (move 3)"), fx(() -> view.panel().text()));
    }
}
