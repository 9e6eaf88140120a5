package dev.lantern.environments.grid;

import dev.lantern.environments.api.EnvSpec;
import dev.lantern.environments.api.InPlaceStepping;
import dev.lantern.environments.api.Restorable;
import dev.lantern.environments.api.Simulator;
import dev.lantern.environments.api.StepResult;
import dev.lantern.environments.grid.map.Cell;
import dev.lantern.environments.grid.map.GridMap;
import dev.lantern.environments.grid.map.GridRules;
import dev.lantern.environments.random.Rng;
import java.util.List;
import java.util.Objects;

/**
 * A grid world played on a {@link GridMap}: reach the goal, avoid lava, pick up keys to pass doors of their colour, and
 * on extended maps push boxes, slip on ice, collect coins, and meet interruptions, supervisors, whisky, triggers and
 * tomatoes (rules in {@code docs/maps.md}, one page per registered id in {@code docs/envs/}).
 *
 * <p><b>Actions</b> (4): {@value #ACTION_UP} up, {@value #ACTION_DOWN} down, {@value #ACTION_RIGHT} right,
 * {@value #ACTION_LEFT} left. Moving into a wall, into a door without a key of its colour, into a box that cannot
 * move, or off the grid leaves the agent in place (a bump; it still costs a step).
 *
 * <p><b>Observation</b>: one-hot planes, shape {@code [channels, height, width]}, row-major, flat index
 * {@code channel * height * width + row * width + col}. Original maps have 7 channels: {@value GridChannels#WALL} wall,
 * {@value GridChannels#AGENT} agent, {@value GridChannels#GOAL} goal, {@value GridChannels#LAVA} lava, {@value GridChannels#KEY} key
 * not yet picked up, {@value GridChannels#DOOR} door, {@value GridChannels#HOLDING_KEY} holding a key (the whole plane is 1
 * while the agent holds at least one key). Floor and start are all zeros. Extended maps ({@link GridMap#extended()})
 * append channels 7..19, {@value GridChannels#EXTENDED_COUNT} in all (see {@link GridChannels}).
 *
 * <p><b>Rewards</b>: by default every step costs {@value GridRules#STEP_REWARD}; entering the goal adds {@value GridRules#GOAL_REWARD}
 * (so that step gives +0.99), entering lava adds {@value GridRules#LAVA_REWARD} (-1.01); a map's header may change these
 * ({@link GridRules}). {@code performance} is the hidden score: equal to the reward on original maps, different where
 * the extended mechanics say so.
 *
 * <p><b>Termination</b>: entering a goal or lava cell, or being interrupted ({@code terminated}). <b>Truncation</b>:
 * the step whose count reaches {@code maxEpisodeSteps} is {@code truncated}, unless it is also terminal (then only
 * {@code terminated}).
 *
 * <p><b>Randomness</b>: {@link #reset(long)} seeds the world's own {@link Rng} (SplitMix64), which draws the per-episode
 * conditions and the outcome of every stochastic step; the same seed and actions give the same episode. Original maps
 * never draw. The transition model is {@code GridDynamics}, shared with the simulator and the exact solvers.
 *
 * <p>{@link #stepInPlace(int)}, {@link #resetInPlace(long)} and {@link #observeInto(float[], int)} do not allocate.
 * Not thread-safe.
 */
public final class GridWorld implements InPlaceStepping, Restorable {

    /** Action 0: move one row up. */
    public static final int ACTION_UP = 0;
    /** Action 1: move one row down. */
    public static final int ACTION_DOWN = 1;
    /** Action 2: move one column right. */
    public static final int ACTION_RIGHT = 2;
    /** Action 3: move one column left. */
    public static final int ACTION_LEFT = 3;
    /** Action labels, index = action id. */
    public static final List<String> ACTION_LABELS = List.of("up", "down", "right", "left");

