package dev.lantern.app.lab;

import dev.lantern.agents.api.InspectableNetwork;
import dev.lantern.agents.api.Readout;
import dev.lantern.agents.api.Site;
import dev.lantern.analysis.attribution.AttributedOutput;
import dev.lantern.analysis.attribution.Attribution;
import dev.lantern.analysis.attribution.Attributor;
import dev.lantern.analysis.attribution.Baselines;
import dev.lantern.environments.board.Game;
import dev.lantern.environments.board.GameState;
import dev.lantern.environments.grid.GridObservation;
import dev.lantern.environments.grid.GridState;
import dev.lantern.environments.grid.GridWorld;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.function.UnaryOperator;

/**
 * {@link PositionCircuits} over a network's inspection seam: one pass recording every site (each layer's output and
 * the heads; not the pre-activations) and integrated gradients ({@link Attributor}, {@value Attributor#DEFAULT_STEPS}
 * Gauss-Legendre steps) of the value ({@link AttributedOutput#valueOf}) and of the move's logit (or Q-value), summed
 * per cell over the observation's planes ({@code [channels, rows, cols]}). The last
 * {@value #CACHED} answers are kept (clicking back and forth costs nothing). The network must be a private copy
 * (a snapshot's {@code inspect()}): this class runs passes on it; never hand it the one being trained. One thread.
 *
 * @param <S> the state type
 */
public final class NetworkCircuits<S> implements PositionCircuits<S> {

    /** Answers kept. */
    static final int CACHED = 64;

