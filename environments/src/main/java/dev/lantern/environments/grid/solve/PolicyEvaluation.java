package dev.lantern.environments.grid.solve;

import dev.lantern.environments.grid.GridState;
import dev.lantern.environments.grid.GridStateSpace;
import dev.lantern.environments.grid.GridWorld;
import java.util.Objects;

/**
 * Exact policy evaluation: the values V^π of any stochastic policy over the full state space of a grid world
 * ({@link GridStateSpace}), the ground truth against which a network's value head is compared.
 *
 * <pre>
 *   Q(s, a) = Σ_s' P(s'|s, a) [ r(s, a, s') + (s' terminal ? 0 : γ V(s')) ]      V(s) = Σ_a π(a|s) Q(s, a)
 * </pre>
 * with the transition model of {@link GridStateSpace} (stochastic on maps with ice, whisky or interruption cells)
 *
 * solved by Gauss–Seidel sweeps from 0 until the largest change is below the tolerance or the sweep cap is hit. For
 * γ &lt; 1 this always converges. For γ = 1 it converges when π ends episodes with probability 1 from every state (a
 * proper policy); states from which no terminal state is reachable at all get {@code -Infinity}, and for an improper
 * policy the cap stops the sweeps with {@link PolicyValues#converged()} false. Time limits are ignored, as in
 * {@link ValueIteration}.
 */
public final class PolicyEvaluation {

    /** Default stopping tolerance. */
    public static final double DEFAULT_TOLERANCE = 1e-12;
    /** Default cap on the number of sweeps. */
    public static final int DEFAULT_MAX_SWEEPS = 1_000_000;

    private PolicyEvaluation() {
    }

    /** Evaluates {@code policy} with the default tolerance and sweep cap. */
    public static PolicyValues evaluate(GridWorld env, GridPolicy policy, double gamma) {
        return evaluate(env, policy, gamma, DEFAULT_TOLERANCE, DEFAULT_MAX_SWEEPS);
    }

    /**
     * Evaluates {@code policy} on {@code env}'s map (its current state is untouched).
     *
     * @throws IllegalArgumentException if gamma is outside (0, 1], or the policy gives invalid probabilities (the
     *                                  message names the state)
     */
    public static PolicyValues evaluate(GridWorld env, GridPolicy policy, double gamma, double tolerance,
            int maxSweeps) {
        Objects.requireNonNull(env, "env");
        Objects.requireNonNull(policy, "policy");
        Sweeps.checkArguments(gamma, tolerance, maxSweeps);
        GridStateSpace space = GridStateSpace.of(env);
        int n = space.size();
        double[] pi = new double[n * 4];
        double[] p = new double[4];
        for (int s = 0; s < n; s++) {
            if (!space.terminal(s)) {
                probabilities(policy, space.state(s), p);
                System.arraycopy(p, 0, pi, s * 4, 4);
            }
        }
        double[] v = new double[n];
        boolean[] skip = new boolean[n];
        for (int s = 0; s < n; s++) {
            boolean dead = !space.live(s) && gamma == 1.0;
            v[s] = dead ? Double.NEGATIVE_INFINITY : 0.0;
            skip[s] = space.terminal(s) || dead;
        }
        Sweeps.Result result = Sweeps.run(v, skip, (s, values) -> {
            double value = 0;
            for (int a = 0; a < 4; a++) {
                double w = pi[s * 4 + a];
                if (w > 0) {
                    value += w * space.backup(s, a, values, gamma);
                }
            }
            return value;
        }, tolerance, maxSweeps, "policy evaluation", SolveProgress.NONE);
        return new PolicyValues(space, gamma, v, Sweeps.qTable(space, v, gamma, null, 0), result);
    }

    /** The policy's probabilities in {@code state}, written into {@code p} and checked. */
    private static void probabilities(GridPolicy policy, GridState state, double[] p) {
        java.util.Arrays.fill(p, Double.NaN);
        policy.probabilities(state, p);
        double sum = 0;
        for (int a = 0; a < 4; a++) {
            if (!(p[a] >= 0) || Double.isInfinite(p[a])) {
                throw new IllegalArgumentException("policy gives probability " + p[a] + " to action " + a
                        + " in state " + state);
            }
            sum += p[a];
        }
        if (Math.abs(sum - 1) > 1e-9) {
            throw new IllegalArgumentException("policy probabilities in state " + state + " sum to " + sum);
        }
    }
}