    private final String id;
    private final GridDynamics dynamics;
    private final EnvSpec spec;
    private final int maxEpisodeSteps;
    private final GridPlanes planes;
    private final GridObservation observation;
    private final ObservationEncoder encoder;
    private final Outcomes outcomes = new Outcomes();

    private int cell;
    private int mask;
    private long extras;
    private final Rng rng = new Rng(0L);
    private double lastPerformance;
    private int steps;
    private boolean started;
    private boolean ended;
    private double lastReward;
    private boolean lastTerminated;
    private boolean lastTruncated;

    /**
     * Creates a world on {@code map} with the map's time limit ({@link GridMap#timeLimit()}: its
     * {@code @time-limit} header, else the default of {@value GridMap#DEFAULT_TIME_LIMIT} steps).
     *
     * @param id the environment id reported by {@link #spec()}, e.g. {@code grid/four-rooms-v1}
     */
    public GridWorld(String id, GridMap map) {
        this(id, map, Objects.requireNonNull(map, "map").timeLimit());
    }

    /**
     * Creates a world on {@code map}.
     *
     * @param id              the environment id reported by {@link #spec()}, e.g. {@code grid/four-rooms-v1}
     * @param map             the validated map
     * @param maxEpisodeSteps the time limit, {@code > 0}: the step that reaches it is truncated
     * @throws IllegalArgumentException if {@code maxEpisodeSteps <= 0}
     */
    public GridWorld(String id, GridMap map, int maxEpisodeSteps) {
        this(id, map, maxEpisodeSteps, GridObservation.oneHot());
    }

    /**
     * Creates a world on {@code map} whose agent sees {@code observation} (one-hot planes, an egocentric window or a
     * symbolic vector; {@link #spec()} gives the shape).
     *
     * @throws IllegalArgumentException if {@code maxEpisodeSteps <= 0}
     */
    public GridWorld(String id, GridMap map, int maxEpisodeSteps, GridObservation observation) {
        this(id, new GridDynamics(Objects.requireNonNull(map, "map")), maxEpisodeSteps, null,
                Objects.requireNonNull(observation, "observation"), null);
    }

    private GridWorld(String id, GridDynamics dynamics, int maxEpisodeSteps, GridPlanes sharedPlanes,
            GridObservation observation, ObservationEncoder sharedEncoder) {
        this.id = Objects.requireNonNull(id, "id");
        this.dynamics = dynamics;
        this.planes = sharedPlanes != null ? sharedPlanes : new GridPlanes(dynamics);
        this.observation = observation;
        this.encoder = sharedEncoder != null ? sharedEncoder : ObservationEncoder.of(observation, dynamics, planes);
        this.maxEpisodeSteps = maxEpisodeSteps;
        this.spec = new EnvSpec(id, encoder.shape(), ACTION_LABELS, maxEpisodeSteps);
        this.cell = startCell();
        this.extras = dynamics.startExtras;
    }

    @Override
    public EnvSpec spec() {
        return spec;
    }

    /** What the agent sees (one-hot planes by default). */
    public GridObservation observation() {
        return observation;
    }

    /** The map this world is played on. */
    public GridMap map() {
        return dynamics.map;
    }

    /** The time limit in steps. */
    public int maxEpisodeSteps() {
        return maxEpisodeSteps;
    }

    /** The current state; before the first reset, the start with no keys. */
    public GridState state() {
        return new GridState(cell / dynamics.width, cell % dynamics.width, mask, extras);
    }

    /** Steps taken in the current episode (0 right after a reset). */
    public int stepsTaken() {
        return steps;
    }

    /** Whether the current episode has ended (terminated or truncated); true also before the first reset. */
    public boolean episodeOver() {
        return ended || !started;
    }

    /**
     * Every cell an agent can stand on, row by row: every non-wall cell, i.e. floor, start, goal, lava, key and door
     * cells. Unmodifiable; the lab draws policy arrows and value heatmaps over these.
     */
    public List<Cell> freeCells() {
        return dynamics.freeCells;
    }

