package dev.lantern.environments.grid;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The full state space of a grid world as a deterministic transition table, shared by the exact solvers
 * ({@link ValueIteration}, {@link PolicyEvaluation}).
 *
 * <p>First the keys masks reachable from the start are found (breadth-first search over (cell, keys mask), not
 * expanding goal and lava). The state space is then every non-wall cell paired with every such mask, closed under
 * the dynamics (a hypothetical state, e.g. an agent behind a door without a key, may pick up a key that yields a mask
 * the start never reaches; that state is added too). States are numbered in that order; for state {@code s} and
 * action {@code a}, {@code next[4s + a]} is the successor and {@code reward[4s + a]} the reward of the step.
 * {@code live[s]} tells whether a terminal state can be reached from {@code s} at all.
 */
final class GridStateSpace {

    final GridDynamics dynamics;
    /** (cell, mask) key → state number. */
    final Map<Long, Integer> index;
    /** {cell, mask} per state. */
    final List<int[]> states;
    final int[] next;
    final double[] reward;
    final boolean[] terminal;
    final boolean[] live;

    private GridStateSpace(GridDynamics d, Map<Long, Integer> index, List<int[]> states, int[] next, double[] reward,
            boolean[] terminal, boolean[] live) {
        this.dynamics = d;
        this.index = index;
        this.states = states;
        this.next = next;
        this.reward = reward;
        this.terminal = terminal;
        this.live = live;
    }

    /** Number of states. */
    int size() {
        return states.size();
    }

    /** The state number of {@code s}, or -1 if it is outside the space. */
    int indexOf(GridState s) {
        if (!dynamics.map.contains(s.row(), s.col())) {
            return -1;
        }
        Integer i = index.get(key(dynamics, s.row() * dynamics.width + s.col(), s.keysMask()));
        return i == null ? -1 : i;
    }

    /** State number {@code i} as a {@link GridState}. */
    GridState state(int i) {
        int[] cm = states.get(i);
        return new GridState(cm[0] / dynamics.width, cm[0] % dynamics.width, cm[1]);
    }

    static long key(GridDynamics d, int cell, int mask) {
        return (long) mask * d.cells + cell;
    }

    static GridStateSpace of(GridDynamics d) {
        // 1. Keys masks reachable from the start.
        TreeSet<Integer> masks = new TreeSet<>();
        Map<Long, Boolean> seen = new HashMap<>();
        ArrayDeque<long[]> queue = new ArrayDeque<>();
        int start = d.map.start().row() * d.width + d.map.start().col();
        seen.put(key(d, start, 0), Boolean.TRUE);
        queue.add(new long[] {start, 0});
        while (!queue.isEmpty()) {
            long[] s = queue.poll();
            int cell = (int) s[0];
            int mask = (int) s[1];
            masks.add(mask);
            if (d.terminal(cell)) {
                continue;
            }
            for (int a = 0; a < 4; a++) {
                int nxt = d.next(cell, mask, a);
                int nextMask = d.maskAfter(nxt, mask);
                if (seen.putIfAbsent(key(d, nxt, nextMask), Boolean.TRUE) == null) {
                    queue.add(new long[] {nxt, nextMask});
                }
            }
        }

        // 2. Every free cell x every reachable mask, closed under the dynamics.
        Map<Long, Integer> index = new HashMap<>();
        List<int[]> states = new ArrayList<>();
        for (int mask : masks) {
            for (int cell = 0; cell < d.cells; cell++) {
                if (d.tiles[cell].isFree()) {
                    index.put(key(d, cell, mask), states.size());
                    states.add(new int[] {cell, mask});
                }
            }
        }
        List<Integer> nextList = new ArrayList<>();
        for (int s = 0; s < states.size(); s++) { // states grows while we walk it
            int cell = states.get(s)[0];
            int mask = states.get(s)[1];
            for (int a = 0; a < 4; a++) {
                int nxt = d.next(cell, mask, a);
                int nextMask = d.maskAfter(nxt, mask);
                Integer j = index.get(key(d, nxt, nextMask));
                if (j == null) {
                    j = states.size();
                    index.put(key(d, nxt, nextMask), j);
                    states.add(new int[] {nxt, nextMask});
                }
                nextList.add(j);
            }
        }
        int n = states.size();
        int[] next = new int[n * 4];
        double[] reward = new double[n * 4];
        boolean[] terminal = new boolean[n];
        for (int s = 0; s < n; s++) {
            terminal[s] = d.terminal(states.get(s)[0]);
            for (int a = 0; a < 4; a++) {
                next[s * 4 + a] = nextList.get(s * 4 + a);
                reward[s * 4 + a] = d.reward(states.get(next[s * 4 + a])[0]);
            }
        }
        return new GridStateSpace(d, index, states, next, reward, terminal, liveStates(n, next, terminal));
    }

    /** Which states can reach a terminal state: a backward search over the transition graph. */
    private static boolean[] liveStates(int n, int[] next, boolean[] terminal) {
        int[] inStart = new int[n + 1];
        for (int s = 0; s < n; s++) {
            if (!terminal[s]) {
                for (int a = 0; a < 4; a++) {
                    inStart[next[s * 4 + a] + 1]++;
                }
            }
        }
        for (int s = 0; s < n; s++) {
            inStart[s + 1] += inStart[s];
        }
        int[] fill = inStart.clone();
        int[] predecessors = new int[inStart[n]];
        for (int s = 0; s < n; s++) {
            if (!terminal[s]) {
                for (int a = 0; a < 4; a++) {
                    predecessors[fill[next[s * 4 + a]]++] = s;
                }
            }
        }
        boolean[] live = new boolean[n];
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        for (int s = 0; s < n; s++) {
            if (terminal[s]) {
                live[s] = true;
                queue.add(s);
            }
        }
        while (!queue.isEmpty()) {
            int s = queue.poll();
            for (int p = inStart[s]; p < inStart[s + 1]; p++) {
                int q = predecessors[p];
                if (!live[q]) {
                    live[q] = true;
                    queue.add(q);
                }
            }
        }
        return live;
    }
}
