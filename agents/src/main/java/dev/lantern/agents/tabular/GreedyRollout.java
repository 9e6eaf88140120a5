package dev.lantern.agents.tabular;

import dev.lantern.environments.grid.GridState;
import java.util.List;

/**
 * One episode of the greedy policy of a {@link QTable} ({@link QTable#greedyAction}, ties to the lowest action).
 *
 * @param path       the states visited, {@code path.get(0)} the start, {@code path.get(t)} the state after step t;
 *                   {@code path.size() == steps + 1}
 * @param actions    the action taken in {@code path.get(t)}, {@code [steps]}
 * @param totalReturn undiscounted sum of the rewards
 * @param terminated whether the episode ended in a terminal state (goal or lava) rather than at the time limit
 */
public record GreedyRollout(List<GridState> path, List<Integer> actions, double totalReturn, boolean terminated) {

    public GreedyRollout {
        path = List.copyOf(path);
        actions = List.copyOf(actions);
    }

    /** Steps taken. */
    public int steps() {
        return actions.size();
    }

    /** The last state reached. */
    public GridState finalState() {
        return path.get(path.size() - 1);
    }
}
