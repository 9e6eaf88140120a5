package dev.lantern.app.cli;

import dev.lantern.environments.board.AlphaBeta;
import dev.lantern.environments.board.ConnectFour;
import dev.lantern.environments.board.Game;
import dev.lantern.environments.board.GameState;
import dev.lantern.environments.board.Minimax;
import dev.lantern.environments.board.MinimaxSolution;
import dev.lantern.environments.board.SearchResult;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * A person playing a board game against the computer in the terminal ({@code lantern play game/...}): tic-tac-toe
 * against exact {@link Minimax}, connect-four against {@link AlphaBeta} to a horizon in plies.
 */
final class GameSession {

    private final PlayConsole console;
    private final PrintWriter out;
    private final int human;
    private final int depth;

    /**
     * @param humanFirst whether the person moves first
     * @param depth      connect-four: the alpha-beta horizon in plies
     */
    GameSession(PlayConsole console, boolean humanFirst, int depth) {
        this.console = console;
        this.out = console.out();
        this.human = humanFirst ? 0 : 1;
        this.depth = depth;
    }

    /** Plays one game until it ends, the person resigns or the input ends. */
    void play(Game game) {
        Opponent ai = opponent(game);
        out.println("Playing " + game.id() + " against " + ai.name() + ". You are " + mark(human) + " ("
                + (human == 0 ? "moving first" : "moving second") + "). Type a move's number or label, q to quit.");
        GameState s = game.initialState();
        while (!s.isTerminal()) {
            if (s.currentPlayer() != human) {
                int a = ai.move(s);
                s = s.next(a);
                continue;
            }
            out.println();
            printBoard(s);
            out.println("moves: " + Arrays.stream(s.legalActions())
                    .mapToObj(a -> a + "=" + game.actionLabel(a)).collect(Collectors.joining("  ")));
            Integer a = null;
            while (a == null) {
                String line = console.readLine("your move (" + mark(human) + ")> ");
                if (line == null) {
                    return;
                }
                line = line.trim().toLowerCase(Locale.ROOT);
                if (line.equals("q") || line.equals("quit") || line.equals("exit")) {
                    out.println("you resigned after " + s.history().length + " moves.");
                    return;
                }
                a = parseMove(game, s, line);
            }
            out.println("you play " + a + " (" + game.actionLabel(a) + ")");
            s = s.next(a);
        }
        out.println();
        printBoard(s);
        double[] returns = s.returns();
        String result = returns[0] == 0 ? "draw." : returns[human] > 0 ? mark(human) + " wins: you win!"
                : mark(1 - human) + " wins: the AI (" + ai.name() + ") wins.";
        out.printf(Locale.ROOT, "game over after %d moves: %s your return %s, the AI's %s%n",
                s.history().length, result, signed(returns[human]), signed(returns[1 - human]));
    }

    /** The move typed on {@code line}, or null after explaining why it is not one. */
    private Integer parseMove(Game game, GameState s, String line) {
        if (line.isEmpty()) {
            return null;
        }
        int action = -1;
        if (line.matches("-?\\d{1,9}")) {
            action = Integer.parseInt(line);
            if (action < 0 || action >= game.numDistinctActions()) {
                out.println("there is no move " + line + ": moves are numbered 0.." + (game.numDistinctActions() - 1)
                        + "; legal now: " + legal(s));
                return null;
            }
        } else {
            for (int a = 0; a < game.numDistinctActions(); a++) {
                if (game.actionLabel(a).equalsIgnoreCase(line)) {
                    action = a;
                }
            }
            if (action < 0) {
                out.println("'" + line + "' is not a move: type one of the numbers " + legal(s)
                        + " (or its label), q to quit");
                return null;
            }
        }
        if (!s.isLegal(action)) {
            String why = game.id().equals(ConnectFour.ID) ? "that column is full" : "that cell is taken";
            out.println("move " + action + " (" + game.actionLabel(action) + ") is not legal here: " + why
                    + "; legal now: " + legal(s));
            return null;
        }
        return action;
    }

    private static String legal(GameState s) {
        return Arrays.stream(s.legalActions()).mapToObj(Integer::toString).collect(Collectors.joining(" "));
    }

    private void printBoard(GameState s) {
        out.print(s.render());
        if (s.game().id().equals(ConnectFour.ID)) {
            out.println(IntStream.range(0, ConnectFour.COLS).mapToObj(Integer::toString)
                    .collect(Collectors.joining(" ")));
        }
    }

    /** {@code +1}, {@code 0} or {@code -1} (a game value or return). */
    private static String signed(double v) {
        return v > 0 ? "+1" : v < 0 ? "-1" : "0";
    }

    private static String mark(int player) {
        return player == 0 ? "x" : "o";
    }

    /** A computer player that announces its moves. */
    private interface Opponent {
        String name();

        int move(GameState s);
    }

    private Opponent opponent(Game game) {
        if (game.id().equals(ConnectFour.ID)) {
            AlphaBeta search = new AlphaBeta(depth);
            return new Opponent() {
                @Override
                public String name() {
                    return "alpha-beta, depth " + depth;
                }

                @Override
                public int move(GameState s) {
                    SearchResult r = search.search(s);
                    out.printf(Locale.ROOT, "AI (%s) plays %d (%s): value %+.3f for it%s, %,d positions searched%n",
                            name(), r.bestAction(), game.actionLabel(r.bestAction()), r.value(),
                            r.proven() ? (r.value() > 0 ? ", a proven win" : ", a proven loss") : " (heuristic)",
                            r.nodes());
                    return r.bestAction();
                }
            };
        }
        MinimaxSolution solution = Minimax.solve(game);
        return new Opponent() {
            @Override
            public String name() {
                return "exact minimax";
            }

            @Override
            public int move(GameState s) {
                int a = solution.bestAction(s);
                double v = solution.actionValues(s)[a];
                out.printf(Locale.ROOT, "AI (%s) plays %d (%s): value %s for it (%s with best play)%n", name(), a,
                        game.actionLabel(a), signed(v), v > 0 ? "a win" : v < 0 ? "a loss" : "a draw");
                return a;
            }
        };
    }
}
