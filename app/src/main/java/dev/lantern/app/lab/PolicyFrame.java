package dev.lantern.app.lab;

import java.util.Arrays;
import java.util.List;

/**
 * The network's policy and value over every state the lab draws, evaluated on one snapshot of the network: one
 * immutable picture, made on the training thread and handed to the FX thread.
 *
 * <p>A frame covers one or more keys masks (0 = no key held; on maps with keys also the mask with every key held).
 * For each mask it covers the non-terminal free cells whose state value iteration can reach; goal and lava cells and
 * unreachable states are absent ({@link #has} false, NaN values). Cells are addressed by (row, col); actions by their
 * {@link dev.lantern.environments.grid.GridWorld} index (0 up, 1 down, 2 right, 3 left).
 */
public final class PolicyFrame {

    private final long sequence;
    private final long updates;
    private final long envSteps;
    private final int height;
    private final int width;
    private final int actionCount;
    private final int[] masks;
    private final double[][] probabilities; // [mask index][cell * actionCount + a]
    private final double[][] values; // [mask index][cell]
    private final double[][] qValues; // [mask index][cell * actionCount + a], or null

    /**
     * Takes ownership of the arrays (the caller must not keep them).
     *
     * @param probabilities per mask, {@code [height * width * actionCount]}, NaN where absent
     * @param values        per mask, {@code [height * width]}, NaN where absent
     */
    PolicyFrame(long sequence, long updates, long envSteps, int height, int width, int actionCount, int[] masks,
            double[][] probabilities, double[][] values) {
        this(sequence, updates, envSteps, height, width, actionCount, masks, probabilities, values, null);
    }

    /**
     * As above, with the action values of a Q-learner.
     *
     * @param qValues per mask, {@code [height * width * actionCount]}, NaN where absent; null for learners without
     */
    PolicyFrame(long sequence, long updates, long envSteps, int height, int width, int actionCount, int[] masks,
            double[][] probabilities, double[][] values, double[][] qValues) {
        if (masks.length == 0 || masks.length != probabilities.length || masks.length != values.length) {
            throw new IllegalArgumentException("need one probability and one value array per mask, got "
                    + masks.length + " masks, " + probabilities.length + " and " + values.length);
        }
        this.sequence = sequence;
        this.updates = updates;
        this.envSteps = envSteps;
        this.height = height;
        this.width = width;
        this.actionCount = actionCount;
        this.masks = masks.clone();
        this.probabilities = probabilities;
        this.values = values;
        this.qValues = qValues;
    }

    /** Whether the frame carries action values (the learner is a Q-learner such as DQN). */
    public boolean hasActionValues() {
        return qValues != null;
    }

    /** Q(s, action) of the state, NaN if the frame lacks it or carries no action values. */
    public double actionValue(int row, int col, int keysMask, int action) {
        if (action < 0 || action >= actionCount) {
            throw new IllegalArgumentException("action " + action + " is not in 0.." + (actionCount - 1));
        }
        int m = maskIndex(keysMask);
        return qValues == null || m < 0 || !inside(row, col) ? Double.NaN
                : qValues[m][(row * width + col) * actionCount + action];
    }

    /** Counts frames of one run: 0, 1, 2, ... in the order they were made. */
    public long sequence() {
        return sequence;
    }

    /** Optimizer steps applied when the snapshot was taken. */
    public long updates() {
        return updates;
    }

    /** Environment steps collected when the snapshot was taken. */
    public long envSteps() {
        return envSteps;
    }

    /** Rows of the grid. */
    public int height() {
        return height;
    }

    /** Columns of the grid. */
    public int width() {
        return width;
    }

    /** Number of actions (4). */
    public int actionCount() {
        return actionCount;
    }

    /** The keys masks covered, ascending (always includes 0). */
    public List<Integer> keysMasks() {
        return Arrays.stream(masks).boxed().toList();
    }

    /** Whether the frame has the state (row, col, keysMask). */
    public boolean has(int row, int col, int keysMask) {
        int m = maskIndex(keysMask);
        return m >= 0 && inside(row, col) && !Double.isNaN(values[m][row * width + col]);
    }

    /** The network's value V(s) of the state, NaN if the frame lacks it. */
    public double value(int row, int col, int keysMask) {
        int m = maskIndex(keysMask);
        return m < 0 || !inside(row, col) ? Double.NaN : values[m][row * width + col];
    }

    /** The policy's probability of {@code action} in the state, NaN if the frame lacks it. */
    public double probability(int row, int col, int keysMask, int action) {
        if (action < 0 || action >= actionCount) {
            throw new IllegalArgumentException("action " + action + " is not in 0.." + (actionCount - 1));
        }
        int m = maskIndex(keysMask);
        return m < 0 || !inside(row, col) ? Double.NaN
                : probabilities[m][(row * width + col) * actionCount + action];
    }

    /** The most probable action in the state (lowest index on ties), or -1 if the frame lacks it. */
    public int greedyAction(int row, int col, int keysMask) {
        if (!has(row, col, keysMask)) {
            return -1;
        }
        int best = 0;
        for (int a = 1; a < actionCount; a++) {
            if (probability(row, col, keysMask, a) > probability(row, col, keysMask, best)) {
                best = a;
            }
        }
        return best;
    }

    /** Every value of one mask, {@code [height * width]} row-major, NaN where absent (a copy). */
    public double[] valueMap(int keysMask) {
        int m = maskIndex(keysMask);
        if (m < 0) {
            double[] none = new double[height * width];
            Arrays.fill(none, Double.NaN);
            return none;
        }
        return values[m].clone();
    }

    /** The mask the frame would show for an agent holding {@code keysMask}: that mask if covered, else the fullest. */
    public int displayMask(int keysMask) {
        if (maskIndex(keysMask) >= 0) {
            return keysMask;
        }
        return keysMask == 0 ? masks[0] : masks[masks.length - 1];
    }

    private boolean inside(int row, int col) {
        return row >= 0 && row < height && col >= 0 && col < width;
    }

    private int maskIndex(int keysMask) {
        for (int i = 0; i < masks.length; i++) {
            if (masks[i] == keysMask) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public String toString() {
        return "PolicyFrame[#" + sequence + ", updates=" + updates + ", envSteps=" + envSteps + ", " + height + "x"
                + width + ", masks=" + Arrays.toString(masks) + "]";
    }
}
