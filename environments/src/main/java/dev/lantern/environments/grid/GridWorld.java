package dev.lantern.environments.grid;

import dev.lantern.environments.api.EnvSpec;
import dev.lantern.environments.api.InPlaceStepping;
import dev.lantern.environments.api.Simulator;
import dev.lantern.environments.api.StepResult;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * A deterministic grid world played on a {@link GridMap}: reach the goal, avoid lava, pick up a key to pass doors.
 *
 * <p><b>Actions</b> (4): {@value #ACTION_UP} up, {@value #ACTION_DOWN} down, {@value #ACTION_RIGHT} right,
 * {@value #ACTION_LEFT} left. Moving into a wall, into a door while holding no key, or off the grid leaves the agent
 * in place (a bump; it still costs a step).
 *
 * <p><b>Observation</b>: one-hot planes, shape {@code [7, height, width]}, row-major, flat index
 * {@code channel * height * width + row * width + col}. Channels: {@value #CHANNEL_WALL} wall,
 * {@value #CHANNEL_AGENT} agent, {@value #CHANNEL_GOAL} goal, {@value #CHANNEL_LAVA} lava, {@value #CHANNEL_KEY} key
 * not yet picked up, {@value #CHANNEL_DOOR} door, {@value #CHANNEL_HOLDING_KEY} holding a key (the whole plane is 1
 * while the agent holds at least one key). Floor and start are all zeros.
 *
 * <p><b>Rewards</b>: every step costs {@value #STEP_REWARD}; entering the goal adds {@value #GOAL_REWARD} (so that step
 * gives +0.99), entering lava adds {@value #LAVA_REWARD} (-1.01). {@code performance} equals the reward.
 *
 * <p><b>Termination</b>: entering a goal or lava cell ({@code terminated}). <b>Truncation</b>: the step whose count
 * reaches {@code maxEpisodeSteps} is {@code truncated}, unless it is also terminal (then only {@code terminated}).
 *
 * <p>Keys: stepping on a key picks it up (the cell becomes floor); a door is passable while the agent holds at least
 * one key; keys are never used up and doors never change. {@link #reset(long)} puts the agent on the start with no
 * keys; the maps are deterministic, so the seed is accepted and ignored.
 *
 * <p>{@link #stepInPlace(int)}, {@link #resetInPlace(long)} and {@link #observeInto(float[], int)} do not allocate.
 * Not thread-safe.
 */
public final class GridWorld implements InPlaceStepping {

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

    /** Observation channel: walls. */
    public static final int CHANNEL_WALL = 0;
    /** Observation channel: the agent. */
    public static final int CHANNEL_AGENT = 1;
    /** Observation channel: goals. */
    public static final int CHANNEL_GOAL = 2;
    /** Observation channel: lava. */
    public static final int CHANNEL_LAVA = 3;
    /** Observation channel: keys not yet picked up. */
    public static final int CHANNEL_KEY = 4;
    /** Observation channel: doors. */
    public static final int CHANNEL_DOOR = 5;
    /** Observation channel: the whole plane is 1 while the agent holds at least one key. */
    public static final int CHANNEL_HOLDING_KEY = 6;
    /** Number of observation channels. */
    public static final int CHANNEL_COUNT = 7;

    /** Reward of every step. */
    public static final double STEP_REWARD = -0.01;
    /** Reward added for entering a goal cell. */
    public static final double GOAL_REWARD = 1.0;
    /** Reward added for entering a lava cell. */
    public static final double LAVA_REWARD = -1.0;
    /** The time limit used when none is given. */
    public static final int DEFAULT_MAX_EPISODE_STEPS = 200;

    private final String id;
    private final GridDynamics dynamics;
    private final EnvSpec spec;
    private final int maxEpisodeSteps;
    private final List<Cell> freeCells;

    private int cell;
    private int mask;
    private int steps;
    private boolean started;
    private boolean ended;
    private double lastReward;
    private boolean lastTerminated;
    private boolean lastTruncated;

    /**
     * Creates a world on {@code map} with the default time limit of {@value #DEFAULT_MAX_EPISODE_STEPS} steps.
     *
     * @param id the environment id reported by {@link #spec()}, e.g. {@code grid/four-rooms-v1}
     */
    public GridWorld(String id, GridMap map) {
        this(id, map, DEFAULT_MAX_EPISODE_STEPS);
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
        this(id, new GridDynamics(Objects.requireNonNull(map, "map")), maxEpisodeSteps, null);
    }

    private GridWorld(String id, GridDynamics dynamics, int maxEpisodeSteps, List<Cell> freeCells) {
        this.id = Objects.requireNonNull(id, "id");
        this.dynamics = dynamics;
        this.maxEpisodeSteps = maxEpisodeSteps;
        this.spec = new EnvSpec(id, new int[] {CHANNEL_COUNT, dynamics.height, dynamics.width}, ACTION_LABELS,
                maxEpisodeSteps);
        if (freeCells == null) {
            List<Cell> free = new ArrayList<>();
            for (int i = 0; i < dynamics.cells; i++) {
                if (dynamics.tiles[i].isFree()) {
                    free.add(new Cell(i / dynamics.width, i % dynamics.width));
                }
            }
            freeCells = Collections.unmodifiableList(free);
        }
        this.freeCells = freeCells;
        this.cell = startCell();
    }

    @Override
    public EnvSpec spec() {
        return spec;
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
        return new GridState(cell / dynamics.width, cell % dynamics.width, mask);
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
        return freeCells;
    }

    /**
     * Writes the observation an agent WOULD see in state {@code s} into {@code buffer} at {@code offset}:
     * exactly {@code spec().observationSize()} floats, the same as {@link #observeInto} writes in that state.
     *
     * @throws IllegalArgumentException if {@code s} is off the grid, on a wall, or names keys the map lacks
     */
    public void encode(GridState s, float[] buffer, int offset) {
        dynamics.encode(checkedCell(s), s.keysMask(), buffer, offset);
    }

    /** An independent copy with the same map, time limit, state, step count and last outcome, for planners. */
    public GridWorld copy() {
        GridWorld c = new GridWorld(id, dynamics, maxEpisodeSteps, freeCells);
        c.cell = cell;
        c.mask = mask;
        c.steps = steps;
        c.started = started;
        c.ended = ended;
        c.lastReward = lastReward;
        c.lastTerminated = lastTerminated;
        c.lastTruncated = lastTruncated;
        return c;
    }

    /** {@inheritDoc} The seed is accepted and ignored: grid worlds are deterministic. */
    @Override
    public float[] reset(long seed) {
        resetInPlace(seed);
        float[] obs = new float[dynamics.observationSize];
        observeInto(obs, 0);
        return obs;
    }

    /** {@inheritDoc} The seed is accepted and ignored: grid worlds are deterministic. */
    @Override
    public void resetInPlace(long seed) {
        cell = startCell();
        mask = 0;
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
        float[] obs = new float[dynamics.observationSize];
        observeInto(obs, 0);
        return new StepResult(obs, lastReward, lastReward, lastTerminated, lastTruncated);
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
        int next = d.next(cell, mask, action);
        cell = next;
        mask = d.maskAfter(next, mask);
        steps++;
        lastReward = d.reward(next);
        lastTerminated = d.terminal(next);
        lastTruncated = !lastTerminated && steps >= maxEpisodeSteps;
        ended = lastTerminated || lastTruncated;
    }

    @Override
    public double lastReward() {
        return lastReward;
    }

    /** {@inheritDoc} Equal to {@link #lastReward()}: a grid world has no hidden objective. */
    @Override
    public double lastPerformance() {
        return lastReward;
    }

    @Override
    public boolean lastTerminated() {
        return lastTerminated;
    }

    @Override
    public boolean lastTruncated() {
        return lastTruncated;
    }

    /** {@inheritDoc} Copies the static planes from a precomputed template, then sets the agent and key bits. */
    @Override
    public void observeInto(float[] buffer, int offset) {
        dynamics.encode(cell, mask, buffer, offset);
    }

    /**
     * The map with {@code A} at the agent, {@code S} at the start when the agent is elsewhere, picked keys drawn as
     * {@code .}, one line per row, each ending in {@code \n}.
     */
    @Override
    public String render() {
        return dynamics.render(cell, mask);
    }

    @Override
    public String toString() {
        return "GridWorld[" + id + ", " + state() + ", step " + steps + "/" + maxEpisodeSteps + "]";
    }

    GridDynamics dynamics() {
        return dynamics;
    }

    private int startCell() {
        return dynamics.map.start().row() * dynamics.width + dynamics.map.start().col();
    }

    /** The flat cell index of a state, checked against the map. */
    int cellOf(GridState s) {
        return checkedCell(s);
    }

    /**
     * A simulator of this world's rules for planners: it reads this environment's current state but never changes
     * it. Rewards and terminal states are the live ones; time limits are left to the planner.
     */
    public Simulator<GridState> simulator() {
        return new GridSimulator(this, dynamics);
    }

    private int checkedCell(GridState s) {
        Objects.requireNonNull(s, "state");
        if (!dynamics.map.contains(s.row(), s.col())) {
            throw new IllegalArgumentException("state " + s + " is off the " + dynamics.height + "x" + dynamics.width
                    + " grid");
        }
        int c = s.row() * dynamics.width + s.col();
        if (!dynamics.tiles[c].isFree()) {
            throw new IllegalArgumentException("state " + s + " is on a wall");
        }
        if ((s.keysMask() & ~dynamics.fullMask) != 0) {
            throw new IllegalArgumentException("state " + s + " names keys the map lacks (it has "
                    + dynamics.keyCell.length + " keys)");
        }
        return c;
    }
}
