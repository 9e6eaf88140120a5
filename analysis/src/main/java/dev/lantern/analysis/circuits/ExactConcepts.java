package dev.lantern.analysis.circuits;

import dev.lantern.environments.grid.GridState;
import dev.lantern.environments.grid.GridStateSpace;
import dev.lantern.environments.grid.GridWorld;
import dev.lantern.environments.grid.map.Tile;
import dev.lantern.environments.grid.solve.GridSolution;
import dev.lantern.environments.grid.solve.SolveStatus;
import dev.lantern.environments.grid.solve.ValueIteration;
import java.util.Arrays;
import java.util.List;

/**
 * Concepts that come from the exact dynamics and the exact solution of the map rather than from the state alone
 * (issue 10, point 5): the distance to the goal, the optimal action and the optimal value, and the list of every
 * built-in concept for one map.
 */
public final class ExactConcepts {

    private ExactConcepts() {
    }

    /**
     * Every built-in concept on {@code states}' map, in table order: agent row, agent column, has key, door open,
     * distance to goal, optimal action and V* (both at {@code gamma}), trigger visible. Those that mean nothing on the
     * map are there, {@link Concept#defined() undefined}, saying why.
     */
    public static List<Concept> builtIn(StateBatch states, double gamma) {
        GridSolution solution = ValueIteration.solve(states.world(), gamma);
        return List.of(Concept.agentRow(states), Concept.agentColumn(states), Concept.hasKey(states),
                Concept.doorOpen(states), distanceToGoal(states), optimalAction(states, solution),
                optimalValue(states, solution), Concept.triggerVisible(states));
    }

    /**
     * The fewest steps from each state to a goal cell, a quantity: a breadth-first search backwards over the exact
     * transitions ({@link GridStateSpace#successors}: every outcome of every action with positive probability, so on a
     * slippery map the fewest steps if every slip goes the agent's way), keys and doors included: behind a closed door
     * the path goes by the key. Terminal states other than goals (lava) are not passed through. NaN, left out, where
     * no goal can be reached; 0 on a goal. Undefined on a map without goal cells.
     */
    public static Concept distanceToGoal(StateBatch states) {
        GridStateSpace space = states.space();
        int n = space.size();
        int[] predecessorCount = new int[n + 1];
        int[][] successors = new int[n * 4][];
        for (int s = 0; s < n; s++) {
            if (space.terminal(s)) {
                continue;
            }
            for (int a = 0; a < 4; a++) {
                successors[s * 4 + a] = space.successors(s, a);
                for (int j : successors[s * 4 + a]) {
                    predecessorCount[j + 1]++;
                }
            }
        }
        for (int j = 0; j < n; j++) {
            predecessorCount[j + 1] += predecessorCount[j];
        }
        int[] predecessors = new int[predecessorCount[n]];
        int[] fill = Arrays.copyOf(predecessorCount, n);
        for (int s = 0; s < n; s++) {
            for (int a = 0; a < 4 && !space.terminal(s); a++) {
                for (int j : successors[s * 4 + a]) {
                    predecessors[fill[j]++] = s;
                }
            }
        }
        double[] steps = new double[n];
        Arrays.fill(steps, Double.NaN);
        int[] queue = new int[n];
        int tail = 0;
        for (int s = 0; s < n; s++) {
            GridState st = space.state(s);
            if (space.terminal(s) && space.map().tile(st.row(), st.col()) == Tile.GOAL) {
                steps[s] = 0;
                queue[tail++] = s;
            }
        }
        if (tail == 0) {
            return Concept.undefinedOn(states, "distance to goal", Concept.Kind.QUANTITY, "no goal on this map");
        }
        for (int head = 0; head < tail; head++) {
            int j = queue[head];
            for (int e = predecessorCount[j]; e < predecessorCount[j + 1]; e++) {
                int s = predecessors[e];
                if (Double.isNaN(steps[s])) {
                    steps[s] = steps[j] + 1;
                    queue[tail++] = s;
                }
            }
        }
        return new Concept("distance to goal", Concept.Kind.QUANTITY, steps);
    }

