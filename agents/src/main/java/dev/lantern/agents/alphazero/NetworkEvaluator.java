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
 * ({@link dev.lantern.agents.mcts.LockstepPuct}). The pass is the network's fast pass for that batch size
 * ({@link ActorCriticNet#pass}) on the {@link ComputePath#HOST_BUFFERS} path, DL4J's inference
 * ({@link ActorCriticNet#outputs}) on the other; they agree up to floating-point rounding. It counts both, for
 * throughput metrics and tests. Owned by one thread, like the network.
 */
public final class NetworkEvaluator implements Evaluator<GameState>, BatchEvaluator<GameState> {

    private final ActorCriticNet net;
    private final int inputSize;
    private final int actions;
    private final double[] logitBuffer;
    // Reused across calls, grown to the largest batch seen: observations, logits, values.
    private float[] obs = new float[0];
    private double[] logits = new double[0];
    private double[] v = new double[0];
    private long forwardPasses;
    private long leafEvaluations;

    /** An evaluator over {@code net}, whose input size must be the game's observation size. */
    public NetworkEvaluator(ActorCriticNet net) {
        this.net = net;
        this.inputSize = net.inputSize();
        this.actions = net.actionCount();
        this.logitBuffer = new double[actions];
    }

    /** Network forward passes made so far. */
    public long forwardPasses() {
        return forwardPasses;
    }

    /** Positions evaluated so far (the sum of the batch sizes). */
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
        if (obs.length < n * inputSize) {
            obs = new float[n * inputSize];
            logits = new double[n * actions];
            v = new double[n];
        }
        for (int i = 0; i < n; i++) {
            GameState s = states.get(i);
            s.observe(s.currentPlayer(), obs, i * inputSize);
        }
        if (ComputePath.select().hostBuffers()) {
            DensePass pass = net.pass(n);
            pass.setInput(obs);
            pass.forward(logits, v);
        } else {
            double[][] out = net.outputs(obs, n);
            System.arraycopy(out[0], 0, logits, 0, n * actions);
            System.arraycopy(out[1], 0, v, 0, n);
        }
        forwardPasses++;
        leafEvaluations += n;
        for (int i = 0; i < n; i++) {
            System.arraycopy(logits, i * actions, logitBuffer, 0, actions);
            maskedSoftmax(logitBuffer, legal[i], legalCounts[i], priors[i]);
            values[i] = Math.tanh(v[i]);
        }
    }

    /** Writes {@code softmax(logits[legal[j]])} over {@code j < count} into {@code out[0..count)}. */
    static void maskedSoftmax(double[] logits, int[] legal, int count, double[] out) {
        double max = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < count; j++) {
            max = Math.max(max, logits[legal[j]]);
        }
        double sum = 0;
        for (int j = 0; j < count; j++) {
            out[j] = Math.exp(logits[legal[j]] - max);
            sum += out[j];
        }
        for (int j = 0; j < count; j++) {
            out[j] /= sum;
        }
    }
}
