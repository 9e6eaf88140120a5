package dev.lantern.app.lab;

import dev.lantern.environments.board.ConnectFour;
import dev.lantern.environments.board.Game;
import dev.lantern.environments.board.GameState;
import java.util.Locale;
import java.util.function.IntConsumer;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Pane;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;

/**
 * Draws a board position with the analysis of its moves: tic-tac-toe as a 3 × 3 grid (a move is a cell),
 * connect-four as the 6 × 7 frame (a move is a column; its landing cell stands for it). Every legal move is shaded
 * blue by the network's prior or by the search's visit share (the {@link Shade} chosen), with its numbers written in
 * it; the exact best moves carry a green ring; the last move played a small dot. Clicking a move hands its action to
 * {@link #setOnMove}; hovering one to {@link #setOnHover} (-1 when the pointer leaves the moves).
 */
final class GameBoard extends Pane {

    /** What the shading of the legal moves shows. */
    enum Shade {
        /** The network's prior (no root noise). */
        PRIOR,
        /** The search's visit share. */
        VISITS
    }

    static final Color SHADE = Color.web("#1c7ed6");
    static final Color BEST = Color.web("#2f9e44");
    static final Color FIRST = Color.web("#e03131");
    static final Color SECOND = Color.web("#f59f00");
    private static final Color FRAME = Color.web("#364fc7");

    private final Canvas canvas = new Canvas();
    private final Game game;
    private final boolean columns;
    private final int rows;
    private final int cols;
    private GameState state;
    private PositionAnalysis analysis;
    private Shade shade = Shade.VISITS;
    private IntConsumer onMove = a -> { };
    private IntConsumer onHover = a -> { };
    private int hovered = -1;

    GameBoard(Game game) {
        this.game = game;
        this.columns = game.id().equals(ConnectFour.ID);
        int[] shape = game.observationShape();
        this.rows = shape[1];
        this.cols = shape[2];
        this.state = game.initialState();
        getChildren().add(canvas);
        setMinSize(240, 220);
        setPrefSize(560, 520);
        widthProperty().addListener(o -> draw());
        heightProperty().addListener(o -> draw());
        canvas.setOnMouseClicked(e -> {
            int a = actionAt(e.getX(), e.getY());
            if (a >= 0) {
                onMove.accept(a);
            }
        });
        canvas.setOnMouseMoved(e -> hover(actionAt(e.getX(), e.getY())));
        canvas.setOnMouseExited(e -> hover(-1));
    }

    @Override
    protected void layoutChildren() {
        canvas.setWidth(getWidth());
        canvas.setHeight(getHeight());
        draw();
    }

    /** Shows {@code s} with {@code a} (its analysis, or null while it is computed). */
    void show(GameState s, PositionAnalysis a) {
        state = s;
        analysis = a != null && a.state().equals(s) ? a : null;
        draw();
    }

    /** Chooses the shading. */
    void setShade(Shade s) {
        shade = s;
        draw();
    }

    /** Who is told of a click on a move. */
    void setOnMove(IntConsumer c) {
        onMove = c;
    }

    /** Who is told which move the pointer is over (-1: none). */
    void setOnHover(IntConsumer c) {
        onHover = c;
    }

    /** The position drawn. */
    GameState shown() {
        return state;
    }

    /** The analysis drawn with it, or null. */
    PositionAnalysis analysis() {
        return analysis;
    }

    /** The shading's strength of {@code action} in [0, 1]: its prior or visit share; 0 without an analysis. */
    double shadeOf(int action) {
        if (analysis == null || analysis.prior() == null || !state.isLegal(action)) {
            return 0;
        }
        return shade == Shade.PRIOR ? analysis.prior()[action] : analysis.visitShare(action);
    }

    /** The move whose cell (tic-tac-toe) or column (connect-four) holds the point, or -1. */
    int actionAt(double x, double y) {
        double size = cell();
        double x0 = left();
        double y0 = top();
        int c = (int) Math.floor((x - x0) / size);
        int r = (int) Math.floor((y - y0) / size);
        if (c < 0 || c >= cols || r < 0 || r >= rows) {
            return -1;
        }
        return columns ? c : r * cols + c;
    }

    /** The centre of {@code action}'s cell (connect-four: its column's top cell), in this pane's coordinates. */
    double[] centreOf(int action) {
        int r = columns ? 0 : action / cols;
        int c = columns ? action : action % cols;
        return new double[] {left() + (c + 0.5) * cell(), top() + (r + 0.5) * cell()};
    }

    private void hover(int a) {
        if (a != hovered) {
            hovered = a;
            onHover.accept(a);
            draw();
        }
    }

    private double cell() {
        return Math.max(10, Math.min(getWidth() / cols, getHeight() / rows) * 0.94);
    }

    private double left() {
        return (getWidth() - cell() * cols) / 2;
    }

    private double top() {
        return (getHeight() - cell() * rows) / 2;
    }

