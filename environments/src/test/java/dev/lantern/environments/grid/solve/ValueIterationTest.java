package dev.lantern.environments.grid.solve;

import static dev.lantern.environments.grid.GridWorld.ACTION_DOWN;
import static dev.lantern.environments.grid.GridWorld.ACTION_LEFT;
import static dev.lantern.environments.grid.GridWorld.ACTION_RIGHT;
import static dev.lantern.environments.grid.GridWorld.ACTION_UP;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lantern.environments.grid.GridState;
import dev.lantern.environments.grid.GridWorld;
import dev.lantern.environments.grid.GridWorldTest;
import dev.lantern.environments.grid.map.GridMap;
import dev.lantern.environments.grid.map.GridRules;
import dev.lantern.environments.grid.map.Tile;
import dev.lantern.environments.registry.EnvRegistry;
import java.util.ArrayDeque;
import org.junit.jupiter.api.Test;

class ValueIterationTest {

    private static final double EPS = 1e-12;

    private static GridState s(int row, int col) {
        return new GridState(row, col, 0);
    }

    @Test
    void corridorWithoutDiscount() {
        GridSolution sol = ValueIteration.solve(GridWorldTest.world("S.G\n", 100), 1.0);
        assertTrue(sol.converged());
        assertEquals(3, sol.stateCount());
        assertEquals(1.0, sol.gamma());
        assertEquals(0.98, sol.value(s(0, 0)), EPS);
        assertEquals(0.99, sol.value(s(0, 1)), EPS);
        assertEquals(0.0, sol.value(s(0, 2)), EPS);
        assertEquals(0.98, sol.q(s(0, 0), ACTION_RIGHT), EPS);
        assertEquals(0.97, sol.q(s(0, 0), ACTION_LEFT), EPS); // off the grid: bump, then optimal
        assertEquals(0.97, sol.q(s(0, 0), ACTION_UP), EPS);
        assertEquals(0.99, sol.q(s(0, 1), ACTION_RIGHT), EPS);
        assertEquals(0.97, sol.q(s(0, 1), ACTION_LEFT), EPS);
        assertEquals(0.98, sol.q(s(0, 1), ACTION_DOWN), EPS); // bump in the middle
        assertEquals(0.0, sol.q(s(0, 2), ACTION_LEFT), EPS); // terminal
        assertEquals(ACTION_RIGHT, sol.greedyAction(s(0, 0)));
        assertEquals(ACTION_RIGHT, sol.greedyAction(s(0, 1)));
        assertEquals(0, sol.greedyAction(s(0, 2)));
        assertEquals(0.98, sol.optimalReturn(), EPS);
    }

    @Test
    void corridorWithDiscount() {
        GridSolution sol = ValueIteration.solve(GridWorldTest.world("S.G\n", 100), 0.9);
        assertEquals(0.99, sol.value(s(0, 1)), EPS);
        assertEquals(-0.01 + 0.9 * 0.99, sol.value(s(0, 0)), EPS); // 0.881
        assertEquals(0.881, sol.value(s(0, 0)), EPS);
        assertEquals(-0.01 + 0.9 * 0.881, sol.q(s(0, 0), ACTION_LEFT), EPS); // 0.7829
        assertEquals(0.7829, sol.q(s(0, 1), ACTION_LEFT), EPS);
        assertEquals(0.881, sol.q(s(0, 1), ACTION_UP), EPS);
        assertEquals(0.98, sol.optimalReturn(), EPS); // undiscounted
    }

    @Test
    void lavaQValue() {
        GridSolution sol = ValueIteration.solve(GridWorldTest.world("LS.G\n", 100), 1.0);
        assertEquals(-1.01, sol.q(s(0, 1), ACTION_LEFT), EPS);
        assertEquals(0.98, sol.value(s(0, 1)), EPS);
        assertEquals(0.0, sol.value(s(0, 0)), EPS);
        assertEquals(0.98 - 0.01, sol.q(s(0, 1), ACTION_UP), EPS);
    }

    @Test
    void pocketsWithoutATerminalGetTheLimitValue() {
        GridWorld env = GridWorldTest.world("S.G#.\n", 100);
        GridSolution undiscounted = ValueIteration.solve(env, 1.0);
        assertTrue(undiscounted.converged());
        assertEquals(Double.NEGATIVE_INFINITY, undiscounted.value(s(0, 4)));
        assertEquals(Double.NEGATIVE_INFINITY, undiscounted.q(s(0, 4), ACTION_LEFT));
        assertEquals(0, undiscounted.greedyAction(s(0, 4)));
        assertEquals(0.98, undiscounted.value(s(0, 0)), EPS);
        GridSolution discounted = ValueIteration.solve(env, 0.9);
        assertEquals(-0.1, discounted.value(s(0, 4)), EPS);
        assertEquals(-0.1, discounted.q(s(0, 4), ACTION_RIGHT), EPS);
    }

