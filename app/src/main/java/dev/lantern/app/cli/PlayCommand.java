package dev.lantern.app.cli;

import dev.lantern.environments.board.AlphaBeta;
import dev.lantern.environments.board.ConnectFour;
import dev.lantern.environments.board.Game;
import dev.lantern.environments.board.GameRegistry;
import dev.lantern.environments.board.GameState;
import dev.lantern.environments.board.Minimax;
import dev.lantern.environments.board.MinimaxSolution;
import dev.lantern.environments.board.SearchResult;
import dev.lantern.environments.grid.GridWorld;
import dev.lantern.environments.grid.map.GridMap;
import dev.lantern.environments.grid.map.Tile;
import dev.lantern.environments.registry.EnvRegistry;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine;

/**
 * {@code lantern play ENV-ID}: a person plays a grid world, or a board game against an exact or searching opponent,
 * in the terminal. Input is read a whole line at a time from standard input, so a session can be scripted; the end
 * of input ends the session with exit 0. Exit 2 for an unknown id or a bad option.
 *
 * <p>Opponents: tic-tac-toe is played by exact {@link Minimax} (it never loses; among equally good moves, the lowest
 * number), connect-four by {@link AlphaBeta} with the horizon {@code --depth} (default {@value #DEFAULT_DEPTH} plies).
 */
@Command(name = "play", description = {
    "Play a grid world or a board game yourself in the terminal.",
    "Grid worlds: w/a/s/d or up/down/left/right (several per line, e.g. 'ddd'), r restart, q quit; the step, reward "
        + "and performance are shown after every move.",
    "Games: type the number (or label) of a move; the AI answers (tic-tac-toe: exact minimax; connect-four: "
        + "alpha-beta to --depth plies)."})
final class PlayCommand implements Callable<Integer> {

    /** The default alpha-beta horizon for connect-four, in plies. */
    static final int DEFAULT_DEPTH = 8;

