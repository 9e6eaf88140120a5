package dev.lantern.analysis.attribution;

import dev.lantern.environments.grid.GridChannels;
import dev.lantern.environments.grid.GridObservation;
import dev.lantern.environments.grid.GridState;
import dev.lantern.environments.grid.GridWorld;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Attribution of grid states in the shape their observation has: a world's state is encoded as the agent sees it
 * ({@link GridWorld#encode}), its baseline built for that observation kind, and the result mapped back onto the map
 * ({@link GridAttribution}): one-hot planes summed per cell; the egocentric window (no rotation: row 0 of the window
 * is {@code viewSize / 2} rows above the agent) placed on the map cells in view, {@code NaN} elsewhere; the symbolic
 * vector per named feature. Baselines: for planes as {@link Baselines}; for the symbolic vector {@code ZEROS}, or
 * {@code WITHOUT_AGENT} (the row and column one-hots cleared); its {@code EMPTY_MAP} is not defined.
 *
 * <pre>{@code
 * GridAttributor g = new GridAttributor(world, new Attributor(net.inDouble()));
 * List<GridAttribution> all = g.integratedGradients(states, AttributedOutput.valueOf(net),
 *         Baselines.Kind.WITHOUT_AGENT, Attributor.DEFAULT_STEPS);
 * }</pre>
 */
public final class GridAttributor {

    private final GridWorld world;
    private final Attributor attributor;
    private final GridObservation.Kind kind;
    private final int channels;
    private final List<String> names;

    /** Attribution of {@code world}'s states (its observation kind) through {@code attributor}. */
    public GridAttributor(GridWorld world, Attributor attributor) {
        this.world = world;
        this.attributor = attributor;
        this.kind = world.observation().kind();
        this.channels = kind == GridObservation.Kind.SYMBOLIC ? 1 : world.spec().observationShape()[0];
        this.names = world.featureNames();
    }

    /** The attributor used. */
    public Attributor attributor() {
        return attributor;
    }

    /** {@code state} as the agent observes it, {@code [observationSize]}. */
    public double[] observation(GridState state) {
        float[] f = new float[world.spec().observationSize()];
        world.encode(state, f, 0);
        double[] x = new double[f.length];
        for (int i = 0; i < f.length; i++) {
            x[i] = f[i];
        }
        return x;
    }

    /** The baseline {@code baseline} for {@code observation}, as this world's observation kind defines it. */
    public double[] baseline(double[] observation, Baselines.Kind baseline) {
        if (kind != GridObservation.Kind.SYMBOLIC) {
            return Baselines.of(baseline, observation, channels);
        }
        return switch (baseline) {
            case ZEROS -> Baselines.zeros(observation.length);
            case WITHOUT_AGENT -> {
                double[] b = observation.clone();
                Arrays.fill(b, 0, world.map().height() + world.map().width(), 0.0);
                yield b;
            }
            case EMPTY_MAP -> throw new IllegalArgumentException("the symbolic observation has no empty-map "
                    + "baseline (use ZEROS or WITHOUT_AGENT)");
        };
    }

    /** Integrated gradients of every state in {@code states} at once (batched), each from its own baseline. */
    public List<GridAttribution> integratedGradients(List<GridState> states, AttributedOutput output,
            Baselines.Kind baseline, int steps) {
        double[][] xs = new double[states.size()][];
        double[][] bs = new double[states.size()][];
        for (int s = 0; s < xs.length; s++) {
            xs[s] = observation(states.get(s));
            bs[s] = baseline(xs[s], baseline);
        }
        List<Attribution> done = attributor.integratedGradients(xs, bs, output, steps);
        List<GridAttribution> shaped = new ArrayList<>(done.size());
        for (int s = 0; s < xs.length; s++) {
            shaped.add(shape(states.get(s), done.get(s)));
        }
        return shaped;
    }

    /** Integrated gradients of one state. */
    public GridAttribution integratedGradients(GridState state, AttributedOutput output, Baselines.Kind baseline,
            int steps) {
        return integratedGradients(List.of(state), output, baseline, steps).get(0);
    }

    /**
     * Occlusion of every map cell the observation shows: F(x) minus F with the cell's planes replaced by
     * {@code replacement} (e.g. floor: all zeros, or {@link #wall()}), {@code [height * width]}, {@code NaN} for cells
     * outside an egocentric window.
     *
     * @throws IllegalArgumentException for the symbolic vector, which has no cells
     */
    public double[] occlusion(GridState state, AttributedOutput output, double[] replacement) {
        if (kind == GridObservation.Kind.SYMBOLIC) {
            throw new IllegalArgumentException("the symbolic observation has no cells to occlude");
        }
        double[] window = attributor.occlusionMap(observation(state), output, channels, replacement);
        return toMap(state, window, new double[1]);
    }

    /** The planes' values of a wall cell, {@code [channels]}. */
    public double[] wall() {
        double[] w = new double[channels];
        w[GridChannels.WALL] = 1;
        return w;
    }

    /** {@code attribution} of {@code state} shaped as the observation kind says. */
    public GridAttribution shape(GridState state, Attribution attribution) {
        if (kind == GridObservation.Kind.SYMBOLIC) {
            return new GridAttribution(state, kind, new double[0], 0, names, attribution);
        }
        double[] offMap = new double[1];
        double[] cells = toMap(state, Attributor.perCell(attribution.values(), channels), offMap);
        return new GridAttribution(state, kind, cells, offMap[0], names, attribution);
    }

    /** Per-window-cell values onto the map ({@code NaN} outside the window); off-map window cells summed there. */
    private double[] toMap(GridState state, double[] window, double[] offMap) {
        if (kind == GridObservation.Kind.ONE_HOT) {
            return window;
        }
        int h = world.map().height();
        int w = world.map().width();
        int k = world.observation().viewSize();
        double[] cells = new double[h * w];
        Arrays.fill(cells, Double.NaN);
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                int r = state.row() - k / 2 + i;
                int c = state.col() - k / 2 + j;
                if (r < 0 || r >= h || c < 0 || c >= w) {
                    offMap[0] += window[i * k + j];
                } else {
                    cells[r * w + c] = window[i * k + j];
                }
            }
        }
        return cells;
    }
}
