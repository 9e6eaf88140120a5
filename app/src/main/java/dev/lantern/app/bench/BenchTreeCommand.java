package dev.lantern.app.bench;

import dev.lantern.agents.mcts.GameProblem;
import dev.lantern.agents.mcts.Mcts;
import dev.lantern.agents.mcts.MctsConfig;
import dev.lantern.agents.mcts.RandomRolloutEvaluator;
import dev.lantern.agents.mcts.SearchTree;
import dev.lantern.agents.api.Inspectable;
import dev.lantern.agents.api.PolicyValueView;
import dev.lantern.app.config.ConfigException;
import dev.lantern.app.console.LanternCommand;
import dev.lantern.app.engine.GameCheckpoint;
import dev.lantern.app.lab.LabBenchRun;
import dev.lantern.app.lab.NetworkCircuits;
import dev.lantern.app.lab.TreeBenchRun;
import dev.lantern.app.lab.TreePositions;
import dev.lantern.environments.board.ConnectFour;
import dev.lantern.environments.board.Game;
import dev.lantern.environments.board.GameRegistry;
import dev.lantern.environments.board.GameState;
import dev.lantern.environments.board.Minimax;
import dev.lantern.environments.board.TicTacToe;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code lantern bench tree}: the search tree view's distinct frames per second while panning a real search tree.
 * One UCT search with random rollouts (seed 1) from the game's start builds the tree (every node, unvisited leaves
 * included); the view shows it fully expanded in a window and pans it sideways on every pulse, at zoom 1 (a few
 * hundred nodes on screen) and zoomed out to the whole tree's width (every node on screen), printing the distinct
 * frames drawn per second (frames with a new view, at most the display's pulse rate, 60/s) and the mean time to
 * draw one. Needs a display (Xvfb will do); {@code --png FILE} also saves a screenshot of the view. With
 * {@code --network RUN-DIR} (an AlphaZero run of the game) the side panel also shows, at each node's position, the
 * last checkpoint's network value and its circuit (activations per site, integrated gradients of the value and of the
 * most visited move per cell); {@code --moves} searches from a later position.
 */
@Command(name = "tree", description = "The search tree view's distinct frames/s while panning a 10,000+ node MCTS tree "
        + "(needs a display; Xvfb will do).")
final class BenchTreeCommand extends LanternCommand {

    @Option(names = "--game", paramLabel = "ID", description = "game searched (default: game/connect-four-v1)")
    private String game = ConnectFour.ID;

    @Option(names = "--simulations", paramLabel = "N", description = "UCT simulations of the search (default: 3000)")
    private int simulations = 3000;

    @Option(names = "--seconds", paramLabel = "S", description = "seconds of panning per zoom (default: 5)")
    private double seconds = 5;

    @Option(names = "--png", paramLabel = "FILE", description = "also save a screenshot of the view there")
    private Path png;

    @Option(names = "--network", paramLabel = "RUN-DIR", description = "an AlphaZero run of the game: its last "
            + "checkpoint's value and circuit at each node's position in the side panel (the game is the run's)")
    private Path network;

    @Option(names = "--moves", paramLabel = "A,B,..", split = ",", description = "actions played from the start "
            + "before the search (default: none)")
    private int[] moves = new int[0];

