package dev.lantern.agents.tabular;

import dev.lantern.environments.grid.GridState;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Action values {@code Q(s, a)} of a grid world, one row of {@value #ACTIONS} doubles per {@link GridState}, the row
 * created (all zeros) the first time a state is written. States never written (including terminal states, which the
 * TD rules never update) read as all zeros. Action index = {@code GridWorld} action id (0 up, 1 down, 2 right,
 * 3 left). Readers get copies; only {@link TabularLearner} writes. Not thread-safe.
 */
public final class QTable {

    /** Actions per state: the four moves of {@code GridWorld}. */
    public static final int ACTIONS = 4;

    private final Map<GridState, double[]> rows = new LinkedHashMap<>();

    /** An empty table: every {@code Q(s, a)} reads 0. */
    public QTable() {
    }

    /** A copy of the action values of {@code s}, {@code [4]} indexed by action; zeros if {@code s} was never written. */
    public double[] q(GridState s) {
        double[] row = rows.get(Objects.requireNonNull(s, "s"));
        return row == null ? new double[ACTIONS] : row.clone();
    }

    /**
     * {@code Q(s, action)}; 0 if {@code s} was never written.
     *
     * @throws IllegalArgumentException if the action is not in 0..3
     */
    public double value(GridState s, int action) {
        checkAction(action);
        double[] row = rows.get(Objects.requireNonNull(s, "s"));
        return row == null ? 0 : row[action];
    }

    /** {@code max_a Q(s, a)}; 0 if {@code s} was never written. */
    public double maxValue(GridState s) {
        double[] row = rows.get(Objects.requireNonNull(s, "s"));
        if (row == null) {
            return 0;
        }
        double best = row[0];
        for (int a = 1; a < ACTIONS; a++) {
            best = Math.max(best, row[a]);
        }
        return best;
    }

    /** The greedy action in {@code s}: the lowest index among the actions of largest {@code Q(s, a)} (exact ties). */
    public int greedyAction(GridState s) {
        double[] row = rows.get(Objects.requireNonNull(s, "s"));
        if (row == null) {
            return 0;
        }
        int best = 0;
        for (int a = 1; a < ACTIONS; a++) {
            if (row[a] > row[best]) {
                best = a;
            }
        }
        return best;
    }

    /** Every state written so far, in the order first written (deterministic for a seeded run). Unmodifiable. */
    public List<GridState> states() {
        return Collections.unmodifiableList(new ArrayList<>(rows.keySet()));
    }

    /** Number of states written so far. */
    public int size() {
        return rows.size();
    }

    /** Whether both tables hold the same states, in the same order, with bit-identical values. */
    public boolean sameAs(QTable other) {
        if (rows.size() != other.rows.size()) {
            return false;
        }
        var it = other.rows.entrySet().iterator();
        for (Map.Entry<GridState, double[]> e : rows.entrySet()) {
            Map.Entry<GridState, double[]> o = it.next();
            if (!e.getKey().equals(o.getKey())) {
                return false;
            }
            for (int a = 0; a < ACTIONS; a++) {
                if (Double.doubleToLongBits(e.getValue()[a]) != Double.doubleToLongBits(o.getValue()[a])) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Moves {@code Q(s, action)} a step {@code learningRate} toward {@code target}; returns the TD error. */
    /** Sets the row of {@code s} (a checkpoint being restored). */
    void put(GridState s, double[] row) {
        rows.put(Objects.requireNonNull(s, "s"), row.clone());
    }

    /** An independent copy with the same rows in the same order. */
    public QTable copy() {
        QTable c = new QTable();
        rows.forEach((k, v) -> c.rows.put(k, v.clone()));
        return c;
    }

    double update(GridState s, int action, double target, double learningRate) {
        double[] row = rows.computeIfAbsent(s, k -> new double[ACTIONS]);
        double tdError = target - row[action];
        row[action] += learningRate * tdError;
        return tdError;
    }

    private static void checkAction(int action) {
        if (action < 0 || action >= ACTIONS) {
            throw new IllegalArgumentException("action " + action + " is not in 0.." + (ACTIONS - 1));
        }
    }

    @Override
    public String toString() {
        return "QTable[" + rows.size() + " states]";
    }
}