    @Test
    void keyDoorTinyMap() {
        // k . S
        // # D #
        // # G #
        GridWorld env = GridWorldTest.world("k.S\n#D#\n#G#\n", 100);
        GridSolution sol = ValueIteration.solve(env, 1.0);
        // S -> (0,1) -> key (0,0) -> (0,1) -> door (1,1) -> goal (2,1): 5 steps.
        assertEquals(0.95, sol.value(new GridState(0, 2, 0)), EPS);
        assertEquals(0.96, sol.value(new GridState(0, 1, 0)), EPS);
        assertEquals(0.97, sol.value(new GridState(0, 0, 1)), EPS);
        assertEquals(0.98, sol.value(new GridState(0, 1, 1)), EPS);
        assertEquals(0.99, sol.value(new GridState(1, 1, 1)), EPS);
        assertEquals(0.95, sol.q(new GridState(0, 1, 0), ACTION_DOWN), EPS); // closed door: a bump
        assertEquals(0.98, sol.q(new GridState(0, 1, 1), ACTION_DOWN), EPS); // open door
        assertEquals(0.94, sol.q(new GridState(0, 2, 0), ACTION_DOWN), EPS); // wall
        assertEquals(ACTION_LEFT, sol.greedyAction(new GridState(0, 2, 0)));
        assertEquals(ACTION_LEFT, sol.greedyAction(new GridState(0, 1, 0)));
        assertEquals(ACTION_RIGHT, sol.greedyAction(new GridState(0, 0, 1)));
        assertEquals(ACTION_DOWN, sol.greedyAction(new GridState(0, 1, 1)));
        assertEquals(0.95, sol.optimalReturn(), EPS);
        // Hypothetical state: standing on the door without a key.
        assertEquals(0.99, sol.value(new GridState(1, 1, 0)), EPS);

        GridSolution discounted = ValueIteration.solve(env, 0.9);
        double v11 = 0.99;
        double v01k = -0.01 + 0.9 * v11;   // 0.881
        double v00k = -0.01 + 0.9 * v01k;  // 0.7829
        double v01 = -0.01 + 0.9 * v00k;   // 0.69461
        double v02 = -0.01 + 0.9 * v01;    // 0.615149
        assertEquals(0.615149, v02, EPS);
        assertEquals(v02, discounted.value(new GridState(0, 2, 0)), EPS);
        assertEquals(v01, discounted.value(new GridState(0, 1, 0)), EPS);
        assertEquals(v00k, discounted.value(new GridState(0, 0, 1)), EPS);
        assertEquals(-0.01 + 0.9 * v01, discounted.q(new GridState(0, 1, 0), ACTION_DOWN), EPS);
        assertEquals(0.95, discounted.optimalReturn(), EPS);
    }

    @Test
    void fourRoomsOptimalReturnIsPointEight() {
        GridWorld env = EnvRegistry.make("grid/four-rooms-v1");
        GridSolution sol = ValueIteration.solve(env, 1.0);
        assertTrue(sol.converged());
        assertEquals(20, shortestPath(env));
        assertEquals(0.80, sol.optimalReturn(), 1e-9);
        assertEquals(0.80, sol.value(new GridState(1, 1, 0)), 1e-9);
        assertEquals(104, sol.stateCount());
        assertFalse(env.episodeOver() && env.stepsTaken() != 0, "solving must not touch the world");
    }

    @Test
    void registeredMapsMatchTheBreadthFirstShortestPath() {
        for (String id : EnvRegistry.ids()) {
            GridWorld env = EnvRegistry.make(id);
            if (env.map().extended() || !env.map().rules().equals(GridRules.defaults())) {
                continue; // other rewards or stochastic moves: covered by GridMechanicsTest and TransitionModelTest
            }
            int d = shortestPath(env);
            GridSolution sol = ValueIteration.solve(env, 1.0);
            assertEquals(1.0 - 0.01 * d, sol.optimalReturn(), 1e-9, id);
            assertEquals(1.0 - 0.01 * d, sol.value(env.state()), 1e-9, id);
            GridSolution discounted = ValueIteration.solve(env, 0.9);
            double expected = -0.01 * (1 - Math.pow(0.9, d - 1)) / (1 - 0.9) + Math.pow(0.9, d - 1) * 0.99;
            assertEquals(expected, discounted.value(env.state()), 1e-9, id);
        }
        assertEquals(13, shortestPath(EnvRegistry.make("grid/key-door-v1")));
        assertEquals(10, shortestPath(EnvRegistry.make("grid/empty-8x8-v1")));
    }

