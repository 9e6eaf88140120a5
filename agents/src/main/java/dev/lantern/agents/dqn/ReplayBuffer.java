package dev.lantern.agents.dqn;

import dev.lantern.agents.run.state.StateReader;
import dev.lantern.agents.run.state.StateWriter;
import dev.lantern.environments.random.Rng;

/**
 * A ring buffer of n-step transitions {@code (s, a, R, d, s')} with uniform sampling (Lin 1992; Mnih et al. 2015).
 * Once full, each new transition overwrites the oldest. Observations are stored as floats, {@code [capacity, obsSize]}
 * row-major, so memory is {@code 2 · capacity · obsSize · 4} bytes plus 20 bytes a slot.
 */
public final class ReplayBuffer implements TransitionSink {

    private final int capacity;
    private final int obsSize;
    private final float[] obs;
    private final float[] next;
    private final int[] actions;
    private final double[] returns;
    private final double[] discounts;
    private int position;
    private int size;

    /**
     * @param capacity transitions kept, {@code > 0}
     * @param obsSize  floats per observation
     */
    public ReplayBuffer(int capacity, int obsSize) {
        if (capacity <= 0 || obsSize <= 0) {
            throw new IllegalArgumentException("capacity and obsSize must be > 0, got " + capacity + ", " + obsSize);
        }
        this.capacity = capacity;
        this.obsSize = obsSize;
        this.obs = new float[capacity * obsSize];
        this.next = new float[capacity * obsSize];
        this.actions = new int[capacity];
        this.returns = new double[capacity];
        this.discounts = new double[capacity];
    }

    /** Maximum number of transitions. */
    public int capacity() {
        return capacity;
    }

    /** Transitions stored, at most {@link #capacity()}. */
    public int size() {
        return size;
    }

    /** The slot the next transition goes to. */
    public int position() {
        return position;
    }

    /** Floats per observation. */
    public int obsSize() {
        return obsSize;
    }

    @Override
    public void add(float[] o, int obsOffset, int action, double nStepReturn, double discount, float[] n, int nextOffset) {
        insert(o, obsOffset, action, nStepReturn, discount, n, nextOffset);
    }

    /** Like {@link #add} and returns the slot written. */
    public int insert(float[] o, int obsOffset, int action, double nStepReturn, double discount, float[] n,
            int nextOffset) {
        int slot = position;
        System.arraycopy(o, obsOffset, obs, slot * obsSize, obsSize);
        System.arraycopy(n, nextOffset, next, slot * obsSize, obsSize);
        actions[slot] = action;
        returns[slot] = nStepReturn;
        discounts[slot] = discount;
        position = (position + 1) % capacity;
        size = Math.min(size + 1, capacity);
        return slot;
    }

    /** Fills {@code out} with slots drawn uniformly (with replacement) from the stored transitions. */
    public void sampleUniform(Rng rng, int[] out) {
        if (size == 0) {
            throw new IllegalStateException("cannot sample from an empty replay buffer");
        }
        for (int i = 0; i < out.length; i++) {
            out[i] = rng.nextInt(size);
        }
    }

    /**
     * Copies the transitions in {@code slots} into the arrays given (any of them may be null to skip it).
     *
     * @param obsOut  {@code [B * obsSize]}
     * @param actOut  {@code [B]}
     * @param retOut  {@code [B]}
     * @param discOut {@code [B]}
     * @param nextOut {@code [B * obsSize]}
     */
    public void gather(int[] slots, float[] obsOut, int[] actOut, double[] retOut, double[] discOut, float[] nextOut) {
        for (int k = 0; k < slots.length; k++) {
            int s = slots[k];
            if (s < 0 || s >= size) {
                throw new IllegalArgumentException("slot " + s + " is not in [0, " + size + ")");
            }
            if (obsOut != null) {
                System.arraycopy(obs, s * obsSize, obsOut, k * obsSize, obsSize);
            }
            if (nextOut != null) {
                System.arraycopy(next, s * obsSize, nextOut, k * obsSize, obsSize);
            }
            if (actOut != null) {
                actOut[k] = actions[s];
            }
            if (retOut != null) {
                retOut[k] = returns[s];
            }
            if (discOut != null) {
                discOut[k] = discounts[s];
            }
        }
    }

    /** Writes the stored transitions, the write position and the size (only the {@code size} filled slots). */
    public void save(StateWriter out) {
        out.section("replay");
        out.writeInt(capacity);
        out.writeInt(obsSize);
        out.writeInt(position);
        out.writeInt(size);
        out.writeFloats(java.util.Arrays.copyOf(obs, size * obsSize));
        out.writeFloats(java.util.Arrays.copyOf(next, size * obsSize));
        out.writeInts(java.util.Arrays.copyOf(actions, size));
        out.writeDoubles(java.util.Arrays.copyOf(returns, size));
        out.writeDoubles(java.util.Arrays.copyOf(discounts, size));
    }

    /** Reads back what {@link #save} wrote, into a buffer of the same capacity and observation size. */
    public void restore(StateReader in) {
        in.section("replay");
        in.expectInt(capacity, "the replay capacity");
        in.expectInt(obsSize, "the observation size");
        int pos = in.readInt();
        int n = in.readInt();
        if (n < 0 || n > capacity || pos < 0 || pos >= capacity || (n < capacity && pos != n)) {
            throw in.fail("inconsistent replay position " + pos + " and size " + n + " for capacity " + capacity);
        }
        float[] o = in.readFloats(n * obsSize, "the replay observations");
        float[] nx = in.readFloats(n * obsSize, "the replay next observations");
        int[] a = in.readInts(n, "the replay actions");
        double[] r = in.readDoubles(n, "the replay returns");
        double[] d = in.readDoubles(n, "the replay discounts");
        System.arraycopy(o, 0, obs, 0, o.length);
        System.arraycopy(nx, 0, next, 0, nx.length);
        System.arraycopy(a, 0, actions, 0, n);
        System.arraycopy(r, 0, returns, 0, n);
        System.arraycopy(d, 0, discounts, 0, n);
        position = pos;
        size = n;
    }
}