    @Override
    protected int execute() {
        new BenchArguments()
                .require(GameRegistry.ids().contains(game),
                        "--game: unknown game '" + game + "' (known: " + String.join(", ", GameRegistry.ids()) + ")")
                .inRange("--simulations", simulations, 1, 1_000_000)
                .require(png == null || java.nio.file.Files.isDirectory(directoryOf(png)),
                        "--png: no directory '" + (png == null ? "" : directoryOf(png)) + "' to write " + png + " into")
                .rejectWithSeconds(seconds);
        PrintWriter out = out();
        GameCheckpoint run = network == null ? null : GameCheckpoint.load(network);
        Game g = run == null ? GameRegistry.make(game) : run.game();
        GameState start = g.initialState();
        for (int k = 0; k < moves.length; k++) {
            if (start.isTerminal() || !start.isLegal(moves[k])) {
                throw new ConfigException(List.of("--moves: move " + (k + 1) + ", " + moves[k] + ", is not legal in "
                        + g.id() + " after " + java.util.Arrays.toString(start.history()) + " (legal: "
                        + java.util.Arrays.toString(start.legalActions()) + ")"));
            }
            start = start.next(moves[k]);
        }
        Mcts<GameState> mcts = new Mcts<>(new GameProblem(g), new RandomRolloutEvaluator<>(1),
                MctsConfig.defaults().withSimulations(simulations));
        SearchTree<GameState> tree = mcts.search(start);
        TreePositions<GameState> positions = positions(g);
        if (run != null) {
            long step = run.steps().get(run.steps().size() - 1);
            positions = withNetwork(positions, run.view(step), g);
            out.printf(Locale.ROOT, "network: %s, checkpoint at step %,d%n", network, step);
        }
        out.printf(Locale.ROOT, "lantern bench tree: %s, UCT with random rollouts, %,d simulations: %,d nodes; "
                + "display %s%n", g.id(), simulations, tree.root().subtreeSize(),
                System.getenv().getOrDefault("DISPLAY", "(none)"));
        out.printf(Locale.ROOT, "%-14s %10s %16s %14s %12s %8s%n", "view", "zoom", "distinct frames/s", "ms per frame",
                "nodes drawn", "seconds");
        out.flush();
        try {
            TreeBenchRun.Figures[] figures = TreeBenchRun.measure(tree, positions, new double[] {1, 0.1, 0},
                    seconds, png);
            String[] names = {"zoom 1", "overview 0.1", "whole width"};
            for (int k = 0; k < figures.length; k++) {
                TreeBenchRun.Figures f = figures[k];
                out.printf(Locale.ROOT, "%-14s %10.4f %16.1f %14.2f %,12d %8.1f%n", names[k], f.zoom(),
                        f.framesPerSecond(), f.drawMillis(), f.nodesPerFrame(), f.seconds());
            }
            out.printf(Locale.ROOT, "tree view: %.1f / %.1f / %.1f distinct frames/s panning the %,d-node tree at zoom 1 /"
                    + " 0.1 / whole width (target >= 30); system load average %.1f on %d cores%n",
                    figures[0].framesPerSecond(), figures[1].framesPerSecond(), figures[2].framesPerSecond(),
                    tree.root().subtreeSize(), java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                            .getSystemLoadAverage(), Runtime.getRuntime().availableProcessors());
            if (png != null) {
                out.println("screenshot: " + png);
            }
        } catch (UnsupportedOperationException | IllegalStateException e) {
            out.println("lantern bench tree: " + e.getMessage() + " (the view needs a display: xvfb-run)");
            return 2;
        } catch (Exception e) {
            throw new IllegalStateException("bench tree failed: " + e, e);
        } finally {
            LabBenchRun.shutdown();
        }
        out.flush();
        return 0;
    }

    /** The game's positions, with the exact values where the game is small enough to solve (tic-tac-toe). */
    private static TreePositions<GameState> positions(Game g) {
        return g.id().equals(TicTacToe.ID) ? TreePositions.solved(Minimax.solve(g)) : TreePositions.of(g);
    }

    /**
     * {@code positions} with the network of {@code view}: its value (for the player to move, negated to the player who
     * moved into the node) and its circuit at each node's position.
     */
    private static TreePositions<GameState> withNetwork(TreePositions<GameState> positions, PolicyValueView view,
            Game g) {
        if (!(view instanceof Inspectable i)) {
            throw new ConfigException(List.of("--network: " + view.getClass().getSimpleName()
                    + " cannot be inspected"));
        }
        double[] probs = new double[view.actionCount()];
        double[] value = new double[1];
        return positions.withNetworkValue(s -> {
            view.evaluate(s.observation(NetworkCircuits.observer(s)), 1, probs, value);
            return -value[0];
        }).withCircuits(NetworkCircuits.forGame(i.inspect(), g));
    }

    private static Path directoryOf(Path file) {
        Path parent = file.getParent();
        return parent == null ? Path.of(".") : parent;
    }
}
