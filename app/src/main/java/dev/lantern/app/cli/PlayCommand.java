package dev.lantern.app.cli;

import dev.lantern.environments.board.GameRegistry;
import dev.lantern.environments.grid.map.GridMap;
import dev.lantern.environments.registry.EnvRegistry;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.Reader;
import java.nio.charset.Charset;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine;

/**
 * {@code lantern play ENV-ID}: a person plays a grid world, or a board game against an exact or searching opponent,
 * in the terminal. Input is read a whole line at a time from standard input, so a session can be scripted; the end
 * of input ends the session with exit 0. Exit 2 for an unknown id or a bad option.
 *
 * <p>The sessions are {@link GridSession} and {@link GameSession}. Opponents: tic-tac-toe is played by exact minimax
 * (it never loses; among equally good moves, the lowest number), connect-four by alpha-beta with the horizon
 * {@code --depth} (default {@value #DEFAULT_DEPTH} plies).
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
        PrintWriter out = spec.commandLine().getOut();
        Reader reader = input.get();
        PlayConsole console = new PlayConsole(reader instanceof BufferedReader b ? b : new BufferedReader(reader), out);
        if (grid) {
            new GridSession(console, id, seed, maxSteps).play();
        } else {
            new GameSession(console, first.equals("human"), depth).play(GameRegistry.make(id));
        }
        out.flush();
        return 0;
    }
}