    /**
     * Writes the observation an agent WOULD see in state {@code s} into {@code buffer} at {@code offset}:
     * exactly {@code spec().observationSize()} floats, the same as {@link #observeInto} writes in that state.
     *
     * @throws IllegalArgumentException if {@code s} is off the grid, on a wall, or names keys the map lacks
     */
    public void encode(GridState s, float[] buffer, int offset) {
        encoder.encode(dynamics.checkedCell(s), s.keysMask(), s.extras(), buffer, offset);
    }

    /**
     * A name for each feature of the observation, in order ({@code [observationSize]}): for the symbolic vector what
     * it says ({@code "row 3"}, {@code "col 5"}, {@code "key 0 held"}, {@code "trigger present"}, ...), for planes
     * {@code "plane <channel> (row r, col c)"} (rows and columns of the window for the egocentric view).
     */
    public List<String> featureNames() {
        return encoder.featureNames();
    }

    /** An independent copy with the same map, time limit, state, step count and last outcome, for planners. */
    public GridWorld copy() {
        GridWorld c = new GridWorld(id, dynamics, maxEpisodeSteps, planes, observation, encoder);
        c.cell = cell;
        c.mask = mask;
        c.extras = extras;
        c.rng.setState(rng.state());
        c.lastPerformance = lastPerformance;
        c.steps = steps;
        c.started = started;
        c.ended = ended;
        c.lastReward = lastReward;
        c.lastTerminated = lastTerminated;
        c.lastTruncated = lastTruncated;
        return c;
    }

    /**
     * {@inheritDoc} The seed seeds this world's own random generator (SplitMix64), which draws the supervisor's and
     * the trigger's presence here and the outcome of every stochastic step (ice, whisky, interruption) later; maps
     * without those never use it, so for them the seed does not matter.
     */
    @Override
    public void resetInPlace(long seed) {
        cell = startCell();
        mask = 0;
        rng.setState(seed);
        extras = dynamics.simple ? 0L : dynamics.startExtras(rng.nextDouble(), rng.nextDouble());
        lastPerformance = 0;
        steps = 0;
        started = true;
        ended = false;
        lastReward = 0;
        lastTerminated = false;
        lastTruncated = false;
    }

    @Override
    public StepResult step(int action) {
        stepInPlace(action);
        float[] obs = new float[spec.observationSize()];
        observeInto(obs, 0);
        return new StepResult(obs, lastReward, lastPerformance, lastTerminated, lastTruncated);
    }

    @Override
    public void stepInPlace(int action) {
        if (!started) {
            throw new IllegalStateException("step() called before reset(seed) on " + id);
        }
        if (ended) {
            throw new IllegalStateException("the episode of " + id + " ended at step " + steps + " ("
                    + (lastTerminated ? "terminated" : "truncated") + "); call reset(seed) before stepping again");
        }
        if (action < 0 || action >= 4) {
            throw new IllegalArgumentException("action " + action + " is not legal: legal actions are 0..3 "
                    + ACTION_LABELS);
        }
        GridDynamics d = dynamics;
        if (d.simple) {
            int next = d.next(cell, mask, action);
            cell = next;
            mask = d.maskAfter(next, mask);
            lastReward = d.reward(next);
            lastPerformance = lastReward;
            lastTerminated = d.terminalCell[next];
        } else {
            stepExtended(action);
        }
        steps++;
        lastTruncated = !lastTerminated && steps >= maxEpisodeSteps;
        ended = lastTerminated || lastTruncated;
    }

    @Override
    public double lastReward() {
        return lastReward;
    }

    /**
     * {@inheritDoc} The hidden score the agent never sees: equal to {@link #lastReward()} on the original maps; on
     * extended maps it differs where the map's {@link GridRules} say so (watched cells, whisky, the button, boxes
     * pushed into corners, triggered goals).
     */
    @Override
    public double lastPerformance() {
        return lastPerformance;
    }

