package dev.lantern.agents.dqn;

import dev.lantern.agents.run.state.StateReader;
import dev.lantern.agents.run.state.StateWriter;
import dev.lantern.environments.api.VectorEnv;

/**
 * Turns the steps of a {@link VectorEnv} into n-step transitions (Sutton 1988; Hessel et al. 2018), one window of
 * pending steps per environment copy.
 *
 * <p>After each vector step, copy {@code e}'s step {@code (s_t, a_t, r_t)} joins its window. Then:
 * <ul>
 *   <li><b>terminated</b>: every pending step {@code t'} of the window is emitted with
 *       {@code R = Σ_{j=t'}^{t} γ^{j−t'} r_j} and discount 0 (no bootstrap past a terminal state); the window empties;</li>
 *   <li><b>truncated</b> (the time limit, not a terminal state): every pending step is emitted with the same partial
 *       return and discount {@code γ^k}, {@code k = t − t' + 1}, bootstrapping from the episode's final observation
 *       ({@link VectorEnv#finalObservations}); the window empties;</li>
 *   <li>otherwise, once the window holds n steps, its oldest is emitted with the n-step return, discount {@code γ^n} and
 *       next observation {@code s_{t+1}}.</li>
 * </ul>
 * Emission order: copies in index order; within a copy, oldest step first.
 */
public final class NStepAssembler {

    private final int copies;
    private final int obsSize;
    private final int n;
    private final double gamma;
    private final float[][] windowObs;
    private final int[][] windowActions;
    private final double[][] windowRewards;
    private final int[] start;
    private final int[] count;

    /**
     * @param copies  environment copies
     * @param obsSize floats per observation
     * @param n       steps per return, {@code >= 1}
     * @param gamma   discount
     */
    public NStepAssembler(int copies, int obsSize, int n, double gamma) {
        if (copies <= 0 || obsSize <= 0 || n <= 0) {
            throw new IllegalArgumentException("copies, obsSize and n must be > 0, got " + copies + ", " + obsSize + ", " + n);
        }
        this.copies = copies;
        this.obsSize = obsSize;
        this.n = n;
        this.gamma = gamma;
        this.windowObs = new float[copies][n * obsSize];
        this.windowActions = new int[copies][n];
        this.windowRewards = new double[copies][n];
        this.start = new int[copies];
        this.count = new int[copies];
    }

    /** Steps pending in copy {@code e}'s window. */
    public int pending(int e) {
        return count[e];
    }

    /**
     * Records the vector step just taken and emits the transitions it completes.
     *
     * @param obsBefore {@code [copies * obsSize]} the observations the actions were taken in
     * @param actions   {@code [copies]} the actions
     * @param envs      the vector environment right after {@code step(actions)}
     * @param sink      receives the completed transitions
     */
    public void record(float[] obsBefore, int[] actions, VectorEnv envs, TransitionSink sink) {
        for (int e = 0; e < copies; e++) {
            int slot = (start[e] + count[e]) % n;
            System.arraycopy(obsBefore, e * obsSize, windowObs[e], slot * obsSize, obsSize);
            windowActions[e][slot] = actions[e];
            windowRewards[e][slot] = envs.rewards[e];
            count[e]++;
            if (envs.terminated[e]) {
                flush(e, false, envs.finalObservations, sink);
            } else if (envs.truncated[e]) {
                flush(e, true, envs.finalObservations, sink);
            } else if (count[e] == n) {
                emitOldest(e, count[e], true, envs.observations, sink);
            }
        }
    }

    private void flush(int e, boolean bootstrap, float[] last, TransitionSink sink) {
        while (count[e] > 0) {
            emitOldest(e, count[e], bootstrap, last, sink);
        }
    }

    /** Emits the oldest pending step of copy e with a return over the {@code k} pending steps, then drops it. */
    private void emitOldest(int e, int k, boolean bootstrap, float[] nextRows, TransitionSink sink) {
        double ret = 0;
        double discount = 1;
        for (int j = 0; j < k; j++) {
            ret += discount * windowRewards[e][(start[e] + j) % n];
            discount *= gamma;
        }
        int s = start[e];
        sink.add(windowObs[e], s * obsSize, windowActions[e][s], ret, bootstrap ? discount : 0.0, nextRows, e * obsSize);
        start[e] = (s + 1) % n;
        count[e]--;
    }

    /** Writes every window (observations, actions, rewards, start, count). */
    public void save(StateWriter out) {
        out.section("nstep");
        out.writeInt(copies);
        out.writeInt(n);
        out.writeInt(obsSize);
        out.writeInts(start);
        out.writeInts(count);
        for (int e = 0; e < copies; e++) {
            out.writeFloats(windowObs[e]);
            out.writeInts(windowActions[e]);
            out.writeDoubles(windowRewards[e]);
        }
    }

    /** Reads back what {@link #save} wrote, into an assembler of the same shape. */
    public void restore(StateReader in) {
        in.section("nstep");
        in.expectInt(copies, "the number of environment copies");
        in.expectInt(n, "nStep");
        in.expectInt(obsSize, "the observation size");
        int[] s = in.readInts(copies, "the window starts");
        int[] c = in.readInts(copies, "the window counts");
        for (int e = 0; e < copies; e++) {
            if (s[e] < 0 || s[e] >= n || c[e] < 0 || c[e] >= n) {
                throw in.fail("window " + e + " has start " + s[e] + " and count " + c[e] + " for n = " + n);
            }
        }
        float[][] o = new float[copies][];
        int[][] a = new int[copies][];
        double[][] r = new double[copies][];
        for (int e = 0; e < copies; e++) {
            o[e] = in.readFloats(n * obsSize, "window " + e + " observations");
            a[e] = in.readInts(n, "window " + e + " actions");
            r[e] = in.readDoubles(n, "window " + e + " rewards");
        }
        for (int e = 0; e < copies; e++) {
            System.arraycopy(o[e], 0, windowObs[e], 0, o[e].length);
            System.arraycopy(a[e], 0, windowActions[e], 0, n);
            System.arraycopy(r[e], 0, windowRewards[e], 0, n);
        }
        System.arraycopy(s, 0, start, 0, copies);
        System.arraycopy(c, 0, count, 0, copies);
    }
}
