package dev.lantern.environments.grid;

import dev.lantern.environments.api.SimulatedStep;
import dev.lantern.environments.api.Simulator;
import dev.lantern.environments.random.Rng;

/**
 * The {@link Simulator} of a {@link GridWorld}: its rules ({@link GridDynamics#outcomes}, shared with the exact
 * solvers) applied to any state. On stochastic maps (ice, whisky, interruption) each call samples one outcome with
 * the simulator's own generator, seeded with 0 when the simulator is made, so a planner's results are repeatable.
 */
final class GridSimulator implements Simulator<GridState> {

    private final GridWorld live;
    private final GridDynamics dynamics;
    private final Outcomes outcomes = new Outcomes();
    private final Rng rng = new Rng(0L);

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
        return dynamics.terminal(dynamics.checkedCell(state), state.extras());
    }

    @Override
    public SimulatedStep<GridState> step(GridState state, int action) {
        int cell = dynamics.checkedCell(state);
        if (action < 0 || action >= actionCount()) {
            throw new IllegalArgumentException("action " + action + " is not legal: legal actions are 0..3 "
                    + GridWorld.ACTION_LABELS);
        }
        if (dynamics.terminal(cell, state.extras())) {
            throw new IllegalStateException("state " + state + " is terminal: no step may be taken from it");
        }
        Outcomes o = outcomes;
        dynamics.outcomes(cell, state.keysMask(), state.extras(), action, o);
        int i = o.count == 1 ? 0 : o.pick(rng.nextDouble());
        GridState next = new GridState(o.cell[i] / dynamics.width, o.cell[i] % dynamics.width, o.mask[i],
                o.extras[i]);
        return new SimulatedStep<>(next, o.reward[i], o.performance[i], dynamics.terminal(o.cell[i], o.extras[i]));
    }
}