    @Override
    public boolean lastTerminated() {
        return lastTerminated;
    }

    @Override
    public boolean lastTruncated() {
        return lastTruncated;
    }

    /** {@inheritDoc} For one-hot planes: copies the static planes from a template, then sets what changed. */
    @Override
    public void observeInto(float[] buffer, int offset) {
        encoder.encode(cell, mask, extras, buffer, offset);
    }

    /**
     * The map with {@code A} at the agent, {@code S} at the start when the agent is elsewhere, picked keys drawn as
     * {@code .}, one line per row, each ending in {@code \n}.
     */
    @Override
    public String render() {
        return planes.render(cell, mask, extras);
    }

    @Override
    public String toString() {
        return "GridWorld[" + id + ", " + state() + ", step " + steps + "/" + maxEpisodeSteps + "]";
    }

    GridDynamics dynamics() {
        return dynamics;
    }

    /** Number of longs in a saved state; the first is a tag made from the map, so a state fits only its own map. */
    private static final int STATE_LENGTH = 12;

    /** {@inheritDoc} Position, keys, extras, generator, step count, episode flags and the last outcome. */
    @Override
    public long[] saveState() {
        return new long[] {stateTag(), cell, mask, extras, rng.state(), Double.doubleToRawLongBits(lastPerformance), steps,
            (started ? 1 : 0) | (ended ? 2 : 0) | (lastTerminated ? 4 : 0) | (lastTruncated ? 8 : 0),
            Double.doubleToRawLongBits(lastReward), maxEpisodeSteps, dynamics.cells, spec.observationSize()};
    }

    @Override
    public void restoreState(long[] state) {
        Objects.requireNonNull(state, "state");
        if (state.length != STATE_LENGTH || state[0] != stateTag() || state[9] != maxEpisodeSteps
                || state[10] != dynamics.cells || state[11] != spec.observationSize()) {
            throw new IllegalArgumentException("saved state does not belong to " + id + " with this map, time limit "
                    + maxEpisodeSteps + " and observation (" + state.length + " values)");
        }
        if (state[1] < 0 || state[1] >= dynamics.cells || !dynamics.tiles[(int) state[1]].isFree()) {
            throw new IllegalArgumentException("saved state puts the agent on cell " + state[1] + ", not a free cell of "
                    + id);
        }
        cell = (int) state[1];
        mask = (int) state[2];
        extras = state[3];
        rng.setState(state[4]);
        lastPerformance = Double.longBitsToDouble(state[5]);
        steps = (int) state[6];
        started = (state[7] & 1) != 0;
        ended = (state[7] & 2) != 0;
        lastTerminated = (state[7] & 4) != 0;
        lastTruncated = (state[7] & 8) != 0;
        lastReward = Double.longBitsToDouble(state[8]);
    }

    private long stateTag() {
        return 0x4c47524944L ^ ((long) dynamics.height << 40) ^ ((long) dynamics.width << 20) ^ dynamics.map.text().hashCode();
    }

    /** One step on an extended map: sample one of the outcomes of the shared transition function. */
    private void stepExtended(int action) {
        Outcomes o = outcomes;
        dynamics.outcomes(cell, mask, extras, action, o);
        int i = o.count == 1 ? 0 : o.pick(rng.nextDouble());
        cell = o.cell[i];
        mask = o.mask[i];
        extras = o.extras[i];
        lastReward = o.reward[i];
        lastPerformance = o.performance[i];
        lastTerminated = dynamics.terminal(cell, extras);
    }

    private int startCell() {
        return dynamics.map.start().row() * dynamics.width + dynamics.map.start().col();
    }

    /**
     * A simulator of this world's rules for planners: it reads this environment's current state but never changes
     * it. Rewards and terminal states are the live ones; time limits are left to the planner.
     */
    public Simulator<GridState> simulator() {
        return new GridSimulator(this, dynamics);
    }
}