    private final InspectableNetwork net;
    private final Function<S, double[]> encoder;
    private final UnaryOperator<double[]> baselineOf;
    private final String baselineName;
    private final int rows;
    private final int cols;
    private final IntFunction<String> moveLabel;
    private final String perCellProblem;
    private final Map<Object, PositionCircuit> cache = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Object, PositionCircuit> eldest) {
            return size() > CACHED;
        }
    };

    /**
     * @param net          a private copy of the network (its seam)
     * @param encoder      a state's observation, {@code [net.inputSize()]}
     * @param baselineOf   the integrated gradients' baseline of an observation
     * @param baselineName the baseline in words, printed beside the attribution
     * @param rows         rows of the position's cells
     * @param cols         columns of the position's cells
     * @param moveLabel    an action's name
     * @param perCellProblem why the observation has no plane per cell (then only the sums are shown), or null
     */
    public NetworkCircuits(InspectableNetwork net, Function<S, double[]> encoder, UnaryOperator<double[]> baselineOf,
            String baselineName, int rows, int cols, IntFunction<String> moveLabel, String perCellProblem) {
        if (net == null || encoder == null || baselineOf == null || moveLabel == null) {
            throw new IllegalArgumentException("network circuits need a network, an encoder, a baseline and move "
                    + "labels, got " + net + ", " + encoder + ", " + baselineOf + ", " + moveLabel);
        }
        if (perCellProblem == null && net.inputSize() % (rows * cols) != 0) {
            throw new IllegalArgumentException(net.inputSize() + " input features are not planes of " + rows + " x "
                    + cols + " cells");
        }
        this.net = net;
        this.encoder = encoder;
        this.baselineOf = baselineOf;
        this.baselineName = baselineName;
        this.rows = rows;
        this.cols = cols;
        this.moveLabel = moveLabel;
        this.perCellProblem = perCellProblem;
    }

    /**
     * The circuits of a board-game network (AlphaZero's): the observation of the player to move
     * ({@link GameState#observe}, planes own / opponent / player 0 to move), the all-zero baseline (an empty board with
     * the side-to-move plane off), the value for the side to move.
     */
    public static NetworkCircuits<GameState> forGame(InspectableNetwork net, Game game) {
        int[] shape = game.observationShape();
        return new NetworkCircuits<>(net, s -> widen(s.observation(observer(s))),
                x -> new double[x.length], "zeros: no stones", shape[1], shape[2], game::actionLabel, null);
    }

    /**
     * The player whose observation the network reads at {@code s}: the player to move, and at a finished game the one
     * who would move next (by the move count's parity), so terminal nodes are drawn from the same side as their
     * siblings would be.
     */
    public static int observer(GameState s) {
        return s.isTerminal() ? s.history().length % 2 : s.currentPlayer();
    }

    /**
     * The circuits of a grid-world network: the world's observation of a state; with one-hot planes, the baseline is
     * the same map without the agent ({@link Baselines#withoutAgent}), else zeros and no per-cell map.
     */
    public static NetworkCircuits<GridState> forGrid(InspectableNetwork net, GridWorld world) {
        int size = world.spec().observationSize();
        int h = world.map().height();
        int w = world.map().width();
        Function<GridState, double[]> encode = s -> {
            float[] obs = new float[size];
            world.encode(s, obs, 0);
            return widen(obs);
        };
        if (world.observation().kind() != GridObservation.Kind.ONE_HOT) {
            return new NetworkCircuits<>(net, encode, x -> new double[x.length], "zeros", h, w,
                    GridWorld.ACTION_LABELS::get, "the " + world.observation().kind()
                            + " observation is not one plane per cell");
        }
        int channels = size / (h * w);
        return new NetworkCircuits<>(net, encode, x -> Baselines.withoutAgent(x, channels), "no agent", h, w,
                GridWorld.ACTION_LABELS::get, null);
    }

    @Override
    public PositionCircuit at(S state, int move) {
        return cache.computeIfAbsent(List.of(state, move), k -> compute(state, move));
    }

    private PositionCircuit compute(S state, int move) {
        double[] x = encoder.apply(state);
        List<String> names = new ArrayList<>();
        for (Site s : net.sites()) {
            if (!s.name().equals(InspectableNetwork.INPUT) && !s.name().endsWith(Site.PRE)) {
                names.add(s.name());
            }
        }
        var recording = net.run(x, 1, names, List.of());
        List<PositionCircuit.SiteRow> sites = new ArrayList<>();
        for (String name : names) {
            sites.add(new PositionCircuit.SiteRow(name, recording.get(name).row(0)));
        }
        double[] b = baselineOf.apply(x);
        AttributedOutput value = AttributedOutput.valueOf(net);
        PositionCircuit.CellScores v = scores(value.toString(), x, b, value);
        PositionCircuit.CellScores m = null;
        if (move >= 0) {
            boolean policy = net.sites().stream().anyMatch(s -> s.name().equals("policy.logits"));
            Readout r = new Readout(policy ? "policy.logits" : AttributedOutput.Q_SITE, move);
            m = scores((policy ? "logit " : "Q ") + moveLabel.apply(move), x, b, AttributedOutput.of(r));
        }
        return new PositionCircuit(sites, rows, cols, v, m);
    }

    private PositionCircuit.CellScores scores(String target, double[] x, double[] b, AttributedOutput output) {
        Attribution ig = new Attributor(net).integratedGradients(x, b, output, Attributor.DEFAULT_STEPS);
        if (perCellProblem != null) {
            return new PositionCircuit.CellScores(target, baselineName, null, ig.outputValue(), ig.baselineValue(),
                    ig.completenessError(), perCellProblem + String.format(java.util.Locale.ROOT,
                            " (features sum %+.4f vs gap %+.4f)", ig.sum(), ig.outputValue() - ig.baselineValue()));
        }
        int channels = x.length / (rows * cols);
        return new PositionCircuit.CellScores(target, baselineName, Attributor.perCell(ig.values(), channels),
                ig.outputValue(), ig.baselineValue(), ig.completenessError(), null);
    }

    private static double[] widen(float[] obs) {
        double[] x = new double[obs.length];
        for (int i = 0; i < obs.length; i++) {
            x[i] = obs[i];
        }
        return x;
    }
}
