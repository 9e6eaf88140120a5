package dev.lantern.agents.alphazero;

import dev.lantern.agents.api.ComputePath;
import dev.lantern.agents.mcts.BatchEvaluator;
import dev.lantern.agents.mcts.Evaluator;
import dev.lantern.agents.mcts.SearchProblem;
import dev.lantern.agents.nn.ActorCriticNet;
import dev.lantern.agents.nn.DensePass;
import dev.lantern.environments.board.GameState;
import java.util.List;

/**
 * Judges game positions with a policy-value network, for PUCT: the input is the observation of the player to move
 * ({@link GameState#observe}), the priors are the softmax of {@code policy.logits} over the legal actions only
 * (illegal logits are masked out), the value is {@code tanh(value.out)} for the player to move.
 *
 * <p>As an {@link Evaluator} it runs one forward pass per leaf (plain {@link dev.lantern.agents.mcts.Mcts}); as a
 * {@link BatchEvaluator} one forward pass on a {@code [leaves, inputSize]} batch
 * ({@link dev.lantern.agents.mcts.LockstepPuct}). On the {@link ComputePath#HOST_BUFFERS} path the pass is Java loops
 * over a copy of the parameters for a few rows ({@link SmallBatchForward}) and the network's fast pass for that batch
 * size ({@link ActorCriticNet#pass}) for more; on the other, DL4J's inference ({@link ActorCriticNet#outputs}). They
 * agree up to floating-point rounding. It counts both, for throughput metrics and tests. Owned by one thread, like
 * the network.
 */
public final class NetworkEvaluator implements Evaluator<GameState>, BatchEvaluator<GameState> {

    private final ActorCriticNet net;
    private final int inputSize;
    private final int actions;
    private final EvaluationCache cache;
    private final SmallBatchForward small;
    private final long secondLayerWork; // multiply-adds per row in torso.dense1
    private boolean smallLoaded;
    // Reused across calls, grown to the largest batch seen: observations, logits, values, cache slots, source rows.
    private float[] obs = new float[0];
    private double[] logits = new double[0];
    private double[] v = new double[0];
    private int[] slots = new int[0];
    private int[] rowSource = new int[0];
    private long forwardPasses;
    private long leafEvaluations;
    private long cacheHits;

    /**
     * The most multiply-adds of the second torso layer over a batch ({@code rows * hidden0 * hidden1}) that the Java
     * forward pass takes ({@link #forward}): 32 rows of a 64-64 network, 8 of a 128-128 one. Measured on one CPU thread,
     * the Java loops beat the native pass up to about there.
     */
    static final long SMALL_BATCH_WORK = 1 << 17;

    /** Most positions {@link #caching} keeps before it starts afresh (bounds its memory). */
    static final int MAX_CACHED_POSITIONS = 1 << 17;

    /** An evaluator over {@code net}, whose input size must be the game's observation size; it caches nothing. */
    public NetworkEvaluator(ActorCriticNet net) {
        this(net, false);
    }

    private NetworkEvaluator(ActorCriticNet net, boolean caching) {
        this.net = net;
        this.inputSize = net.inputSize();
        this.actions = net.actionCount();
        this.cache = caching ? new EvaluationCache(actions, MAX_CACHED_POSITIONS) : null;
        this.small = new SmallBatchForward(net);
        int[] hidden = net.hidden();
        this.secondLayerWork = (long) hidden[0] * hidden[1];
    }

    /**
     * An evaluator over {@code net} that, on the {@link ComputePath#HOST_BUFFERS} path, remembers its judgement of
     * every position ({@link GameState#key()}) until {@link #clearCache()}: a position met again (a transposition, the
     * same subtree searched again at the next move, the same leaf in several games of one batch) is answered without
     * the network, and each distinct position of a batch is one row of the forward pass. The answers are the network's
     * for that position, computed once, so a search sees the same priors and values as without the cache up to the
     * rounding of the batch the position was first computed in. The caller must clear the cache whenever the network's
     * parameters may have changed. On the {@link ComputePath#ND4J_OPS} path it caches nothing (that path stays as it
     * was).
     */
    public static NetworkEvaluator caching(ActorCriticNet net) {
        return new NetworkEvaluator(net, true);
    }

    /**
     * Forgets every cached judgement and the parameters read for the small-batch forward pass; a caching evaluator's
     * caller must call it after the network's parameters changed.
     */
    public void clearCache() {
        if (cache != null) {
            cache.clear();
        }
        smallLoaded = false;
    }

    /** Positions answered from the cache so far (0 without one); {@link #leafEvaluations()} counts them too. */
    public long cacheHits() {
        return cacheHits;
    }

    /** Network forward passes made so far. */
    public long forwardPasses() {
        return forwardPasses;
    }

    /** Positions judged so far (the sum of the batch sizes), from the network or from the cache. */
    public long leafEvaluations() {
        return leafEvaluations;
    }