    @Test
    void keyDoorNeedsTheKey() {
        GridWorld env = EnvRegistry.make("grid/key-door-v1");
        GridSolution sol = ValueIteration.solve(env, 1.0);
        assertEquals(0.87, sol.optimalReturn(), 1e-9);
        // Without a key the goal room is reachable only through the door, so the first moves head for the key.
        GridMap map = env.map();
        assertEquals(1, map.keyCount());
        assertEquals(ACTION_DOWN, sol.greedyAction(new GridState(map.start().row(), map.start().col(), 0)));
        double[] heat = sol.valueMap(1);
        assertEquals(map.height() * map.width(), heat.length);
        assertTrue(Double.isNaN(heat[0]), "walls are NaN");
        assertEquals(0.99, heat[2 * map.width() + 8], 1e-9); // just above the goal at (3, 8)
    }

    @Test
    void optimalReturnRespectsTheTimeLimit() {
        GridWorld env = EnvRegistry.make("grid/four-rooms-v1", 10);
        GridSolution sol = ValueIteration.solve(env, 1.0);
        assertEquals(-0.10, sol.optimalReturn(), 1e-9); // ten steps, then truncated
        assertEquals(0.80, sol.value(env.state()), 1e-9); // the values ignore the limit
    }

    @Test
    void rejectsBadArgumentsAndUnknownStates() {
        GridWorld env = GridWorldTest.world("S.G\n", 10);
        assertThrows(IllegalArgumentException.class, () -> ValueIteration.solve(env, 0.0));
        assertThrows(IllegalArgumentException.class, () -> ValueIteration.solve(env, 1.5));
        assertThrows(IllegalArgumentException.class, () -> ValueIteration.solve(env, Double.NaN));
        GridSolution sol = ValueIteration.solve(env, 1.0);
        assertThrows(IllegalArgumentException.class, () -> sol.value(new GridState(0, 0, 1)));
        assertThrows(IllegalArgumentException.class, () -> sol.value(new GridState(3, 0, 0)));
        assertThrows(IllegalArgumentException.class, () -> sol.q(new GridState(0, 0, 0), 4));
        assertFalse(sol.contains(new GridState(0, 0, 1)));
        assertTrue(sol.contains(new GridState(0, 1, 0)));
    }

    /** Independent oracle: breadth-first search over (cell, keys mask), rules re-implemented from the map. */
    static int shortestPath(GridWorld env) {
        GridMap m = env.map();
        int h = m.height();
        int w = m.width();
        int masks = 1 << m.keyCount();
        int[] dist = new int[h * w * masks];
        java.util.Arrays.fill(dist, -1);
        ArrayDeque<int[]> queue = new ArrayDeque<>();
        dist[(m.start().row() * w + m.start().col()) * masks] = 0;
        queue.add(new int[] {m.start().row(), m.start().col(), 0});
        int[][] moves = {{-1, 0}, {1, 0}, {0, 1}, {0, -1}};
        while (!queue.isEmpty()) {
            int[] s = queue.poll();
            int d = dist[(s[0] * w + s[1]) * masks + s[2]];
            if (m.tile(s[0], s[1]) == Tile.GOAL) {
                return d;
            }
            if (m.tile(s[0], s[1]) == Tile.LAVA) {
                continue;
            }
            for (int[] mv : moves) {
                int r = s[0] + mv[0];
                int c = s[1] + mv[1];
                if (!m.contains(r, c) || m.tile(r, c) == Tile.WALL || (m.tile(r, c) == Tile.DOOR && s[2] == 0)) {
                    continue;
                }
                int mask = m.keyIndex(r, c) >= 0 ? s[2] | (1 << m.keyIndex(r, c)) : s[2];
                int i = (r * w + c) * masks + mask;
                if (dist[i] < 0) {
                    dist[i] = d + 1;
                    queue.add(new int[] {r, c, mask});
                }
            }
        }
        throw new AssertionError("no path to a goal");
    }
}
