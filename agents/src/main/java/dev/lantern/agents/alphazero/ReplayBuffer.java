package dev.lantern.agents.alphazero;

import dev.lantern.agents.run.state.StateReader;
import dev.lantern.agents.run.state.StateWriter;
import dev.lantern.environments.random.Rng;

/**
 * A ring buffer of self-play positions: the mover's observation {@code [inputSize]}, the search's visit distribution
 * {@code [actions]}, the legality mask {@code [actions]} and the outcome z for the mover. When full, each new
 * position overwrites the oldest. Sampling is uniform with replacement; with mirroring on, each sample is reflected
 * left-right with probability 1/2 (observation columns {@code c -> cols - 1 - c}; actions mapped by the game's
 * layout, see {@link #mirrorMap}).
 */
final class ReplayBuffer {

    private final int capacity;
    private final int inputSize;
    private final int actions;
    private final int rows;
    private final int cols;
    private final int[] mirrorActions;
    private final float[] obs;
    private final float[] policy;
    private final boolean[] legal;
    private final float[] outcome;
    private int size;
    private int next;
    private long added;

    /**
     * @param shape        the observation shape {@code [planes, rows, cols]}
     * @param mirrorActions the action permutation of the mirror image, or null when mirroring is off
     */
    ReplayBuffer(int capacity, int[] shape, int actions, int[] mirrorActions) {
        this.capacity = capacity;
        this.inputSize = shape[0] * shape[1] * shape[2];
        this.rows = shape[1];
        this.cols = shape[2];
        this.actions = actions;
        this.mirrorActions = mirrorActions;
        this.obs = new float[capacity * inputSize];
        this.policy = new float[capacity * actions];
        this.legal = new boolean[capacity * actions];
        this.outcome = new float[capacity];
    }

    /**
     * The mirror permutation of the actions of a game with a {@code [planes, rows, cols]} board: cells
     * ({@code actions == rows * cols}, action {@code r * cols + c}) or columns ({@code actions == cols}).
     *
     * @throws IllegalArgumentException for any other action layout
     */
    static int[] mirrorMap(int[] shape, int actions) {
        int rows = shape[1];
        int cols = shape[2];
        int[] map = new int[actions];
        if (actions == rows * cols) {
            for (int a = 0; a < actions; a++) {
                map[a] = (a / cols) * cols + (cols - 1 - a % cols);
            }
        } else if (actions == cols) {
            for (int a = 0; a < actions; a++) {
                map[a] = cols - 1 - a;
            }
        } else {
            throw new IllegalArgumentException("mirrorAugment needs actions that are cells or columns; the game has "
                    + actions + " actions on a " + rows + " x " + cols + " board");
        }
        return map;
    }

    int size() {
        return size;
    }

    long added() {
        return added;
    }

    /** Adds one position (copied). */
    void add(float[] o, int oOffset, double[] pi, boolean[] mask, double z) {
        System.arraycopy(o, oOffset, obs, next * inputSize, inputSize);
        for (int a = 0; a < actions; a++) {
            policy[next * actions + a] = (float) pi[a];
            legal[next * actions + a] = mask[a];
        }
        outcome[next] = (float) z;
        next = (next + 1) % capacity;
        size = Math.min(size + 1, capacity);
        added++;
    }

    /** Fills the minibatch arrays with {@code batch} positions drawn from {@code rng}. */
    void sample(Rng rng, int batch, float[] bObs, float[] bPolicy, boolean[] bLegal, float[] bOutcome) {
        int planeSize = rows * cols;
        for (int b = 0; b < batch; b++) {
            int i = rng.nextInt(size);
            boolean mirror = mirrorActions != null && rng.nextInt(2) == 1;
            if (!mirror) {
                System.arraycopy(obs, i * inputSize, bObs, b * inputSize, inputSize);
                System.arraycopy(policy, i * actions, bPolicy, b * actions, actions);
                System.arraycopy(legal, i * actions, bLegal, b * actions, actions);
            } else {
                for (int k = 0; k < inputSize; k++) {
                    int plane = k / planeSize;
                    int r = (k % planeSize) / cols;
                    int c = k % cols;
                    bObs[b * inputSize + plane * planeSize + r * cols + (cols - 1 - c)] = obs[i * inputSize + k];
                }
                for (int a = 0; a < actions; a++) {
                    bPolicy[b * actions + mirrorActions[a]] = policy[i * actions + a];
                    bLegal[b * actions + mirrorActions[a]] = legal[i * actions + a];
                }
            }
            bOutcome[b] = outcome[i];
        }
    }

    void save(StateWriter out) {
        out.section("replay");
        out.writeInt(capacity);
        out.writeInts(new int[] {size, next});
        out.writeLong(added);
        out.writeFloats(java.util.Arrays.copyOf(obs, size * inputSize));
        out.writeFloats(java.util.Arrays.copyOf(policy, size * actions));
        out.writeBooleans(java.util.Arrays.copyOf(legal, size * actions));
        out.writeFloats(java.util.Arrays.copyOf(outcome, size));
    }

    void restore(StateReader in) {
        in.section("replay");
        in.expectInt(capacity, "the replay capacity");
        int[] sn = in.readInts(2, "replay size and position");
        if (sn[0] < 0 || sn[0] > capacity || sn[1] < 0 || sn[1] >= capacity) {
            throw in.fail("replay size " + sn[0] + " / position " + sn[1] + " outside capacity " + capacity);
        }
        long total = in.readLong();
        float[] o = in.readFloats(sn[0] * inputSize, "replay observations");
        float[] p = in.readFloats(sn[0] * actions, "replay policies");
        boolean[] l = in.readBooleans();
        if (l.length != sn[0] * actions) {
            throw in.fail("replay legality masks: expected " + sn[0] * actions + " values, found " + l.length);
        }
        float[] z = in.readFloats(sn[0], "replay outcomes");
        java.util.Arrays.fill(obs, 0f);
        java.util.Arrays.fill(policy, 0f);
        java.util.Arrays.fill(legal, false);
        java.util.Arrays.fill(outcome, 0f);
        System.arraycopy(o, 0, obs, 0, o.length);
        System.arraycopy(p, 0, policy, 0, p.length);
        System.arraycopy(l, 0, legal, 0, l.length);
        System.arraycopy(z, 0, outcome, 0, z.length);
        size = sn[0];
        next = sn[1];
        added = total;
    }
}