    @Override
    public double evaluate(SearchProblem<GameState> problem, GameState state, int[] legal, int legalCount,
            double[] priors, int remainingSteps) {
        double[] values = new double[1];
        double[][] p = {new double[legalCount]};
        evaluateBatch(problem, List.of(state), new int[][] {legal}, new int[] {legalCount}, p, values,
                new int[] {remainingSteps});
        System.arraycopy(p[0], 0, priors, 0, legalCount);
        return values[0];
    }

    @Override
    public void evaluateBatch(SearchProblem<GameState> problem, List<GameState> states, int[][] legal,
            int[] legalCounts, double[][] priors, double[] values, int[] remainingSteps) {
        int n = states.size();
        leafEvaluations += n;
        ensureRows(n);
        if (!ComputePath.select().hostBuffers()) {
            observeAll(states);
            double[][] out = net.outputs(obs, n);
            forwardPasses++;
            for (int i = 0; i < n; i++) {
                maskedSoftmax(out[0], i * actions, legal[i], legalCounts[i], priors[i], 0);
                values[i] = Math.tanh(out[1][i]);
            }
            return;
        }
        if (cache == null) {
            observeAll(states);
            forward(n);
            for (int i = 0; i < n; i++) {
                maskedSoftmax(logits, i * actions, legal[i], legalCounts[i], priors[i], 0);
                values[i] = Math.tanh(v[i]);
            }
            return;
        }
        // Each distinct position not in the cache is computed once, in one forward pass over those rows.
        cache.reserve(n);
        int rows = 0;
        for (int i = 0; i < n; i++) {
            GameState s = states.get(i);
            long key = s.key();
            int slot = cache.find(key);
            if (slot < 0) {
                slot = cache.insert(key);
                s.observe(s.currentPlayer(), obs, rows * inputSize);
                rowSource[rows++] = i;
            }
            slots[i] = slot;
        }
        if (rows > 0) {
            forward(rows);
            double[] table = cache.priorArray();
            for (int r = 0; r < rows; r++) {
                int i = rowSource[r];
                int slot = slots[i];
                maskedSoftmax(logits, r * actions, legal[i], legalCounts[i], table, cache.priorOffset(slot));
                cache.put(slot, legalCounts[i], Math.tanh(v[r]));
            }
        }
        cacheHits += n - rows;
        double[] table = cache.priorArray();
        for (int i = 0; i < n; i++) {
            int slot = slots[i];
            if (cache.priorCount(slot) != legalCounts[i]) {
                throw new IllegalStateException("position " + states.get(i).key() + " has " + legalCounts[i]
                        + " legal actions here and " + cache.priorCount(slot) + " in the cache");
            }
            System.arraycopy(table, cache.priorOffset(slot), priors[i], 0, legalCounts[i]);
            values[i] = cache.value(slot);
        }
    }

    /**
     * The host-buffer forward pass for {@code rows} rows of {@link #obs}, into {@link #logits} and {@link #v}: Java loops
     * ({@link SmallBatchForward}) while the rows' work in the second layer is at most {@link #SMALL_BATCH_WORK}
     * multiply-adds, where the native calls would cost more than the arithmetic; the network's fast pass for that
     * batch size ({@link DensePass}) above it.
     */
    private void forward(int rows) {
        forwardPasses++;
        if ((long) rows * secondLayerWork <= SMALL_BATCH_WORK) {
            if (!smallLoaded) {
                small.load();
                smallLoaded = cache != null; // without a cache nothing says when the parameters change: read each time
            }
            small.forward(obs, rows, logits, v);
            return;
        }
        DensePass pass = net.pass(rows);
        pass.setInput(obs);
        pass.forward(logits, v);
    }

    /** Grows the reused buffers to {@code n} rows. */
    private void ensureRows(int n) {
        if (obs.length < n * inputSize) {
            obs = new float[n * inputSize];
            logits = new double[n * actions];
            v = new double[n];
            slots = new int[n];
            rowSource = new int[n];
        }
    }

    /** Writes the observation of each state, for its player to move, into row {@code i} of {@link #obs}. */
    private void observeAll(List<GameState> states) {
        for (int i = 0; i < states.size(); i++) {
            GameState s = states.get(i);
            s.observe(s.currentPlayer(), obs, i * inputSize);
        }
    }

    /** Writes {@code softmax(logits[legal[j]])} over {@code j < count} into {@code out[0..count)}. */
    static void maskedSoftmax(double[] logits, int[] legal, int count, double[] out) {
        maskedSoftmax(logits, 0, legal, count, out, 0);
    }

    /**
     * Writes {@code softmax(logits[from + legal[j]])} over {@code j < count} into {@code out[at, at + count)}.
     */
    private static void maskedSoftmax(double[] logits, int from, int[] legal, int count, double[] out, int at) {
        double max = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < count; j++) {
            max = Math.max(max, logits[from + legal[j]]);
        }
        double sum = 0;
        for (int j = 0; j < count; j++) {
            out[at + j] = Math.exp(logits[from + legal[j]] - max);
            sum += out[at + j];
        }
        for (int j = 0; j < count; j++) {
            out[at + j] /= sum;
        }
    }
}
