package dev.lantern.agents.dqn;

import dev.lantern.agents.run.state.StateReader;
import dev.lantern.agents.run.state.StateWriter;
import dev.lantern.environments.random.Rng;

/**
 * Proportional prioritized replay (Schaul et al. 2016, "Prioritized Experience Replay") over a {@link ReplayBuffer}:
 * transition {@code i} is drawn with probability {@code P(i) = p_i / Σ_j p_j}, {@code p_i = (|δ_i| + ε)^α}, and
 * weighted by {@code w_i = (N · P(i))^−β / max_j w_j} to correct the bias. New transitions enter at the largest
 * priority seen so far (1 at the start), so each is replayed at least once soon.
 *
 * <p>Sampling is stratified as in the paper: the total is cut into B equal segments and one prefix is drawn uniformly
 * in each. The normalizing {@code max_j w_j} runs over the whole buffer (from the smallest priority stored), as in the
 * OpenAI baselines implementation, so weights are comparable across batches.
 */
public final class PrioritizedReplay implements TransitionSink {

    private final ReplayBuffer buffer;
    private final SumTree tree;
    private final double alpha;
    private final double epsilon;
    private double maxPriority = 1.0;

    /**
     * @param buffer  the storage (this object decides what is sampled from it)
     * @param alpha   the priority exponent α in [0, 1]
     * @param epsilon ε > 0 added to |δ|
     */
    public PrioritizedReplay(ReplayBuffer buffer, double alpha, double epsilon) {
        this.buffer = buffer;
        this.tree = new SumTree(buffer.capacity());
        this.alpha = alpha;
        this.epsilon = epsilon;
    }

    /** The storage. */
    public ReplayBuffer buffer() {
        return buffer;
    }

    /** The priority tree (leaf = slot, value = p^α already applied). */
    public SumTree tree() {
        return tree;
    }

    /** The priority new transitions receive. */
    public double maxPriority() {
        return maxPriority;
    }

    @Override
    public void add(float[] obs, int obsOffset, int action, double nStepReturn, double discount, float[] next,
            int nextOffset) {
        int slot = buffer.insert(obs, obsOffset, action, nStepReturn, discount, next, nextOffset);
        tree.set(slot, maxPriority);
    }

    /**
     * Draws {@code slots.length} transitions by priority and writes their normalized importance weights.
     *
     * @param beta       the importance-sampling exponent β in [0, 1]
     * @param slots      out, the drawn slots
     * @param weightsOut out, {@code w_i = (N P(i))^−β / max_j w_j}
     */
    public void sample(Rng rng, double beta, int[] slots, double[] weightsOut) {
        int n = buffer.size();
        if (n == 0) {
            throw new IllegalStateException("cannot sample from an empty replay buffer");
        }
        double total = tree.total();
        double segment = total / slots.length;
        double maxWeight = Math.pow(n * tree.min() / total, -beta);
        for (int k = 0; k < slots.length; k++) {
            double u = Math.min((k + rng.nextDouble()) * segment, Math.nextDown(total));
            int slot = tree.find(u);
            slots[k] = slot;
            weightsOut[k] = Math.pow(n * tree.get(slot) / total, -beta) / maxWeight;
        }
    }

    /** Sets the priorities of {@code slots} from their TD errors: {@code p = (|δ| + ε)^α}. */
    public void updatePriorities(int[] slots, double[] tdErrors) {
        for (int k = 0; k < slots.length; k++) {
            double p = Math.pow(Math.abs(tdErrors[k]) + epsilon, alpha);
            tree.set(slots[k], p);
            maxPriority = Math.max(maxPriority, p);
        }
    }

    /** Writes the priorities of the stored transitions and the running maximum (the buffer saves itself). */
    public void save(StateWriter out) {
        out.section("priorities");
        out.writeDouble(maxPriority);
        out.writeDoubles(tree.leaves(buffer.size()));
    }

    /** Reads back what {@link #save} wrote; call after the buffer was restored. */
    public void restore(StateReader in) {
        in.section("priorities");
        double max = in.readDouble();
        double[] leaves = in.readDoubles(buffer.size(), "the priorities");
        for (int i = 0; i < leaves.length; i++) {
            tree.set(i, leaves[i]);
        }
        maxPriority = max;
    }
}
