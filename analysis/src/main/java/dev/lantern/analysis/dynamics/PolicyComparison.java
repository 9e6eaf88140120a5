package dev.lantern.analysis.dynamics;

import dev.lantern.analysis.circuits.StateBatch;
import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * How two networks' policies and values differ over the decision states of one grid world
 * ({@link StateBatch#decisionStates()}: reachable, not terminal), state by state and on average. Exact for the two
 * networks (every state, no sampling), computed in double from their own outputs.
 *
 * <p>Definitions, per decision state {@code s}, {@code p = pi_a(.|s)}, {@code q = pi_b(.|s)}:
 * {@code KL(p||q) = sum_x p(x) (log p(x) - log q(x))} in nats (a state's value below 0 by rounding is taken as 0);
 * {@code TV = 1/2 sum_x |p(x) - q(x)|}, in [0, 1]; the greedy actions agree when both argmaxes (lowest index among
 * ties) are the same; {@code dV = V_b(s) - V_a(s)}. For Q-networks the policies are the greedy ones: TV is then 1
 * where the greedy actions differ and 0 where they agree, and KL is NaN (infinite wherever they differ).
 *
 * @param qNetwork        whether the tables are Q-networks' (greedy policies)
 * @param decisionStates  how many states decide (the denominator of every mean)
 * @param klForward       mean {@code KL(pi_a || pi_b)}; NaN for Q-networks
 * @param klBackward      mean {@code KL(pi_b || pi_a)}; NaN for Q-networks
 * @param klSymmetric     {@code (klForward + klBackward) / 2}, the mean of both directions
 * @param totalVariation  mean total variation distance
 * @param agreement       the fraction of decision states whose greedy actions agree
 * @param meanAbsValue    mean {@code |dV|}
 * @param maxAbsValue     largest {@code |dV|}
 * @param stateKl         per state {@code (KL(p||q) + KL(q||p)) / 2}, {@code [states]}; NaN off the decision states
 *                        and for Q-networks
 * @param stateTv         per state TV, {@code [states]}; NaN off the decision states
 * @param valueChange     per state {@code dV = V_b - V_a}, {@code [states]}; NaN off the decision states
 * @param greedyA         network a's greedy action per state, {@code [states]}
 * @param greedyB         network b's greedy action per state, {@code [states]}
 */
public record PolicyComparison(boolean qNetwork, int decisionStates, double klForward, double klBackward,
        double klSymmetric, double totalVariation, double agreement, double meanAbsValue, double maxAbsValue,
        double[] stateKl, double[] stateTv, double[] valueChange, int[] greedyA, int[] greedyB) {

    /**
     * Compares {@code a} with {@code b} over their states.
     *
     * @throws IllegalArgumentException if the tables are over different state sets, of different kinds (a Q-network
     *                                  and an actor-critic) or action counts, or no state decides
     */
    public static PolicyComparison of(PolicyTable a, PolicyTable b) {
        StateBatch states = a.states();
        if (states.size() != b.states().size() || states.space().map() != b.states().space().map()
                && !states.space().map().text().equals(b.states().space().map().text())) {
            throw new IllegalArgumentException("the tables are over different states: " + states.size() + " states of "
                    + states.world().spec().id() + " and " + b.states().size() + " of " + b.states().world().spec().id());
        }
        if (a.qNetwork() != b.qNetwork() || a.actions() != b.actions()) {
            throw new IllegalArgumentException("cannot compare a " + kind(a) + " with a " + kind(b));
        }
        boolean[] decides = states.decisionStates();
        int n = states.size();
        int count = 0;
        double kf = 0;
        double kb = 0;
        double tv = 0;
        int agree = 0;
        double dv = 0;
        double dvMax = 0;
        double[] stateKl = nans(n);
        double[] stateTv = nans(n);
        double[] change = nans(n);
        for (int s = 0; s < n; s++) {
            if (!decides[s]) {
                continue;
            }
            count++;
            double forward = 0;
            double backward = 0;
            double t = 0;
            for (int x = 0; x < a.actions(); x++) {
                double lp = a.logProbability(s, x);
                double lq = b.logProbability(s, x);
                double p = Math.exp(lp);
                double q = Math.exp(lq);
                if (p > 0) {
                    forward += p * (lp - lq);
                }
                if (q > 0) {
                    backward += q * (lq - lp);
                }
                t += Math.abs(p - q);
            }
            forward = Math.max(0, forward);
            backward = Math.max(0, backward);
            t = Math.min(1, t / 2);
            kf += forward;
            kb += backward;
            tv += t;
            stateKl[s] = a.qNetwork() ? Double.NaN : (forward + backward) / 2;
            stateTv[s] = t;
            agree += a.greedy(s) == b.greedy(s) ? 1 : 0;
            change[s] = b.value(s) - a.value(s);
            dv += Math.abs(change[s]);
            dvMax = Math.max(dvMax, Math.abs(change[s]));
        }
        if (count == 0) {
            throw new IllegalArgumentException("no state of " + states.world().spec().id() + " is a decision state");
        }
        double forward = a.qNetwork() ? Double.NaN : kf / count;
        double backward = a.qNetwork() ? Double.NaN : kb / count;
        return new PolicyComparison(a.qNetwork(), count, forward, backward, (forward + backward) / 2, tv / count,
                agree / (double) count, dv / count, dvMax, stateKl, stateTv, change, a.greedyActions(),
                b.greedyActions());
    }

    private static String kind(PolicyTable t) {
        return (t.qNetwork() ? "Q-network" : "actor-critic") + " of " + t.actions() + " actions";
    }

    private static double[] nans(int n) {
        double[] v = new double[n];
        Arrays.fill(v, Double.NaN);
        return v;
    }

    /** Whether state {@code s} decides in both (its entries are defined). */
    public boolean decides(int s) {
        return !Double.isNaN(stateTv[s]);
    }

    /** Whether the greedy actions of state {@code s} differ (false off the decision states). */
    public boolean disagrees(int s) {
        return decides(s) && greedyA[s] != greedyB[s];
    }

    /** How many decision states' greedy actions differ. */
    public int disagreements() {
        return (int) IntStream.range(0, greedyA.length).filter(this::disagrees).count();
    }

    /**
     * The {@code k} decision states whose policy changed most: those whose greedy action changed first, then by
     * per-state TV, then by state number; fewer when fewer states decide.
     */
    public int[] topPolicyChanges(int k) {
        return top(k, Comparator.comparingInt((Integer s) -> disagrees(s) ? 0 : 1)
                .thenComparingDouble(s -> -stateTv[s]).thenComparingInt(s -> s));
    }

    /** The {@code k} decision states whose value changed most ({@code |dV|}, then state number). */
    public int[] topValueChanges(int k) {
        return top(k, Comparator.comparingDouble((Integer s) -> -Math.abs(valueChange[s])).thenComparingInt(s -> s));
    }

    private int[] top(int k, Comparator<Integer> order) {
        if (k < 0) {
            throw new IllegalArgumentException("k must be >= 0, got " + k);
        }
        return IntStream.range(0, stateTv.length).filter(this::decides).boxed().sorted(order).limit(k)
                .mapToInt(Integer::intValue).toArray();
    }

    @Override
    public double[] stateKl() {
        return stateKl.clone();
    }

    @Override
    public double[] stateTv() {
        return stateTv.clone();
    }

    @Override
    public double[] valueChange() {
        return valueChange.clone();
    }

    @Override
    public int[] greedyA() {
        return greedyA.clone();
    }

    @Override
    public int[] greedyB() {
        return greedyB.clone();
    }
}
