package dev.lantern.environments.grid;

import dev.lantern.environments.grid.map.GridMap;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The full state space of a grid world as a (possibly stochastic) transition table, shared by the exact solvers
 * (package {@code grid.solve}: value iteration, policy evaluation) and built from the one transition function
 * {@link GridDynamics#outcomes}, so the solvers and the live world cannot disagree.
 *
 * <p>First the <em>contexts</em> (keys mask, extras) reachable from the start distribution are found (breadth-first
 * search over whole states, not expanding terminal ones). The state space is then every non-wall cell not covered by
 * a box, paired with every such context, closed under the dynamics (a hypothetical state, e.g. an agent behind a door
 * without a key, may reach a context the start never does; that state is added too). States are numbered in that
 * order (contexts sorted by keys mask, then extras; cells in reading order).
 *
 * <p>Transitions are stored compressed: the outcomes of state {@code s} and action {@code a} are entries
 * {@code first[4s + a] .. first[4s + a + 1] - 1} of {@code to}, {@code prob}, {@code reward}, {@code performance};
 * {@link #backup} sums them. Terminal states keep their outcomes (they are never used). {@link #live(int)} tells
 * whether a terminal state can be reached from a state with positive probability. At most {@value #MAX_STATES}
 * states. Immutable.
 */
public final class GridStateSpace {

    /** The largest state space the solvers build; larger ones raise a {@link StateSpaceTooLargeException}. */
    public static final int MAX_STATES = 1_000_000;

    private record Key(int cell, int mask, long extras) {
    }

    private final GridDynamics dynamics;
    private final Map<Key, Integer> index;
    private final int[] cellOf;
    private final int[] maskOf;
    private final long[] extrasOf;
    final int[] first;
    final int[] to;
    final double[] prob;
    final double[] reward;
    final double[] performance;
    final boolean[] terminal;
    final boolean[] live;
    /** Start states and their probabilities. */
    final int[] startStates;
    final double[] startProbabilities;

    private GridStateSpace(GridDynamics d, Map<Key, Integer> index, List<Key> states, int[] first, int[] to,
            double[] prob, double[] reward, double[] performance, int[] startStates, double[] startProbabilities) {
        this.dynamics = d;
        this.index = index;
        int n = states.size();
        this.cellOf = new int[n];
        this.maskOf = new int[n];
        this.extrasOf = new long[n];
        this.terminal = new boolean[n];
        for (int s = 0; s < n; s++) {
            Key k = states.get(s);
            cellOf[s] = k.cell();
            maskOf[s] = k.mask();
            extrasOf[s] = k.extras();
            terminal[s] = d.terminal(k.cell(), k.extras());
        }
        this.first = first;
        this.to = to;
        this.prob = prob;
        this.reward = reward;
        this.performance = performance;
        this.startStates = startStates;
        this.startProbabilities = startProbabilities;
        this.live = liveStates();
    }

    /**
     * The state space of {@code env}'s map (its current state is untouched).
     *
     * @throws StateSpaceTooLargeException if it has more than {@value #MAX_STATES} states
     */
    public static GridStateSpace of(GridWorld env) {
        return of(env.dynamics());
    }

    /** Number of states. */
    public int size() {
        return cellOf.length;
    }

    /** Number of transitions (outcomes of every state and action, terminal states' included). */
    public long transitionCount() {
        return first[first.length - 1];
    }

    /** The map whose states these are. */
    public GridMap map() {
        return dynamics.map;
    }

    /** The extras of the start before the per-episode draws (boxes where the map puts them; see {@link GridState}). */
    public long startExtras() {
        return dynamics.startExtras;
    }

    /** The state number of {@code s}, or -1 if it is outside the space. */
    public int indexOf(GridState s) {
        if (s == null || !dynamics.map.contains(s.row(), s.col())) {
            return -1;
        }
        Integer i = index.get(new Key(s.row() * dynamics.width + s.col(), s.keysMask(), s.extras()));
        return i == null ? -1 : i;
    }

    /** State number {@code i} as a {@link GridState}. */
    public GridState state(int i) {
        return new GridState(cellOf[i] / dynamics.width, cellOf[i] % dynamics.width, maskOf[i], extrasOf[i]);
    }

    /** Whether state {@code s} is terminal (on a goal or lava cell, or interrupted). */
    public boolean terminal(int s) {
        return terminal[s];
    }

    /** Whether a terminal state can be reached from state {@code s} with positive probability. */
    public boolean live(int s) {
        return live[s];
    }

    /** The expected value of the start distribution, {@code sum_i P(start i) * v[start i]}, {@code v} by state number. */
    public double startValue(double[] v) {
        double value = 0;
        for (int i = 0; i < startStates.length; i++) {
            value += startProbabilities[i] * v[startStates[i]];
        }
        return value;
    }

    /** The state number of (flat cell {@code row * width + col}, keys mask, extras), or -1. */
    public int indexOf(int cell, int mask, long extras) {
        Integer i = index.get(new Key(cell, mask, extras));
        return i == null ? -1 : i;
    }

    /**
     * The expected one-step backup {@code sum_outcomes p * (r + (terminal ? 0 : gamma * v[next]))} of action {@code a}
     * in state {@code s}, with {@code v} indexed by state number.
     */
    public double backup(int s, int a, double[] v, double gamma) {
        double q = 0;
        for (int e = first[s * 4 + a]; e < first[s * 4 + a + 1]; e++) {
            int j = to[e];
            q += prob[e] * (reward[e] + (terminal[j] ? 0.0 : gamma * v[j]));
        }
        return q;
    }

    static GridStateSpace of(GridDynamics d) {
        Outcomes o = new Outcomes();
        List<long[]> starts = d.startDistribution();
        int startCell = d.startCell();

        // 1. Contexts (keys mask, extras) reachable from the start distribution.
        Comparator<Key> byContext = Comparator.comparingInt(Key::mask).thenComparingLong(Key::extras);
        TreeSet<Key> contexts = new TreeSet<>(byContext);
        Set<Key> seen = new HashSet<>();
        ArrayDeque<Key> queue = new ArrayDeque<>();
        for (long[] st : starts) {
            Key k = new Key(startCell, 0, st[0]);
            if (seen.add(k)) {
                queue.add(k);
            }
        }
        while (!queue.isEmpty()) {
            Key s = queue.poll();
            contexts.add(new Key(0, s.mask(), s.extras()));
            if (d.terminal(s.cell(), s.extras())) {
                continue;
            }
            for (int a = 0; a < 4; a++) {
                d.outcomes(s.cell(), s.mask(), s.extras(), a, o);
                for (int e = 0; e < o.count; e++) {
                    Key k = new Key(o.cell[e], o.mask[e], o.extras[e]);
                    if (seen.add(k)) {
                        queue.add(k);
                    }
                }
            }
            if (seen.size() > MAX_STATES) {
                throw tooLarge(d);
            }
        }

        // 2. Every free cell x every reachable context, closed under the dynamics.
        Map<Key, Integer> index = new HashMap<>();
        List<Key> states = new ArrayList<>();
        for (Key ctx : contexts) {
            for (int cell = 0; cell < d.cells; cell++) {
                if (d.tiles[cell].isFree() && (d.boxCount == 0 || d.boxAt(ctx.extras(), cell) < 0)) {
                    Key k = new Key(cell, ctx.mask(), ctx.extras());
                    index.put(k, states.size());
                    states.add(k);
                }
            }
            if (states.size() > MAX_STATES) {
                throw tooLarge(d);
            }
        }
        int[] first = new int[16];
        int[] to = new int[64];
        double[] prob = new double[64];
        double[] reward = new double[64];
        double[] perf = new double[64];
        int edges = 0;
        for (int s = 0; s < states.size(); s++) { // states grows while we walk it
            Key k = states.get(s);
            for (int a = 0; a < 4; a++) {
                if (s * 4 + a + 1 >= first.length) {
                    first = Arrays.copyOf(first, first.length * 2);
                }
                d.outcomes(k.cell(), k.mask(), k.extras(), a, o);
                if (edges + o.count > to.length) {
                    int cap = to.length * 2;
                    to = Arrays.copyOf(to, cap);
                    prob = Arrays.copyOf(prob, cap);
                    reward = Arrays.copyOf(reward, cap);
                    perf = Arrays.copyOf(perf, cap);
                }
                for (int e = 0; e < o.count; e++) {
                    Key nk = new Key(o.cell[e], o.mask[e], o.extras[e]);
                    Integer j = index.get(nk);
                    if (j == null) {
                        j = states.size();
                        index.put(nk, j);
                        states.add(nk);
                    }
                    to[edges] = j;
                    prob[edges] = o.prob[e];
                    reward[edges] = o.reward[e];
                    perf[edges] = o.performance[e];
                    edges++;
                }
                first[s * 4 + a + 1] = edges;
            }
            if (states.size() > MAX_STATES) {
                throw tooLarge(d);
            }
        }
        int n = states.size();
        int[] startStates = new int[starts.size()];
        double[] startProbabilities = new double[starts.size()];
        for (int i = 0; i < starts.size(); i++) {
            startStates[i] = index.get(new Key(startCell, 0, starts.get(i)[0]));
            startProbabilities[i] = Double.longBitsToDouble(starts.get(i)[1]);
        }
        return new GridStateSpace(d, index, states, Arrays.copyOf(first, n * 4 + 1), to, prob, reward, perf,
                startStates, startProbabilities);
    }

    private static StateSpaceTooLargeException tooLarge(GridDynamics d) {
        return new StateSpaceTooLargeException("the state space of " + d.map.sourceName() + " has more than " + MAX_STATES
                + " states; the exact solvers do not handle it");
    }

    /**
     * The states whose optimal undiscounted return is unbounded: from each, some policy reaches with positive
     * probability a set of non-terminal states where it can stay forever and collect a positive expected reward on
     * every step (reward-gaming's bucket; any state that can bump against a wall when the step reward is positive).
     * Without a time limit and with γ = 1 such a state has no finite optimal value. The converse does not hold: a
     * cycle that pays +1 and -0.5 by turns is not found (its states' values then fail to converge instead).
     *
     * <p>The set is the largest fixed point of "has an action with positive expected reward whose outcomes all stay
     * in the set", found by removing states until none is left to remove, then closed backwards under reachability.
     */
    public boolean[] unboundedStates() {
        int n = size();
        boolean[] in = new boolean[n];
        boolean[] valid = new boolean[n * 4];
        int[] validActions = new int[n];
        boolean any = false;
        for (int s = 0; s < n; s++) {
            if (terminal[s]) {
                continue;
            }
            for (int a = 0; a < 4; a++) {
                double expected = 0;
                boolean staysLive = true;
                for (int e = first[s * 4 + a]; e < first[s * 4 + a + 1]; e++) {
                    expected += prob[e] * reward[e];
                    staysLive &= !terminal[to[e]];
                }
                if (staysLive && expected > 0) {
                    valid[s * 4 + a] = true;
                    validActions[s]++;
                }
            }
            in[s] = validActions[s] > 0;
            any |= in[s];
        }
        if (!any) {
            return in;
        }
        // (state, action) pairs by the states their outcomes reach, to withdraw a pair when one of them leaves the set
        int[] start = new int[n + 1];
        for (int e = 0; e < first[n * 4]; e++) {
            start[to[e] + 1]++;
        }
        for (int s = 0; s < n; s++) {
            start[s + 1] += start[s];
        }
        int[] fill = start.clone();
        int[] pairs = new int[start[n]];
        for (int p = 0; p < n * 4; p++) {
            for (int e = first[p]; e < first[p + 1]; e++) {
                pairs[fill[to[e]]++] = p;
            }
        }
        int[] queue = new int[n];
        int head = 0;
        int tail = 0;
        for (int s = 0; s < n; s++) {
            if (!in[s]) {
                queue[tail++] = s;
            }
        }
        while (head < tail) {
            int t = queue[head++];
            for (int i = start[t]; i < start[t + 1]; i++) {
                int p = pairs[i];
                if (valid[p]) {
                    valid[p] = false;
                    int s = p / 4;
                    if (--validActions[s] == 0 && in[s]) {
                        in[s] = false;
                        queue[tail++] = s;
                    }
                }
            }
        }
        return reaching(in);
    }

    /** Which states can reach a terminal state: a backward search over the transition graph. */
    private boolean[] liveStates() {
        return reaching(terminal);
    }

    /**
     * The states from which a state in {@code targets} can be reached with positive probability (the targets
     * included), leaving terminal states only if they are targets: a backward search over the transition graph.
     */
    private boolean[] reaching(boolean[] targets) {
        int n = size();
        int[] inStart = new int[n + 1];
        for (int s = 0; s < n; s++) {
            if (!terminal[s]) {
                for (int e = first[s * 4]; e < first[s * 4 + 4]; e++) {
                    inStart[to[e] + 1]++;
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
                for (int e = first[s * 4]; e < first[s * 4 + 4]; e++) {
                    predecessors[fill[to[e]]++] = s;
                }
            }
        }
        boolean[] result = new boolean[n];
        int[] queue = new int[n];
        int head = 0;
        int tail = 0;
        for (int s = 0; s < n; s++) {
            if (targets[s]) {
                result[s] = true;
                queue[tail++] = s;
            }
        }
        while (head < tail) {
            int s = queue[head++];
            for (int p = inStart[s]; p < inStart[s + 1]; p++) {
                int q = predecessors[p];
                if (!result[q]) {
                    result[q] = true;
                    queue[tail++] = q;
                }
            }
        }
        return result;
    }
}