    @Parameters(index = "0", paramLabel = "ENV-ID",
            description = "a grid world (e.g. grid/four-rooms-v1) or a game (e.g. game/tic-tac-toe-v1); "
                    + "see 'lantern envs'")
    private String id;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "0",
            description = "seed passed to reset (the registered worlds and opponents are deterministic; "
                    + "default: ${DEFAULT-VALUE})")
    private long seed;

    @Option(names = "--first", paramLabel = "human|ai", defaultValue = "human",
            description = "games: who moves first, human or ai (default: ${DEFAULT-VALUE})")
    private String first;

    @Option(names = "--depth", paramLabel = "N", defaultValue = "" + DEFAULT_DEPTH,
            description = "connect-four: the alpha-beta horizon in plies (default: ${DEFAULT-VALUE})")
    private int depth;

    @Option(names = "--max-steps", paramLabel = "N", defaultValue = "" + GridMap.DEFAULT_TIME_LIMIT,
            description = "grid worlds: the time limit in steps (default: ${DEFAULT-VALUE})")
    private int maxSteps;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    private final Supplier<Reader> input;
    private BufferedReader in;
    private PrintWriter out;

    /** Reads standard input. */
    PlayCommand() {
        this(() -> new InputStreamReader(System.in, Charset.defaultCharset()));
    }

    /** Reads the given input instead of standard input (for scripted sessions and tests). */
    PlayCommand(Supplier<Reader> input) {
        this.input = input;
    }

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        boolean grid = EnvRegistry.ids().contains(id);
        boolean game = GameRegistry.ids().contains(id);
        if (!grid && !game) {
            err.println("lantern play: unknown id '" + id + "'");
            err.println("  grid worlds: " + String.join(", ", EnvRegistry.ids()));
            err.println("  games:       " + String.join(", ", GameRegistry.ids()));
            return LanternCli.BAD_INPUT;
        }
        if (maxSteps < 1) {
            err.println("lantern play: --max-steps must be >= 1, got " + maxSteps);
            return LanternCli.BAD_INPUT;
        }
        if (!first.equals("human") && !first.equals("ai")) {
            err.println("lantern play: --first must be human or ai, got '" + first + "'");
            return LanternCli.BAD_INPUT;
        }
        if (depth < 1) {
            err.println("lantern play: --depth must be >= 1, got " + depth);
            return LanternCli.BAD_INPUT;
        }
        out = spec.commandLine().getOut();
        Reader reader = input.get();
        in = reader instanceof BufferedReader b ? b : new BufferedReader(reader);
        if (grid) {
            playGrid(EnvRegistry.make(id, maxSteps));
        } else {
            playGame(GameRegistry.make(id));
        }
        out.flush();
        return 0;
    }

    /** The next line, or null at the end of input (which is announced). */
    private String readLine(String prompt) {
        out.print(prompt);
        out.flush();
        try {
            String line = in.readLine();
            if (line == null) {
                out.println();
                out.println("end of input: bye.");
            }
            return line;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read standard input", e);
        }
    }

    // ---------------------------------------------------------------- grid worlds

    private static final String GRID_KEYS = "keys: w/up  s/down  a/left  d/right (several per line, e.g. 'ddd'),"
            + " r restart, q quit, h help";

    private void playGrid(GridWorld env) {
        out.println("Playing " + EnvRegistry.describe(id).replaceFirst("time limit \\d+", "time limit " + maxSteps));
        out.println("You are A; reach G, avoid L; a key k opens doors D. Every step costs 0.01.");
        out.println(GRID_KEYS);
        while (true) {
            env.reset(seed);
            double totalReward = 0;
            double totalPerformance = 0;
            out.println();
            out.print(env.render());
            out.printf(Locale.ROOT, "step 0/%d%n", env.maxEpisodeSteps());
            boolean restart = false;
            episode:
            while (!env.episodeOver()) {
                String line = readLine("move> ");
                if (line == null) {
                    return;
                }
                List<Integer> actions = new ArrayList<>();
                for (String token : line.trim().toLowerCase(Locale.ROOT).split("\\s+")) {
                    if (token.isEmpty()) {
                        continue;
                    }
                    switch (token) {
                        case "q", "quit", "exit" -> {
                            report(env, totalReward, totalPerformance, "quit");
                            return;
                        }
                        case "r", "restart" -> {
                            restart = true;
                            break episode;
                        }
                        case "h", "help", "?" -> {
                            out.println(GRID_KEYS);
                            continue episode;
                        }
                        default -> {
                            List<Integer> parsed = gridActions(token);
                            if (parsed == null) {
                                out.println("'" + token + "' is not a key (line ignored); " + GRID_KEYS);
                                continue episode;
                            }
                            actions.addAll(parsed);
                        }
                    }
                }
                for (int action : actions) {
                    var before = env.state();
                    env.step(action);
                    boolean bump = env.state().equals(before);
                    totalReward += env.lastReward();
                    totalPerformance += env.lastPerformance();
                    out.println();
                    out.print(env.render());
                    out.printf(Locale.ROOT,
                            "step %d/%d  %s%s  reward %+.2f  total reward %.2f  total performance %.2f%n",
                            env.stepsTaken(), env.maxEpisodeSteps(), GridWorld.ACTION_LABELS.get(action),
                            bump ? " (bump)" : "", env.lastReward(), totalReward, totalPerformance);
                    if (env.episodeOver()) {
                        break;
                    }
                }
            }
            if (restart) {
                out.println("restart.");
                continue;
            }
            report(env, totalReward, totalPerformance, endReason(env));
            String line;
            do {
                line = readLine("r to play again, q to quit> ");
                if (line == null) {
                    return;
                }
                line = line.trim().toLowerCase(Locale.ROOT);
            } while (!line.equals("r") && !line.equals("restart") && !line.equals("q") && !line.equals("quit"));
            if (line.startsWith("q")) {
                return;
            }
        }
    }

    /** The actions of one token: a word, an action number 0..3, or a run of w/a/s/d; null if it is none of those. */
    private static List<Integer> gridActions(String token) {
        int index = GridWorld.ACTION_LABELS.indexOf(token);
        if (index >= 0) {
            return List.of(index);
        }
        if (token.matches("[0-3]")) {
            return List.of(token.charAt(0) - '0');
        }
        List<Integer> actions = new ArrayList<>();
        for (char c : token.toCharArray()) {
            switch (c) {
                case 'w' -> actions.add(GridWorld.ACTION_UP);
                case 's' -> actions.add(GridWorld.ACTION_DOWN);
                case 'd' -> actions.add(GridWorld.ACTION_RIGHT);
                case 'a' -> actions.add(GridWorld.ACTION_LEFT);
                default -> {
                    return null;
                }
            }
        }
        return actions;
    }

    private static String endReason(GridWorld env) {
        if (env.lastTerminated()) {
            Tile tile = env.map().tile(env.state().row(), env.state().col());
            return switch (tile) {
                case GOAL -> "terminated: reached the goal G";
                case LAVA -> "terminated: stepped into lava L";
                default -> "terminated";
            };
        }
        return "truncated: the time limit of " + env.maxEpisodeSteps() + " steps ran out";
    }

    private void report(GridWorld env, double totalReward, double totalPerformance, String how) {
        out.printf(Locale.ROOT, "%s after %d step%s: total reward %.2f, total performance %.2f%n", how,
                env.stepsTaken(), env.stepsTaken() == 1 ? "" : "s", totalReward, totalPerformance);
    }

    // ---------------------------------------------------------------- board games

    private void playGame(Game game) {
        Opponent ai = opponent(game);
        int human = first.equals("human") ? 0 : 1;
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
                String line = readLine("your move (" + mark(human) + ")> ");
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
            out.println(java.util.stream.IntStream.range(0, ConnectFour.COLS).mapToObj(Integer::toString)
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
