package dev.lantern.environments.grid;

import dev.lantern.environments.api.SimulatedStep;
import dev.lantern.environments.api.Simulator;

/** The {@link Simulator} of a {@link GridWorld}: its rules (shared with value iteration) applied to any state. */
final class GridSimulator implements Simulator<GridState> {

    private final GridWorld live;
    private final GridDynamics dynamics;

    GridSimulator(GridWorld live, GridDynamics dynamics) {
        this.live = live;
        this.dynamics = dynamics;
    }

    @Override
    public GridState currentState() {
        return live.state();
    }

    @Override
    public int actionCount() {
        return GridWorld.ACTION_LABELS.size();
    }

    @Override
    public boolean isTerminal(GridState state) {
        return dynamics.terminal(live.cellOf(state));
    }

    @Override
    public SimulatedStep<GridState> step(GridState state, int action) {
        int cell = live.cellOf(state);
        if (action < 0 || action >= actionCount()) {
            throw new IllegalArgumentException("action " + action + " is not legal: legal actions are 0..3 "
                    + GridWorld.ACTION_LABELS);
        }
        if (dynamics.terminal(cell)) {
            throw new IllegalStateException("state " + state + " is terminal: no step may be taken from it");
        }
        int next = dynamics.next(cell, state.keysMask(), action);
        int mask = dynamics.maskAfter(next, state.keysMask());
        double reward = dynamics.reward(next);
        GridState nextState = new GridState(next / dynamics.width, next % dynamics.width, mask);
        return new SimulatedStep<>(nextState, reward, reward, dynamics.terminal(next));
    }
}