    private void draw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.setFill(Color.WHITE);
        g.fillRect(0, 0, canvas.getWidth(), canvas.getHeight());
        double size = cell();
        double x0 = left();
        double y0 = top();
        char[][] board = parse(state.render());
        if (columns) {
            g.setFill(FRAME);
            g.fillRoundRect(x0 - 6, y0 - 6, size * cols + 12, size * rows + 12, 18, 18);
        }
        int[] history = state.history();
        int last = history.length == 0 ? -1 : history[history.length - 1];
        int lastRow = columns && last >= 0 ? landingRow(board, last) + 1 : -1;
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                double x = x0 + c * size;
                double y = y0 + r * size;
                int action = columns ? c : r * cols + c;
                boolean moveCell = state.isLegal(action) && (!columns || r == landingRow(board, c));
                drawCell(g, x, y, size, board[r][c], moveCell ? action : -1);
                boolean isLast = columns ? c == last && r == lastRow : action == last;
                if (isLast) {
                    g.setFill(Color.web("#212529"));
                    g.fillOval(x + size / 2 - 4, y + size / 2 - 4, 8, 8);
                }
            }
        }
        if (!columns) {
            g.setStroke(Color.web("#495057"));
            g.setLineWidth(3);
            for (int i = 1; i < cols; i++) {
                g.strokeLine(x0 + i * size, y0 + 4, x0 + i * size, y0 + rows * size - 4);
                g.strokeLine(x0 + 4, y0 + i * size, x0 + cols * size - 4, y0 + i * size);
            }
        }
    }

    private void drawCell(GraphicsContext g, double x, double y, double size, char stone, int action) {
        double pad = size * 0.1;
        if (columns) {
            g.setFill(Color.WHITE);
            g.fillOval(x + pad, y + pad, size - 2 * pad, size - 2 * pad);
        }
        if (stone == 'x' || stone == 'o') {
            drawStone(g, x, y, size, stone == 'x');
            return;
        }
        if (action < 0 || analysis == null || analysis.prior() == null) {
            return;
        }
        double s = shadeOf(action);
        g.setFill(SHADE.deriveColor(0, 1, 1, 0.08 + 0.8 * s));
        if (columns) {
            g.fillOval(x + pad, y + pad, size - 2 * pad, size - 2 * pad);
        } else {
            g.fillRect(x + 3, y + 3, size - 6, size - 6);
        }
        if (analysis.exact() != null && analysis.exact().isBest(action)) {
            g.setStroke(BEST);
            g.setLineWidth(Math.max(3, size * 0.05));
            g.strokeOval(x + pad * 0.6, y + pad * 0.6, size - 1.2 * pad, size - 1.2 * pad);
        }
        g.setFill(s > 0.45 ? Color.WHITE : Color.web("#212529"));
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.CENTER);
        double font = Math.max(9, size * (columns ? 0.15 : 0.13));
        g.setFont(Font.font("SansSerif", FontWeight.BOLD, font));
        g.fillText(String.format(Locale.ROOT, "P %.2f", analysis.prior()[action]), x + size / 2, y + size / 2 - font);
        g.setFont(Font.font("SansSerif", font));
        g.fillText("N " + analysis.visits()[action], x + size / 2, y + size / 2 + 0.1 * font);
        double q = analysis.q()[action];
        g.fillText(Double.isNaN(q) ? "Q –" : String.format(Locale.ROOT, "Q %+.2f", q), x + size / 2,
                y + size / 2 + 1.2 * font);
    }

    private void drawStone(GraphicsContext g, double x, double y, double size, boolean first) {
        double pad = size * (columns ? 0.12 : 0.2);
        if (columns) {
            g.setFill(first ? FIRST : SECOND);
            g.fillOval(x + pad, y + pad, size - 2 * pad, size - 2 * pad);
        } else if (first) {
            g.setStroke(FIRST);
            g.setLineWidth(size * 0.09);
            g.strokeLine(x + pad, y + pad, x + size - pad, y + size - pad);
            g.strokeLine(x + size - pad, y + pad, x + pad, y + size - pad);
        } else {
            g.setStroke(FRAME);
            g.setLineWidth(size * 0.09);
            g.strokeOval(x + pad, y + pad, size - 2 * pad, size - 2 * pad);
        }
    }

    /** The lowest empty row of column {@code c} (connect-four), or -1 when it is full. */
    private int landingRow(char[][] board, int c) {
        for (int r = rows - 1; r >= 0; r--) {
            if (board[r][c] == '.') {
                return r;
            }
        }
        return -1;
    }

    /** The stones of a {@link GameState#render()}: {@code [rows][cols]} of {@code x}, {@code o}, {@code .}. */
    private char[][] parse(String text) {
        char[][] b = new char[rows][cols];
        String[] lines = text.split("\n");
        for (int r = 0; r < rows; r++) {
            String[] cells = lines[r].trim().split("\\s+");
            for (int c = 0; c < cols; c++) {
                b[r][c] = cells[c].charAt(0);
            }
        }
        return b;
    }
}
