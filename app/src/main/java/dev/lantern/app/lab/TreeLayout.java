package dev.lantern.app.lab;

import dev.lantern.agents.mcts.Node;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The drawing model of a search tree: every node flattened into arrays in breadth-first order (index 0 is the root,
 * a node's children are contiguous and in action order, each depth is one contiguous index range whose visible nodes
 * have non-decreasing x), with its statistics and the position the layout gives it, in world pixels at zoom 1.
 *
 * <p>The layout follows the tidy-tree rules except compaction, in O(n): every depth on its own line
 * ({@code y = (depth + 0.5) * LEVEL}), visible leaves (nodes without children or collapsed) one {@link #SLOT} apart
 * in depth-first order, every parent centred over its first and last child, so no two nodes overlap and equal
 * subtrees are drawn alike. A node's radius is {@code R_MAX * sqrt(visits / root visits)}, at least {@link #R_MIN},
 * capped so it stays inside its own leaf range. A hidden node (below a collapsed one) sits on its collapsed
 * ancestor's x, which keeps each depth's x sorted for culling by binary search. FX thread only; {@link #relayout()}
 * after collapsing.
 */
public final class TreeLayout<S> {

    /** Horizontal distance between neighbouring visible leaves, world pixels. */
    public static final double SLOT = 28;
    /** Vertical distance between depths, world pixels. */
    public static final double LEVEL = 90;
    /** Radius of a node with all the root's visits, world pixels. */
    public static final double R_MAX = 22;
    /** Smallest radius, world pixels. */
    public static final double R_MIN = 2.5;

    private final int n;
    private final int[] parent;
    private final int[] action;
    private final int[] visits;
    private final double[] q;
    private final double[] prior;
    private final int[] depth;
    private final int[] firstChild;
    private final int[] childCount;
    private final int[] rowStart;
    private final List<S> states;
    private final boolean[] collapsed;
    private final boolean[] hidden;
    private final double[] x;
    private final double[] radius;
    private final int[] leaves;
    private final int[] slot;
    private double width;
    private int visibleDepths;

    private TreeLayout(int[] parent, int[] action, int[] visits, double[] q, double[] prior, List<S> states) {
        this.n = parent.length;
        List<String> problems = new ArrayList<>();
        if (n == 0 || parent[0] != -1) {
            problems.add("parent[0] must be -1 (the root), got " + (n == 0 ? "no nodes" : parent[0]));
        }
        for (int i = 1; i < n; i++) {
            if (parent[i] < 0 || parent[i] >= i || parent[i] < parent[i - 1]) {
                problems.add("parent[" + i + "] = " + parent[i] + " is not breadth-first (need parent[i-1] = "
                        + parent[i - 1] + " <= parent[i] < i)");
                break;
            }
        }
        for (int[] a : new int[][] {action, visits}) {
            if (a.length != n) {
                problems.add("arrays differ in length: " + a.length + " vs " + n + " parents");
            }
        }
        if (q.length != n || prior.length != n) {
            problems.add("q/prior lengths " + q.length + "/" + prior.length + " vs " + n + " parents");
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
        this.parent = parent;
        this.action = action;
        this.visits = visits;
        this.q = q;
        this.prior = prior;
        this.states = states;
        this.depth = new int[n];
        this.firstChild = new int[n];
        this.childCount = new int[n];
        Arrays.fill(firstChild, -1);
        for (int i = 1; i < n; i++) {
            int p = parent[i];
            depth[i] = depth[p] + 1;
            if (firstChild[p] < 0) {
                firstChild[p] = i;
            }
            childCount[p]++;
        }
        int depths = depth[n - 1] + 1;
        this.rowStart = new int[depths + 1];
        for (int i = 1; i < n; i++) {
            if (depth[i] != depth[i - 1]) {
                rowStart[depth[i]] = i;
            }
        }
        rowStart[depths] = n;
        this.collapsed = new boolean[n];
        this.hidden = new boolean[n];
        this.x = new double[n];
        this.radius = new double[n];
        this.leaves = new int[n];
        this.slot = new int[n];
        relayout();
    }

    /**
     * A layout of hand-given statistics (nodes in breadth-first order), without states.
     *
     * @param parent {@code [n]} parent index, -1 for the root at 0, non-decreasing from index 1 on
     * @param action {@code [n]} action into each node (-1 at the root)
     * @param visits {@code [n]} visit counts
     * @param q      {@code [n]} mean return for the player who chose the action into the node (NaN if unvisited)
     * @param prior  {@code [n]} prior of the action into the node at its parent
     */
    public static TreeLayout<Void> of(int[] parent, int[] action, int[] visits, double[] q, double[] prior) {
        return new TreeLayout<>(parent.clone(), action.clone(), visits.clone(), q.clone(), prior.clone(), null);
    }

    /** The layout of the tree under {@code root} (an MCTS search's whole tree), every node, unvisited ones too. */
    public static <S> TreeLayout<S> of(Node<S> root) {
        List<Node<S>> order = new ArrayList<>();
        List<Integer> parents = new ArrayList<>();
        order.add(root);
        parents.add(-1);
        for (int i = 0; i < order.size(); i++) {
            for (Node<S> c : order.get(i).children()) {
                order.add(c);
                parents.add(i);
            }
        }
        int size = order.size();
        int[] parent = new int[size];
        int[] action = new int[size];
        int[] visits = new int[size];
        double[] q = new double[size];
        double[] prior = new double[size];
        List<S> states = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            Node<S> node = order.get(i);
            parent[i] = parents.get(i);
            action[i] = node.action();
            visits[i] = node.visits();
            q[i] = node.q();
            prior[i] = node.prior();
            states.add(node.state());
        }
        return new TreeLayout<>(parent, action, visits, q, prior, states);
    }

    /** Lays the visible tree out again (after {@link #setCollapsed}); O(n). */
    public void relayout() {
        int deepest = 0;
        for (int i = 0; i < n; i++) {
            int p = parent[i];
            hidden[i] = p >= 0 && (hidden[p] || collapsed[p]);
            boolean leaf = !hidden[i] && (childCount[i] == 0 || collapsed[i]);
            leaves[i] = leaf ? 1 : 0;
            if (!hidden[i]) {
                deepest = Math.max(deepest, depth[i]);
            }
        }
        for (int i = n - 1; i > 0; i--) {
            if (!hidden[i]) {
                leaves[parent[i]] += leaves[i];
            }
        }
        slot[0] = 0;
        for (int i = 1; i < n; i++) { // each child starts where its previous sibling's leaves end
            if (!hidden[i]) {
                int p = parent[i];
                slot[i] = i == firstChild[p] ? slot[p] : slot[i - 1] + leaves[i - 1];
            }
        }
        for (int i = n - 1; i >= 0; i--) {
            if (hidden[i]) {
                continue;
            }
            if (leaves[i] == 1 && (childCount[i] == 0 || collapsed[i])) {
                x[i] = (slot[i] + 0.5) * SLOT;
            } else {
                x[i] = (x[firstChild[i]] + x[firstChild[i] + childCount[i] - 1]) / 2;
            }
            double share = visits[0] > 0 ? Math.max(0, visits[i]) / (double) visits[0] : 0;
            double room = 0.45 * 2 * Math.min(x[i] - slot[i] * SLOT, (slot[i] + leaves[i]) * SLOT - x[i]);
            radius[i] = Math.max(R_MIN, Math.min(R_MAX * Math.sqrt(share), room));
        }
        for (int i = 1; i < n; i++) {
            if (hidden[i]) {
                x[i] = x[parent[i]];
                radius[i] = 0;
            }
        }
        width = leaves[0] * SLOT;
        visibleDepths = deepest + 1;
    }

    /** Number of nodes, hidden ones included. */
    public int size() {
        return n;
    }

    /** Parent index of node {@code i}; -1 for the root. */
    public int parent(int i) {
        return parent[i];
    }

    /** Action into node {@code i}; -1 for the root. */
    public int action(int i) {
        return action[i];
    }

    /** Visits of node {@code i}. */
    public int visits(int i) {
        return visits[i];
    }

    /** Mean return of node {@code i} for the player who chose its action; NaN if unvisited. */
    public double q(int i) {
        return q[i];
    }

    /** Prior of the action into node {@code i} at its parent (1 at the root). */
    public double prior(int i) {
        return prior[i];
    }

    /** Depth of node {@code i} (0 at the root). */
    public int depth(int i) {
        return depth[i];
    }

    /** Index of the first child of node {@code i}, or -1 if it has none; children are contiguous. */
    public int firstChild(int i) {
        return firstChild[i];
    }

    /** Number of children of node {@code i}. */
    public int childCount(int i) {
        return childCount[i];
    }

    /** Number of depths in the tree (hidden ones included). */
    public int depths() {
        return rowStart.length - 1;
    }

    /** Number of depths with a visible node. */
    public int visibleDepths() {
        return visibleDepths;
    }

    /** First index of depth {@code d}; {@code rowStart(depths())} is {@link #size()}. */
    public int rowStart(int d) {
        return rowStart[d];
    }

    /** The state of node {@code i}; null if never visited or the layout has no states. */
    public S state(int i) {
        return states == null ? null : states.get(i);
    }

    /** Collapses (hides the subtree below) or expands node {@code i}; call {@link #relayout()} afterwards. */
    public void setCollapsed(int i, boolean value) {
        collapsed[i] = value;
    }

    /** Whether node {@code i} is collapsed. */
    public boolean isCollapsed(int i) {
        return collapsed[i];
    }

    /** Whether node {@code i} is hidden below a collapsed ancestor. */
    public boolean isHidden(int i) {
        return hidden[i];
    }

    /** Centre x of node {@code i}, world pixels (a hidden node's is its collapsed ancestor's). */
    public double x(int i) {
        return x[i];
    }

    /** Centre y of node {@code i}, world pixels. */
    public double y(int i) {
        return (depth[i] + 0.5) * LEVEL;
    }

    /** Radius of node {@code i}, world pixels; 0 when hidden. */
    public double radius(int i) {
        return radius[i];
    }

    /** Visible leaves under node {@code i} (1 for a visible leaf, 0 when hidden): its layout width in slots. */
    public int leafCount(int i) {
        return leaves[i];
    }

    /** Width of the visible tree, world pixels. */
    public double width() {
        return width;
    }

    /** Height of the visible tree, world pixels. */
    public double height() {
        return visibleDepths * LEVEL;
    }

    /** The first index of depth {@code d} whose x is at least {@code worldX} (the row's end if none). */
    public int firstAtOrRightOf(int d, double worldX) {
        int lo = rowStart[d];
        int hi = rowStart[d + 1];
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (x[mid] < worldX) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /**
     * The principal variation: from the root, the most visited child again and again (the first in action order on
     * ties), while it has been visited; node indices, the root first.
     */
    public int[] principalVariation() {
        int[] path = new int[depths()];
        int length = 0;
        int i = 0;
        path[length++] = i;
        while (childCount[i] > 0) {
            int best = -1;
            for (int c = firstChild[i]; c < firstChild[i] + childCount[i]; c++) {
                if (visits[c] > 0 && (best < 0 || visits[c] > visits[best])) {
                    best = c;
                }
            }
            if (best < 0) {
                break;
            }
            path[length++] = best;
            i = best;
        }
        return Arrays.copyOf(path, length);
    }
}
