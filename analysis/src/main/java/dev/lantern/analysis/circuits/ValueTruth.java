package dev.lantern.analysis.circuits;

import dev.lantern.agents.api.Activations;
import dev.lantern.environments.grid.solve.GridSolution;
import dev.lantern.environments.grid.solve.PolicyEvaluation;
import dev.lantern.environments.grid.solve.PolicyValues;
import dev.lantern.environments.grid.solve.SolveStatus;
import dev.lantern.environments.grid.solve.ValueIteration;

/**
 * The exact values a network's value estimate is checked against, over every state, at the agent's own discount:
 * {@code V*} by value iteration, and {@code V^pi} of the network's own (clean) policy by exact policy evaluation
 * (issue 10, point 3). An actor-critic's policy is the softmax of its logits, the policy its value head is trained to
 * evaluate; a Q-network's is its greedy policy ({@code argmax Q}, lowest index among ties), whose {@code max Q}
 * Q-learning drives towards {@code V*}. The value estimate is {@code value.out}, or {@code max_a Q}.
 *
 * <p>Both targets are fixed by the clean network: an ablated or steered head is compared with the same numbers, so a
 * change of its error is the head's alone ({@code V^pi} of the ablated policy would mix the policy's change into it,
 * and cost one evaluation per neuron). A target is NaN (every error against it NaN) when its solve did not converge
 * ({@link #starStatus()}, {@link #piStatus()}) or a decision state's target is infinite (a walled-in pocket at
 * {@code gamma = 1}). The policy evaluation stops after {@value #MAX_SWEEPS} sweeps (with {@code gamma = 1} a greedy
 * policy that loops never converges).
 */
public final class ValueTruth {

    /** The sweep cap of the policy evaluation. */
    public static final int MAX_SWEEPS = 100_000;

    private final StateBatch states;
    private final boolean[] decides;
    private final double gamma;
    private final double[] star;
    private final double[] pi;
    private final SolveStatus starStatus;
    private final SolveStatus piStatus;

    private ValueTruth(StateBatch states, double gamma, double[] star, double[] pi, SolveStatus starStatus,
            SolveStatus piStatus) {
        this.states = states;
        this.decides = states.decisionStates();
        this.gamma = gamma;
        this.star = star;
        this.pi = pi;
        this.starStatus = starStatus;
        this.piStatus = piStatus;
    }

    /**
     * {@code V*} and {@code V^pi} of the policy read from {@code policyHead} ({@code policy.logits} as a softmax, or
     * {@code q.values} greedily when {@code greedy}) over every state of {@code states}, at discount {@code gamma}.
     *
     * @throws IllegalArgumentException if {@code gamma} is outside {@code (0, 1]} or the head does not have one row
     *         of four actions per state
     */
    public static ValueTruth of(StateBatch states, Activations policyHead, boolean greedy, double gamma) {
        int n = states.size();
        if (policyHead.batch() != n || policyHead.site().width() != 4) {
            throw new IllegalArgumentException("the policy head " + policyHead.site().name() + " has " + policyHead.batch()
                    + " rows of " + policyHead.site().width() + ", expected " + n + " states of 4 actions");
        }
        GridSolution solution = ValueIteration.solve(states.world(), gamma);
        PolicyValues values = PolicyEvaluation.evaluate(states.world(), (state, out) -> {
            double[] row = policyHead.row(states.space().indexOf(state));
            java.util.Arrays.fill(out, 0);
            if (greedy) {
                out[NeuronAblation.argmax(row)] = 1;
            } else {
                NeuronAblation.logSoftmax(row, out);
                for (int a = 0; a < 4; a++) {
                    out[a] = Math.exp(out[a]);
                }
            }
        }, gamma, PolicyEvaluation.DEFAULT_TOLERANCE, MAX_SWEEPS);
        double[] star = new double[n];
        double[] pi = new double[n];
        for (int s = 0; s < n; s++) {
            star[s] = solution.value(states.state(s));
            pi[s] = values.value(states.state(s));
        }
        return new ValueTruth(states, gamma, star, pi, solution.status(), values.status());
    }

    /** The discount the targets were computed at. */
    public double gamma() {
        return gamma;
    }

    /** How value iteration ended; only {@link SolveStatus#CONVERGED} gives errors against {@code V*}. */
    public SolveStatus starStatus() {
        return starStatus;
    }

    /** How the policy evaluation ended; only {@link SolveStatus#CONVERGED} gives errors against {@code V^pi}. */
    public SolveStatus piStatus() {
        return piStatus;
    }

    /** {@code V*} by state number (a copy). */
    public double[] star() {
        return star.clone();
    }

    /** {@code V^pi} of the clean policy by state number (a copy). */
    public double[] pi() {
        return pi.clone();
    }

    /** Mean {@code |estimate(s) - V*(s)|} over the decision states ({@code estimate} by state number), or NaN. */
    public double errorStar(double[] estimate) {
        return starStatus == SolveStatus.CONVERGED ? meanError(estimate, star) : Double.NaN;
    }

    /** Mean {@code |estimate(s) - V^pi(s)|} over the decision states ({@code estimate} by state number), or NaN. */
    public double errorPi(double[] estimate) {
        return piStatus == SolveStatus.CONVERGED ? meanError(estimate, pi) : Double.NaN;
    }

    private double meanError(double[] estimate, double[] target) {
        if (estimate.length != states.size()) {
            throw new IllegalArgumentException(estimate.length + " estimates for " + states.size() + " states");
        }
        double sum = 0;
        int count = 0;
        for (int s = 0; s < decides.length; s++) {
            if (decides[s]) {
                if (!Double.isFinite(target[s])) {
                    return Double.NaN;
                }
                sum += Math.abs(estimate[s] - target[s]);
                count++;
            }
        }
        return sum / count;
    }
}
