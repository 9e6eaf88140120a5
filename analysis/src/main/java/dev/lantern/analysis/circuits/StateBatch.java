package dev.lantern.analysis.circuits;

import dev.lantern.environments.grid.GridState;
import dev.lantern.environments.grid.GridStateSpace;
import dev.lantern.environments.grid.GridWorld;

/**
 * Every state of a grid world's exact state space ({@link GridStateSpace}: each free cell with each reachable keys
 * mask and extras, terminal and hypothetical states included, numbered as the solvers number them), each encoded as
 * the agent observes it, stacked into one batch for the inspection seam.
 *
 * <p>Observations come from {@link GridWorld#encode}, the encoder the world's own {@code observeInto} uses, so row
 * {@code i} is exactly what a learner on this world (one-hot, egocentric or symbolic) sees in state {@code i}; the
 * floats are widened to double, which is exact. Example {@code i} of the batch is state number {@code i} of
 * {@link #space()}. Immutable.
 *
 * <pre>{@code
 * StateBatch states = StateBatch.of(EnvRegistry.make("grid/four-rooms-v1"));
 * Recording r = net.run(states.observations(), states.size(), List.of("torso.dense1"), List.of());
 * }</pre>
 */
public final class StateBatch {

    private final GridWorld world;
    private final GridStateSpace space;
    private final int observationSize;
    private final double[] observations;

    private StateBatch(GridWorld world, GridStateSpace space, int observationSize, double[] observations) {
        this.world = world;
        this.space = space;
        this.observationSize = observationSize;
        this.observations = observations;
    }

    /**
     * Every state of {@code world}'s map, encoded with {@code world}'s observation (its current state is untouched).
     *
     * @throws dev.lantern.environments.grid.StateSpaceTooLargeException if the map has more than
     *         {@link GridStateSpace#MAX_STATES} states
     * @throws IllegalArgumentException if the batch would exceed {@link Integer#MAX_VALUE} values
     */
    public static StateBatch of(GridWorld world) {
        return of(world, GridStateSpace.of(world));
    }

    /** Every state of {@code space}, which must be the state space of {@code world}'s map, encoded by {@code world}. */
    public static StateBatch of(GridWorld world, GridStateSpace space) {
        if (space.map() != world.map() && !space.map().text().equals(world.map().text())) {
            throw new IllegalArgumentException("the state space is of map " + space.map().sourceName()
                    + ", the world plays " + world.map().sourceName());
        }
        int width = world.spec().observationSize();
        long total = (long) space.size() * width;
        if (total > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(space.size() + " states x " + width
                    + " observation values do not fit one batch");
        }
        float[] encoded = new float[(int) total];
        for (int s = 0; s < space.size(); s++) {
            world.encode(space.state(s), encoded, s * width);
        }
        double[] widened = new double[encoded.length];
        for (int i = 0; i < encoded.length; i++) {
            widened[i] = encoded[i];
        }
        return new StateBatch(world, space, width, widened);
    }

    /** The world whose encoder made the observations. */
    public GridWorld world() {
        return world;
    }

    /** The exact state space; example {@code i} is its state number {@code i}. */
    public GridStateSpace space() {
        return space;
    }

    /** Number of states, the batch size. */
    public int size() {
        return space.size();
    }

    /** Values per observation (the network's input width). */
    public int observationSize() {
        return observationSize;
    }

    /** State number {@code i}. */
    public GridState state(int i) {
        return space.state(i);
    }

    /**
     * The states where the agent chooses an action, by state number: reachable from a start (following any outcome
     * of any action) and not terminal. Hypothetical states (added to the space for the heatmaps) and terminal ones
     * are not.
     */
    public boolean[] decisionStates() {
        int[] steps = space.stepsFromStart();
        boolean[] decides = new boolean[size()];
        for (int s = 0; s < decides.length; s++) {
            decides[s] = steps[s] >= 0 && !space.terminal(s);
        }
        return decides;
    }

    /** The whole batch, {@code [size * observationSize]} row-major (a copy). */
    public double[] observations() {
        return observations.clone();
    }

    /** State {@code i}'s observation, {@code [observationSize]} (a copy). */
    public double[] observation(int i) {
        double[] row = new double[observationSize];
        System.arraycopy(observations, i * observationSize, row, 0, observationSize);
        return row;
    }

    /** The batch without copying, for this package's passes (never written). */
    double[] observationsShared() {
        return observations;
    }
}
