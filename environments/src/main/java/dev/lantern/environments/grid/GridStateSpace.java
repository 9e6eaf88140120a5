package dev.lantern.environments.grid;

import dev.lantern.environments.grid.map.GridMap;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The full state space of a grid world as a (possibly stochastic) transition table, shared by the exact solvers
 * (package {@code grid.solve}: value iteration, policy evaluation, the finite-horizon solve) and built from the one
 * transition function {@link GridDynamics#outcomes}, so the solvers and the live world cannot disagree.
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
 *
 * <p>Memory: primitive arrays only, nothing per state but array entries (a state is its cell and a context number;
 * states are found through {@link StateIndex}): about 150 bytes a state on a map with one outcome per move, most of
 * it the four transitions.
 */
public final class GridStateSpace {

    /** The largest state space the solvers build; larger ones raise a {@link StateSpaceTooLargeException}. */
    public static final int MAX_STATES = 1_000_000;

    /** A (keys mask, extras) pair: few per map, so one object each is cheap. */
    private record Context(int mask, long extras) {
    }

    /** The contexts of a state space, numbered. */
    private static final class Contexts {
        final Map<Context, Integer> ids = new HashMap<>();
        int[] mask = new int[8];
        long[] extras = new long[8];
        int size;

        /** The number of (mask, extras), added if new. */
        int id(int m, long e) {
            Integer id = ids.get(new Context(m, e));
            if (id != null) {
                return id;
            }
            if (size == mask.length) {
                mask = Arrays.copyOf(mask, size * 2);
                extras = Arrays.copyOf(extras, size * 2);
            }
            mask[size] = m;
            extras[size] = e;
            ids.put(new Context(m, e), size);
            return size++;
        }

        /** The number of (mask, extras), or -1. */
        int find(int m, long e) {
            Integer id = ids.get(new Context(m, e));
            return id == null ? -1 : id;
        }
    }

    private final GridDynamics dynamics;
    private final Contexts contexts;
    private final StateIndex index;
    private final int[] cellOf;
    private final int[] contextOf;
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

    private GridStateSpace(GridDynamics d, Contexts contexts, StateIndex index, int[] cellOf, int[] contextOf,
            int[] first, int[] to, double[] prob, double[] reward, double[] performance, int[] startStates,
            double[] startProbabilities) {
        this.dynamics = d;
        this.contexts = contexts;
        this.index = index;
        this.cellOf = cellOf;
        this.contextOf = contextOf;
        int n = cellOf.length;
        this.terminal = new boolean[n];
        for (int s = 0; s < n; s++) {
            terminal[s] = d.terminal(cellOf[s], contexts.extras[contextOf[s]]);
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

    /**
     * The fewest steps from a start state to each state, following any outcome of any action with positive probability
     * and not leaving terminal states; -1 where no start reaches it (hypothetical states added for the heatmaps).
     */
    public int[] stepsFromStart() {
        int n = size();
        int[] steps = new int[n];
        Arrays.fill(steps, -1);
        int[] queue = new int[n];
        int head = 0;
        int tail = 0;
        for (int s : startStates) {
            if (steps[s] < 0) {
                steps[s] = 0;
                queue[tail++] = s;
            }
        }
        while (head < tail) {
            int s = queue[head++];
            if (terminal[s]) {
                continue;
            }
            for (int e = first[s * 4]; e < first[s * 4 + 4]; e++) {
                int j = to[e];
                if (steps[j] < 0) {
                    steps[j] = steps[s] + 1;
                    queue[tail++] = j;
                }
            }
        }
        return steps;
    }

    /**
     * The states that action {@code a} in state {@code s} leads to with positive probability, by state number, one entry
     * per outcome (a state may repeat); a terminal state keeps its outcomes, as {@link #backup} sees them.
     */
    public int[] successors(int s, int a) {
        int[] out = new int[first[s * 4 + a + 1] - first[s * 4 + a]];
        int n = 0;
        for (int e = first[s * 4 + a]; e < first[s * 4 + a + 1]; e++) {
            if (prob[e] > 0) {
                out[n++] = to[e];
            }
        }
        return n == out.length ? out : Arrays.copyOf(out, n);
    }

    /** Number of transitions out of state {@code s} (the outcomes of its four actions). */
    public int transitionCount(int s) {
        return first[s * 4 + 4] - first[s * 4];
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
        return indexOf(s.row() * dynamics.width + s.col(), s.keysMask(), s.extras());
    }

    /** State number {@code i} as a {@link GridState}. */
    public GridState state(int i) {
        int c = contextOf[i];
        return new GridState(cellOf[i] / dynamics.width, cellOf[i] % dynamics.width, contexts.mask[c],
                contexts.extras[c]);
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
        int c = contexts.find(mask, extras);
        return c < 0 ? -1 : index.get(key(c, cell));
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

    private static long key(int context, int cell) {
        return ((long) context << 32) | cell;
    }

    static GridStateSpace of(GridDynamics d) {
        Outcomes o = new Outcomes();
        List<long[]> starts = d.startDistribution();
        int startCell = d.startCell();

        // 1. Contexts (keys mask, extras) reachable from the start distribution: a breadth-first search over states.
        Contexts found = new Contexts();
        StateIndex seen = new StateIndex(1024);
        int[] queue = new int[64]; // pairs (cell, context)
        int tail = 0;
        for (long[] st : starts) {
            int c = found.id(0, st[0]);
            if (seen.putIfAbsent(key(c, startCell), 0) < 0) {
                queue = ensure(queue, tail + 2);
                queue[tail++] = startCell;
                queue[tail++] = c;
            }
        }
        for (int head = 0; head < tail; head += 2) {
            int cell = queue[head];
            int c = queue[head + 1];
            int mask = found.mask[c];
            long extras = found.extras[c];
            if (d.terminal(cell, extras)) {
                continue;
            }
            for (int a = 0; a < 4; a++) {
                d.outcomes(cell, mask, extras, a, o);
                for (int e = 0; e < o.count; e++) {
                    int nc = o.mask[e] == mask && o.extras[e] == extras ? c : found.id(o.mask[e], o.extras[e]);
                    if (seen.putIfAbsent(key(nc, o.cell[e]), 0) < 0) {
                        queue = ensure(queue, tail + 2);
                        queue[tail++] = o.cell[e];
                        queue[tail++] = nc;
                    }
                }
            }
            if (seen.size() > MAX_STATES) {
                throw tooLarge(d);
            }
        }
        queue = null;
        seen = null;

        // 2. Every free cell x every reachable context (sorted by mask, then extras), closed under the dynamics.
        Integer[] order = new Integer[found.size];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Contexts sortedFound = found;
        Arrays.sort(order, (x, y) -> sortedFound.mask[x] != sortedFound.mask[y]
                ? Integer.compare(sortedFound.mask[x], sortedFound.mask[y])
                : Long.compare(sortedFound.extras[x], sortedFound.extras[y]));
        Contexts contexts = new Contexts();
        for (Integer i : order) {
            contexts.id(found.mask[i], found.extras[i]);
        }
        int freeCells = 0;
        for (int cell = 0; cell < d.cells; cell++) {
            freeCells += d.tiles[cell].isFree() ? 1 : 0;
        }
        int expected = (int) Math.min(MAX_STATES + 1L, (long) freeCells * contexts.size);
        StateIndex index = new StateIndex(expected);
        int[] cellOf = new int[Math.max(16, expected)];
        int[] contextOf = new int[cellOf.length];
        int n = 0;
        for (int c = 0; c < contexts.size; c++) {
            long extras = contexts.extras[c];
            for (int cell = 0; cell < d.cells; cell++) {
                if (d.tiles[cell].isFree() && (d.boxCount == 0 || d.boxAt(extras, cell) < 0)) {
                    if (n == cellOf.length) {
                        cellOf = Arrays.copyOf(cellOf, n * 2);
                        contextOf = Arrays.copyOf(contextOf, n * 2);
                    }
                    index.putIfAbsent(key(c, cell), n);
                    cellOf[n] = cell;
                    contextOf[n] = c;
                    n++;
                }
            }
            if (n > MAX_STATES) {
                throw tooLarge(d);
            }
        }
        int[] first = new int[4 * n + 1];
        int capacity = 4 * n + 64; // one outcome per move on most maps
        int[] to = new int[capacity];
        double[] prob = new double[capacity];
        double[] reward = new double[capacity];
        double[] perf = new double[capacity];
        int edges = 0;
        for (int s = 0; s < n; s++) { // n grows while we walk the states
            int cell = cellOf[s];
            int c = contextOf[s];
            int mask = contexts.mask[c];
            long extras = contexts.extras[c];
            for (int a = 0; a < 4; a++) {
                if (s * 4 + a + 1 >= first.length) {
                    first = Arrays.copyOf(first, first.length * 2);
                }
                d.outcomes(cell, mask, extras, a, o);
                if (edges + o.count > to.length) {
                    int cap = to.length * 2;
                    to = Arrays.copyOf(to, cap);
                    prob = Arrays.copyOf(prob, cap);
                    reward = Arrays.copyOf(reward, cap);
                    perf = Arrays.copyOf(perf, cap);
                }
                for (int e = 0; e < o.count; e++) {
                    int nc = o.mask[e] == mask && o.extras[e] == extras ? c : contexts.id(o.mask[e], o.extras[e]);
                    int j = index.putIfAbsent(key(nc, o.cell[e]), n);
                    if (j < 0) {
                        j = n;
                        if (n == cellOf.length) {
                            cellOf = Arrays.copyOf(cellOf, n * 2);
                            contextOf = Arrays.copyOf(contextOf, n * 2);
                        }
                        cellOf[n] = o.cell[e];
                        contextOf[n] = nc;
                        n++;
                    }
                    to[edges] = j;
                    prob[edges] = o.prob[e];
                    reward[edges] = o.reward[e];
                    perf[edges] = o.performance[e];
                    edges++;
                }
                first[s * 4 + a + 1] = edges;
            }
            if (n > MAX_STATES) {
                throw tooLarge(d);
            }
        }
        int[] startStates = new int[starts.size()];
        double[] startProbabilities = new double[starts.size()];
        for (int i = 0; i < starts.size(); i++) {
            startStates[i] = index.get(key(contexts.find(0, starts.get(i)[0]), startCell));
            startProbabilities[i] = Double.longBitsToDouble(starts.get(i)[1]);
        }
        return new GridStateSpace(d, contexts, index, Arrays.copyOf(cellOf, n), Arrays.copyOf(contextOf, n),
                first.length == n * 4 + 1 ? first : Arrays.copyOf(first, n * 4 + 1), to, prob, reward, perf,
                startStates, startProbabilities);
    }

    private static int[] ensure(int[] a, int length) {
        return length <= a.length ? a : Arrays.copyOf(a, Math.max(length, a.length * 2));
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
