package dev.lantern.analysis.dynamics;

import dev.lantern.agents.api.Activations;
import dev.lantern.agents.api.InspectableNetwork;
import dev.lantern.agents.api.Site;
import dev.lantern.analysis.circuits.ActivationAtlas;
import dev.lantern.analysis.circuits.GreedyOutcome;
import dev.lantern.analysis.circuits.NeuronAblation;
import dev.lantern.analysis.circuits.StateBatch;
import dev.lantern.environments.grid.GridState;
import dev.lantern.environments.grid.solve.FiniteHorizon;
import dev.lantern.environments.grid.solve.GridSolution;
import dev.lantern.environments.grid.solve.OptimalReturn;
import dev.lantern.environments.grid.solve.SolveStatus;
import dev.lantern.environments.grid.solve.ValueIteration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Scores a network over every state of a grid world against the exact solution, with nothing taken from training
 * data, so that networks of different runs (and points between them) are scored by the same yardstick.
 *
 * <p><b>The fixed loss.</b> For an actor-critic ({@code policy.logits}): the mean over the decision states of the
 * cross-entropy of the softmax policy against the set {@code O(s)} of optimal actions, {@code -log sum_{a in O(s)}
 * pi(a|s)} ({@code O(s)}: the actions whose {@code Q*} at the agent's discount is within
 * {@link GridSolution#TIE_TOLERANCE} of the best; 0 when the policy puts all its mass on optimal actions). For a
 * Q-network ({@code q.values}): the mean over the decision states and actions of {@code (Q(s,a) - Q*(s,a))^2}, the
 * regression Q-learning converges to. States whose {@code Q*} is not finite (a walled-in pocket at {@code gamma = 1})
 * are left out; NaN when value iteration did not converge.
 *
 * <p><b>The greedy return.</b> The greedy policy ({@code argmax} of the policy head, lowest index among ties) is scored
 * exactly over the known dynamics ({@link GreedyOutcome}, no sampling), normalised by the exact finite-horizon optimum
 * {@code G*} ({@link FiniteHorizon}): {@code G / G*}, NaN when the optimum is unknown or not positive. Policies that act
 * alike on every decision state share one computation. Not thread-safe.
 */
public final class FixedEvaluation {

    private final StateBatch states;
    private final double gamma;
    private final boolean[] decides;
    private final boolean solved;
    private final double[][] qStar;
    private final boolean[][] optimal;
    private final double optimum;
    private final Map<List<Integer>, GreedyOutcome> outcomes = new HashMap<>();

    /**
     * The yardstick of {@code states}' world at discount {@code gamma} (solves it once).
     *
     * @throws IllegalArgumentException if {@code gamma} is outside {@code (0, 1]} or no state is a decision state
     */
    public FixedEvaluation(StateBatch states, double gamma) {
        if (!(gamma > 0 && gamma <= 1)) {
            throw new IllegalArgumentException("gamma must be in (0, 1], got " + gamma);
        }
        this.states = states;
        this.gamma = gamma;
        this.decides = states.decisionStates();
        int n = states.size();
        if (!contains(decides)) {
            throw new IllegalArgumentException("no state of " + states.world().spec().id() + " is a decision state");
        }
        GridSolution solution = ValueIteration.solve(states.world(), gamma);
        this.solved = solution.status() == SolveStatus.CONVERGED;
        this.qStar = new double[n][4];
        this.optimal = new boolean[n][4];
        for (int s = 0; s < n; s++) {
            GridState st = states.state(s);
            double best = Double.NEGATIVE_INFINITY;
            for (int a = 0; a < 4; a++) {
                qStar[s][a] = solved ? solution.q(st, a) : Double.NaN;
                best = Math.max(best, qStar[s][a]);
            }
            for (int a = 0; a < 4; a++) {
                optimal[s][a] = Double.isFinite(best) && qStar[s][a] >= best - GridSolution.TIE_TOLERANCE;
            }
        }
        OptimalReturn opt = FiniteHorizon.solve(states.world());
        this.optimum = opt.known() && opt.value() > 0 ? opt.value() : Double.NaN;
    }

    /**
     * One network's scores.
     *
     * @param qNetwork          whether the policy head is {@code q.values} (else {@code policy.logits})
     * @param policy            the policy head over every state, {@code [states, 4]}
     * @param heads             every head over every state (for the endpoint self-check)
     * @param loss              the fixed loss
     * @param normalisedReturn  {@code G / G*}, NaN when the optimum is unknown or not positive
     * @param success           the probability that the greedy policy reaches a goal
     * @param suboptimal        the fraction of decision states whose greedy action is not optimal (NaN unsolved)
     */
    public record Scores(boolean qNetwork, Activations policy, Map<String, Activations> heads, double loss,
            double normalisedReturn, double success, double suboptimal) {
    }

    /** The states scored over. */
    public StateBatch states() {
        return states;
    }

    /** The discount of {@code Q*}. */
    public double gamma() {
        return gamma;
    }

    /** The exact optimum {@code G*} the return is normalised by (NaN when unknown or not positive). */
    public double optimum() {
        return optimum;
    }

    /**
     * Scores {@code net} (one pass over every state, padded as {@link ActivationAtlas} pads it).
     *
     * @throws IllegalArgumentException if the heads are neither an actor-critic's nor a Q-network's
     */
    public Scores score(InspectableNetwork net) {
        boolean q = isQNetwork(net);
        ActivationAtlas atlas = ActivationAtlas.record(net, states);
        Map<String, Activations> heads = new HashMap<>();
        for (Site h : net.heads()) {
            heads.put(h.name(), atlas.activations(h.name()));
        }
        Activations policy = atlas.activations(q ? NeuronAblation.Q : NeuronAblation.POLICY);
        int[] actions = GreedyOutcome.greedyActions(policy);
        Integer[] key = new Integer[actions.length];
        int wrong = 0;
        int counted = 0;
        double loss = 0;
        int lossTerms = 0;
        double[] logp = new double[4];
        for (int s = 0; s < actions.length; s++) {
            key[s] = decides[s] ? actions[s] : 0;
            if (!decides[s] || !contains(optimal[s])) {
                continue;
            }
            counted++;
            wrong += optimal[s][actions[s]] ? 0 : 1;
            double[] row = policy.row(s);
            if (q) {
                for (int a = 0; a < 4; a++) {
                    double d = row[a] - qStar[s][a];
                    loss += d * d;
                    lossTerms++;
                }
            } else {
                NeuronAblation.logSoftmax(row, logp);
                double mass = 0;
                for (int a = 0; a < 4; a++) {
                    mass += optimal[s][a] ? Math.exp(logp[a]) : 0;
                }
                loss += -Math.log(mass);
                lossTerms++;
            }
        }
        int[] acting = Arrays.stream(key).mapToInt(Integer::intValue).toArray();
        GreedyOutcome outcome = outcomes.computeIfAbsent(List.of(key), k -> GreedyOutcome.of(states, acting));
        boolean defined = solved && counted > 0;
        return new Scores(q, policy, heads, defined ? loss / lossTerms : Double.NaN,
                outcome.expectedReturn() / optimum, outcome.success(),
                defined ? wrong / (double) counted : Double.NaN);
    }

    /**
     * The mean over the decision states of {@code KL(softmax(p) || softmax(r))} of two policy heads'
     * logits ({@code [states, 4]} each).
     */
    public double meanKl(Activations p, Activations r) {
        double sum = 0;
        int count = 0;
        double[] lp = new double[4];
        double[] lr = new double[4];
        for (int s = 0; s < decides.length; s++) {
            if (!decides[s]) {
                continue;
            }
            NeuronAblation.logSoftmax(p.row(s), lp);
            NeuronAblation.logSoftmax(r.row(s), lr);
            double d = 0;
            for (int a = 0; a < 4; a++) {
                d += Math.exp(lp[a]) * (lp[a] - lr[a]);
            }
            sum += d;
            count++;
        }
        return sum / count;
    }

    /** Whether {@code net}'s heads are a Q-network's; an actor-critic's otherwise. */
    static boolean isQNetwork(InspectableNetwork net) {
        List<String> names = net.heads().stream().map(Site::name).toList();
        if (names.equals(List.of(NeuronAblation.Q))) {
            return true;
        }
        if (names.contains(NeuronAblation.POLICY) && names.contains(NeuronAblation.VALUE)) {
            return false;
        }
        throw new IllegalArgumentException("the heads read are " + List.of(NeuronAblation.POLICY, NeuronAblation.VALUE)
                + " or " + List.of(NeuronAblation.Q) + ", the network has " + names);
    }

    private static boolean contains(boolean[] flags) {
        for (boolean f : flags) {
            if (f) {
                return true;
            }
        }
        return false;
    }
}
