package dev.lantern.app.lab;

import dev.lantern.environments.board.Game;
import dev.lantern.environments.board.GameState;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;

/**
 * The numbers beside the board: whose turn it is, the network's value, the search's value and the exact value of
 * the position (all for the player to move), and a table with one row per legal move: the network's prior, the
 * search's visits and visit share, its Q, and the exact value, the best moves marked ★ in green. FX thread only.
 */
final class GamePanel extends VBox {

    /** The table's columns. */
    static final List<String> COLUMNS = List.of("move", "prior", "visits", "share", "Q", "exact");

    private final Game game;
    private final Label heading = new Label();
    private final Label line = new Label();
    private final Label values = new Label();
    private final GridPane table = new GridPane();
    private final Label hover = new Label(" ");
    private final List<List<String>> rows = new ArrayList<>();

    GamePanel(Game game) {
        this.game = game;
        setSpacing(8);
        setPadding(new Insets(8));
        setMinWidth(Region.USE_PREF_SIZE); // the numbers are never cut; the board takes what is left
        heading.setId("gameHeading");
        heading.setFont(Font.font("SansSerif", FontWeight.BOLD, 15));
        values.setId("gameValues");
        values.setFont(Font.font("Monospaced", 13));
        values.setMinWidth(Region.USE_PREF_SIZE);
        table.setId("moveTable");
        table.setHgap(14);
        table.setVgap(3);
        hover.setId("gameHover");
        hover.setWrapText(true);
        hover.setMaxWidth(340);
        line.setMaxWidth(340);
        hover.getStyleClass().add("dim");
        line.setId("gameLine");
        line.getStyleClass().add("dim");
        line.setWrapText(true);
        getChildren().addAll(heading, line, values, table, hover);
    }

    /** Shows {@code s} and its analysis ({@code a}, or null while it is computed). */
    void show(GameState s, PositionAnalysis a, String where) {
        heading.setText(title(s));
        line.setText(where);
        table.getChildren().clear();
        rows.clear();
        if (s.isTerminal()) {
            values.setText("");
            return;
        }
        if (a == null || !a.state().equals(s)) {
            values.setText("searching…");
            return;
        }
        ExactVerdict e = a.exact();
        values.setText(String.format(Locale.ROOT, "network value  %+.3f%nsearch value   %+.3f  (%d simulations)%n"
                + "exact value    %+.3f  (%s)", a.value(), a.tree().value(), a.simulations(), e.value(), e.method()));
        for (int c = 0; c < COLUMNS.size(); c++) {
            table.add(cell(COLUMNS.get(c), true, false), c, 0);
        }
        int row = 1;
        for (int m : s.legalActions()) {
            boolean best = e.isBest(m);
            double q = a.q()[m];
            List<String> cells = List.of((best ? "★ " : "  ") + game.actionLabel(m),
                    String.format(Locale.ROOT, "%.3f", a.prior()[m]), Integer.toString(a.visits()[m]),
                    String.format(Locale.ROOT, "%.0f%%", 100 * a.visitShare(m)),
                    Double.isNaN(q) ? "–" : String.format(Locale.ROOT, "%+.3f", q),
                    String.format(Locale.ROOT, "%+.3f", e.actionValues()[m]));
            rows.add(cells);
            for (int c = 0; c < cells.size(); c++) {
                table.add(cell(cells.get(c), false, best), c, row);
            }
            row++;
        }
    }

    /** Shows the numbers of the hovered move, or clears the line ({@code action < 0}). */
    void hover(GameState s, PositionAnalysis a, int action) {
        if (action < 0 || a == null || !a.state().equals(s) || !s.isLegal(action) || a.prior() == null) {
            hover.setText(" ");
            return;
        }
        double q = a.q()[action];
        hover.setText(String.format(Locale.ROOT, "%s: prior %.3f · visits %d (%.0f%%) · Q %s · exact %+.3f%s",
                game.actionLabel(action), a.prior()[action], a.visits()[action], 100 * a.visitShare(action),
                Double.isNaN(q) ? "–" : String.format(Locale.ROOT, "%+.3f", q), a.exact().actionValues()[action],
                a.exact().isBest(action) ? " (a best move)" : ""));
    }

    /** The table's text rows (without the header), as shown. */
    List<List<String>> rows() {
        return List.copyOf(rows);
    }

    /** The heading and values text. */
    String text() {
        return heading.getText() + "\n" + line.getText() + "\n" + values.getText();
    }

    /** The hover line. */
    String hoverText() {
        return hover.getText();
    }

    private static Label cell(String text, boolean header, boolean best) {
        Label l = new Label(text);
        l.setMinWidth(Region.USE_PREF_SIZE);
        l.setFont(Font.font("Monospaced", header || best ? FontWeight.BOLD : FontWeight.NORMAL, 13));
        if (best) {
            l.setTextFill(GameBoard.BEST);
        }
        return l;
    }

    private static String title(GameState s) {
        if (!s.isTerminal()) {
            return (s.currentPlayer() == 0 ? "x" : "o") + " to move (move " + (s.history().length + 1) + ")";
        }
        double r = s.returns()[0];
        return r > 0 ? "Game over: x wins" : r < 0 ? "Game over: o wins" : "Game over: draw";
    }
}
