package dev.lantern.agents.mcts;

import dev.lantern.environments.api.SimulatedStep;
import dev.lantern.environments.api.Simulator;

/**
 * A single-agent environment, seen through its {@link Simulator}, as a {@link SearchProblem}: every action is legal
 * in a non-terminal state, rewards are the environment's, discounted by {@code discount} per step, and the search
 * looks at most {@code horizon} steps ahead (the time limit is the planner's, as {@link SimulatedStep} says).
 *
 * @param <S> the simulator's state type (e.g. {@code GridState})
 */
public final class SimulatorProblem<S> implements SearchProblem<S> {

    private final Simulator<S> simulator;
    private final double discount;
    private final int horizon;

    /**
     * @param simulator the model to plan with
     * @param discount  the discount per step, in {@code (0, 1]}
     * @param horizon   the most steps looked ahead from the root, {@code >= 1}
     * @throws IllegalArgumentException if {@code discount} or {@code horizon} is out of range
     */
    public SimulatorProblem(Simulator<S> simulator, double discount, int horizon) {
        if (!(discount > 0 && discount <= 1)) {
            throw new IllegalArgumentException("discount must be in (0, 1], got " + discount);
        }
        if (horizon < 1) {
            throw new IllegalArgumentException("horizon must be >= 1, got " + horizon);
        }
        this.simulator = simulator;
        this.discount = discount;
        this.horizon = horizon;
    }

    @Override
    public int actionCount() {
        return simulator.actionCount();
    }

    @Override
    public boolean isTerminal(S state) {
        return simulator.isTerminal(state);
    }

    @Override
    public int legalActions(S state, int[] out) {
        if (simulator.isTerminal(state)) {
            return 0;
        }
        int n = simulator.actionCount();
        for (int a = 0; a < n; a++) {
            out[a] = a;
        }
        return n;
    }

    @Override
    public S step(S state, int action, double[] reward) {
        SimulatedStep<S> s = simulator.step(state, action);
        reward[0] = s.reward();
        return s.next();
    }

    @Override
    public double terminalValue(S state) {
        return 0;
    }

    @Override
    public boolean alternating() {
        return false;
    }

    @Override
    public double discount() {
        return discount;
    }

    @Override
    public int horizon() {
        return horizon;
    }
}
