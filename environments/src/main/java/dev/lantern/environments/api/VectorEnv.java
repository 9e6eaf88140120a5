package dev.lantern.environments.api;

import dev.lantern.environments.random.Rng;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * N copies of one environment stepped together, with automatic reset, and without allocating per step when every
 * copy offers {@link InPlaceStepping}.
 *
 * <p>Results live in the public arrays of this object, which every {@link #reset()} and {@link #step(int[])}
 * overwrites; copy what you keep. Row {@code i} of a {@code [size * obsSize]} array is the slice
 * {@code [i * obsSize, (i + 1) * obsSize)}.
 *
 * <p><b>Auto-reset.</b> A copy whose episode ends during {@link #step(int[])} ({@code terminated} or
 * {@code truncated}) is reset at once: its row of {@link #observations} then holds the FIRST observation of the new
 * episode, its row of {@link #finalObservations} the LAST observation of the episode that ended (what a learner needs
 * to bootstrap a truncated episode), and {@link #episodeReturn}, {@link #episodePerformance} and
 * {@link #episodeLength} hold the ended episode's totals. {@link #rewards}, {@link #performance},
 * {@link #terminated} and {@link #truncated} always describe the transition just taken.
 *
 * <p><b>Seeds.</b> Every reset of copy {@code i} takes that copy's next episode number {@code n} (0, 1, 2, ... over
 * the lifetime of this object, whether the reset came from {@link #reset()} or from auto-reset) and uses the seed
 * {@link #episodeSeed(long, int, long) episodeSeed(seed, i, n)}. Two vector environments built from equal copies
 * with the same seed and driven by the same calls produce the same arrays. {@link #reseed(long)} replaces the seed for
 * the episodes that start after it (a fork of a run); the seed is part of the saved state.
 *
 * <p>Not thread-safe: one thread owns a vector environment and its copies.
 */
public final class VectorEnv {


    private final Environment[] envs;
    private final InPlaceStepping[] fast;
    private final EnvSpec spec;
    private final int obsSize;
    private final int actionCount;
    private long seed;
    private final long[] nextEpisode;
    private final double[] runningReturn;
    private final double[] runningPerformance;
    private final int[] runningLength;
    private long episodesFinished;
    private boolean started;

    /** Current observation of every copy, {@code [size * obsSize]}; after an auto-reset, the new episode's first. */
    public final float[] observations;
    /** Reward of the transition just taken by each copy, {@code [size]}. */
    public final float[] rewards;
    /** Hidden performance increment of the transition just taken by each copy, {@code [size]}. */
    public final float[] performance;
    /** Whether each copy's transition just taken reached a terminal state, {@code [size]}. */
    public final boolean[] terminated;
    /** Whether each copy's transition just taken was cut by the time limit (and was not terminal), {@code [size]}. */
    public final boolean[] truncated;
    /**
     * {@code [size * obsSize]}: for copies whose episode ended in the last step, the last observation of that
     * episode; rows of the other copies are left untouched (they hold stale data).
     */
    public final float[] finalObservations;
    /** {@code [size]}: undiscounted return of the episode that ended in the last step; other entries untouched. */
    public final double[] episodeReturn;
    /** {@code [size]}: summed performance of the episode that ended in the last step; other entries untouched. */
    public final double[] episodePerformance;
    /** {@code [size]}: number of steps of the episode that ended in the last step; other entries untouched. */
    public final int[] episodeLength;

    /**
     * Creates a vector environment over the given copies. The copies are owned by it from now on.
     *
     * @param envs the copies: at least one, all distinct objects, all with equal {@link Environment#spec()}
     * @param seed the seed every episode seed is derived from
     * @throws IllegalArgumentException if the list is empty, holds one object twice, or the specs differ
     */
    public VectorEnv(List<? extends Environment> envs, long seed) {
        Objects.requireNonNull(envs, "envs");
        if (envs.isEmpty()) {
            throw new IllegalArgumentException("a VectorEnv needs at least one environment");
        }
        int n = envs.size();
        this.envs = new Environment[n];
        Map<Environment, Integer> seen = new IdentityHashMap<>();
        boolean allFast = true;
        EnvSpec first = Objects.requireNonNull(envs.get(0), "envs[0]").spec();
        for (int i = 0; i < n; i++) {
            Environment e = Objects.requireNonNull(envs.get(i), "envs[" + i + "]");
            Integer before = seen.put(e, i);
            if (before != null) {
                throw new IllegalArgumentException("envs[" + before + "] and envs[" + i + "] are the same object;"
                        + " every copy must be a distinct environment");
            }
            if (!e.spec().equals(first)) {
                throw new IllegalArgumentException("envs[" + i + "] has spec " + e.spec() + " but envs[0] has " + first);
            }
            this.envs[i] = e;
            allFast &= e instanceof InPlaceStepping;
        }
        if (allFast) {
            this.fast = new InPlaceStepping[n];
            for (int i = 0; i < n; i++) {
                fast[i] = (InPlaceStepping) this.envs[i];
            }
        } else {
            this.fast = null;
        }
        this.spec = first;
        this.obsSize = first.observationSize();
        this.actionCount = first.actionCount();
        this.seed = seed;
        this.nextEpisode = new long[n];
        this.runningReturn = new double[n];
        this.runningPerformance = new double[n];
        this.runningLength = new int[n];
        this.observations = new float[n * obsSize];
        this.finalObservations = new float[n * obsSize];
        this.rewards = new float[n];
        this.performance = new float[n];
        this.terminated = new boolean[n];
        this.truncated = new boolean[n];
        this.episodeReturn = new double[n];
        this.episodePerformance = new double[n];
        this.episodeLength = new int[n];
    }

    /** Number of copies. */
    public int size() {
        return envs.length;
    }

    /** The spec shared by every copy. */
    public EnvSpec spec() {
        return spec;
    }

    /** The seed episode seeds are derived from: the one given at construction, or to {@link #reseed(long)}. */
    public long seed() {
        return seed;
    }

    /**
     * Derives the seeds of the episodes that start from now on from {@code newSeed} instead (episode {@code n} of copy
     * {@code i} gets {@code episodeSeed(newSeed, i, n)}, the episode counters continuing); the episodes in progress
     * continue as they were.
     */
    public void reseed(long newSeed) {
        this.seed = newSeed;
    }

    /** Copy {@code index} itself (for rendering); stepping it directly breaks this vector environment's bookkeeping. */
    public Environment env(int index) {
        return envs[index];
    }

    /** Whether stepping takes the allocation-free path (every copy implements {@link InPlaceStepping}). */
    public boolean allocationFree() {
        return fast != null;
    }

    /** Number of episodes that ended (terminated or truncated) during {@link #step(int[])} so far. */
    public long episodesFinished() {
        return episodesFinished;
    }

    /**
     * Resets every copy, each with its next derived episode seed, and writes the first observations into
     * {@link #observations}. Clears {@link #rewards}, {@link #performance}, {@link #terminated} and
     * {@link #truncated}. Episodes abandoned by this call are not counted as finished.
     */
    public void reset() {
        for (int i = 0; i < envs.length; i++) {
            resetCopy(i);
        }
        Arrays.fill(rewards, 0f);
        Arrays.fill(performance, 0f);
        Arrays.fill(terminated, false);
        Arrays.fill(truncated, false);
        started = true;
    }

    /**
     * Steps every copy once with its action, auto-resetting the copies whose episode ended (see the class comment).
     *
     * @param actions {@code [size]}: the action of each copy, each in {@code [0, actionCount)}
     * @throws IllegalStateException if {@link #reset()} was never called
     * @throws IllegalArgumentException if {@code actions} has the wrong length or holds an illegal action; then no
     *                                  copy has been stepped
     */
    public void step(int[] actions) {
        if (!started) {
            throw new IllegalStateException("VectorEnv.step() called before reset()");
        }
        if (actions.length != envs.length) {
            throw new IllegalArgumentException("expected " + envs.length + " actions, got " + actions.length);
        }
        for (int i = 0; i < actions.length; i++) {
            int a = actions[i];
            if (a < 0 || a >= actionCount) {
                throw new IllegalArgumentException("actions[" + i + "] = " + a + " is not legal: legal actions are 0.."
                        + (actionCount - 1) + " " + spec.actionLabels());
            }
        }
        for (int i = 0; i < envs.length; i++) {
            double reward;
            double perf;
            boolean term;
            boolean trunc;
            if (fast != null) {
                InPlaceStepping e = fast[i];
                e.stepInPlace(actions[i]);
                reward = e.lastReward();
                perf = e.lastPerformance();
                term = e.lastTerminated();
                trunc = e.lastTruncated();
            } else {
                StepResult r = envs[i].step(actions[i]);
                reward = r.reward();
                perf = r.performance();
                term = r.terminated();
                trunc = r.truncated();
            }
            rewards[i] = (float) reward;
            performance[i] = (float) perf;
            terminated[i] = term;
            truncated[i] = trunc;
            runningReturn[i] += reward;
            runningPerformance[i] += perf;
            runningLength[i]++;
            if (term || trunc) {
                envs[i].observeInto(finalObservations, i * obsSize);
                episodeReturn[i] = runningReturn[i];
                episodePerformance[i] = runningPerformance[i];
                episodeLength[i] = runningLength[i];
                episodesFinished++;
                resetCopy(i);
            } else {
                envs[i].observeInto(observations, i * obsSize);
            }
        }
    }

    /**
     * Saves everything needed to continue exactly: each copy's state ({@link Restorable}), episode counters and the
     * running totals of the episodes in progress. A fresh array of longs (doubles as raw bits).
     *
     * @throws IllegalStateException if a copy is not {@link Restorable} or {@link #reset()} was never called
     */
    public long[] saveState() {
        if (!started) {
            throw new IllegalStateException("VectorEnv.saveState() called before reset()");
        }
        long[][] parts = new long[envs.length][];
        int total = 3;
        for (int i = 0; i < envs.length; i++) {
            if (!(envs[i] instanceof Restorable r)) {
                throw new IllegalStateException("environment " + spec.id() + " (" + envs[i].getClass().getSimpleName()
                        + ") cannot save its state: it is not Restorable");
            }
            parts[i] = r.saveState();
            total += 5 + parts[i].length;
        }
        long[] out = new long[total];
        int k = 0;
        out[k++] = envs.length;
        out[k++] = seed;
        out[k++] = episodesFinished;
        for (int i = 0; i < envs.length; i++) {
            out[k++] = nextEpisode[i];
            out[k++] = Double.doubleToRawLongBits(runningReturn[i]);
            out[k++] = Double.doubleToRawLongBits(runningPerformance[i]);
            out[k++] = runningLength[i];
            out[k++] = parts[i].length;
            System.arraycopy(parts[i], 0, out, k, parts[i].length);
            k += parts[i].length;
        }
        return out;
    }

    /**
     * Puts back a state from {@link #saveState()} of a vector environment with the same copies, its seed included
     * (which may differ from the one given at construction after a {@link #reseed(long)}), and rewrites {@link #observations} from the restored copies. Per-step outputs ({@link #rewards}, ...) are cleared.
     *
     * @throws IllegalArgumentException if the state does not fit this vector environment; then nothing changed
     *                                  unless a copy itself rejected its part
     */
    public void restoreState(long[] state) {
        if (state.length < 3 || state[0] != envs.length) {
            throw new IllegalArgumentException("saved vector state is for " + (state.length < 1 ? "?" : state[0])
                    + " copies, this one has " + envs.length + " copies");
        }
        int k = 3;
        for (int i = 0; i < envs.length; i++) {
            if (k + 5 > state.length || k + 5 + state[k + 4] > state.length || state[k + 4] < 0) {
                throw new IllegalArgumentException("saved vector state is truncated at copy " + i);
            }
            k += 5 + (int) state[k + 4];
        }
        if (k != state.length) {
            throw new IllegalArgumentException("saved vector state has " + (state.length - k) + " values too many");
        }
        k = 3;
        seed = state[1];
        episodesFinished = state[2];
        for (int i = 0; i < envs.length; i++) {
            if (!(envs[i] instanceof Restorable r)) {
                throw new IllegalStateException("environment " + spec.id() + " cannot restore its state: it is not Restorable");
            }
            nextEpisode[i] = state[k++];
            runningReturn[i] = Double.longBitsToDouble(state[k++]);
            runningPerformance[i] = Double.longBitsToDouble(state[k++]);
            runningLength[i] = (int) state[k++];
            int n = (int) state[k++];
            r.restoreState(Arrays.copyOfRange(state, k, k + n));
            k += n;
            envs[i].observeInto(observations, i * obsSize);
        }
        Arrays.fill(rewards, 0f);
        Arrays.fill(performance, 0f);
        Arrays.fill(terminated, false);
        Arrays.fill(truncated, false);
        started = true;
    }

    private void resetCopy(int i) {
        long s = episodeSeed(seed, i, nextEpisode[i]++);
        if (fast != null) {
            fast[i].resetInPlace(s);
        } else {
            envs[i].reset(s);
        }
        envs[i].observeInto(observations, i * obsSize);
        runningReturn[i] = 0;
        runningPerformance[i] = 0;
        runningLength[i] = 0;
    }

    /**
     * The seed of episode {@code episode} of copy {@code index}: {@code mix(mix(seed + G * (index + 1)) + G * (episode + 1))}
     * where {@code G = 0x9e3779b97f4a7c15} and {@code mix} is the SplitMix64 finalizer. Distinct (index, episode)
     * pairs give unrelated seeds.
     *
     * @param seed    the vector environment's seed
     * @param index   the copy, 0-based
     * @param episode the copy's episode number, 0-based
     */
    public static long episodeSeed(long seed, int index, long episode) {
        return Rng.nthLong(Rng.nthLong(seed, index + 1L), episode + 1L);
    }
}