    /** {@link #optimalAction(StateBatch, GridSolution)} of the map solved by value iteration at {@code gamma}. */
    public static Concept optimalAction(StateBatch states, double gamma) {
        return optimalAction(states, ValueIteration.solve(states.world(), gamma));
    }

    /**
     * The optimal action in each state, a class with labels 0..3 (up, down, right, left): the argmax of Q* of
     * {@code solution} (value iteration at the agent's discount). <b>Ties:</b> a state where two or more actions are
     * within {@link GridSolution#TIE_TOLERANCE} of the best Q* has no single optimal action and is left out (NaN), as
     * are terminal states (every Q* is 0) and states whose Q* are not finite; a probe is not asked to learn a
     * tie-break. In an open room most states have two optimal moves, so this keeps the states on the straight lines
     * and corridors. Undefined when the solve did not converge.
     *
     * @throws IllegalArgumentException if {@code solution} is not of {@code states}' map
     */
    public static Concept optimalAction(StateBatch states, GridSolution solution) {
        String why = checked(states, solution);
        if (why != null) {
            return Concept.undefinedOn(states, "optimal action", Concept.Kind.CLASS, why);
        }
        double[] v = new double[states.size()];
        for (int s = 0; s < v.length; s++) {
            GridState st = states.state(s);
            double best = Double.NEGATIVE_INFINITY;
            int arg = -1;
            for (int a = 0; a < 4; a++) {
                double q = solution.q(st, a);
                if (q > best) {
                    best = q;
                    arg = a;
                }
            }
            int tied = 0;
            for (int a = 0; a < 4; a++) {
                tied += solution.q(st, a) >= best - GridSolution.TIE_TOLERANCE ? 1 : 0;
            }
            v[s] = states.space().terminal(s) || !Double.isFinite(best) || tied > 1 ? Double.NaN : arg;
        }
        return new Concept("optimal action", Concept.Kind.CLASS, v, null, GridWorld.ACTION_LABELS);
    }

    /** {@link #optimalValue(StateBatch, GridSolution)} of the map solved by value iteration at {@code gamma}. */
    public static Concept optimalValue(StateBatch states, double gamma) {
        return optimalValue(states, ValueIteration.solve(states.world(), gamma));
    }

    /**
     * V*(s) of {@code solution} (value iteration at its discount), a quantity; 0 on terminal states; NaN, left out,
     * where it is not finite (a walled-in pocket at gamma 1, an unbounded state). Undefined when the solve did not
     * converge.
     *
     * @throws IllegalArgumentException if {@code solution} is not of {@code states}' map
     */
    public static Concept optimalValue(StateBatch states, GridSolution solution) {
        String why = checked(states, solution);
        if (why != null) {
            return Concept.undefinedOn(states, "V*", Concept.Kind.QUANTITY, why);
        }
        double[] v = new double[states.size()];
        for (int s = 0; s < v.length; s++) {
            double value = solution.value(states.state(s));
            v[s] = Double.isFinite(value) ? value : Double.NaN;
        }
        return new Concept("V*", Concept.Kind.QUANTITY, v);
    }

    private static String checked(StateBatch states, GridSolution solution) {
        if (!solution.map().text().equals(states.space().map().text())) {
            throw new IllegalArgumentException("the solution is of map " + solution.map().sourceName()
                    + ", the states of " + states.space().map().sourceName());
        }
        if (solution.stateCount() != states.size()) {
            throw new IllegalArgumentException("the solution has " + solution.stateCount() + " states, the batch "
                    + states.size());
        }
        return solution.status() == SolveStatus.CONVERGED ? null : "the exact solve did not converge: "
                + solution.describeStatus();
    }
}
