package dev.lantern.environments.grid.solve;

import dev.lantern.environments.grid.GridStateSpace;

/**
 * The Gauss–Seidel sweeps both exact solvers run: values updated in place, state by state, until the largest change
 * in a sweep is below the tolerance or the sweep cap is hit. A value that does not change (including one that stays
 * at an infinity) counts as a change of 0.
 */
final class Sweeps {

    /** How the sweeps ended. */
    record Result(int sweeps, double residual, boolean converged) {

        /** {@link SolveStatus#CONVERGED} or {@link SolveStatus#NOT_CONVERGED}. */
        SolveStatus status() {
            return converged ? SolveStatus.CONVERGED : SolveStatus.NOT_CONVERGED;
        }
    }

    /** The new value of state {@code s} given the current values {@code v}. */
    @FunctionalInterface
    interface Backup {
        double value(int s, double[] v);
    }

    private Sweeps() {
    }

    /**
     * Checks the solver arguments.
     *
     * @throws IllegalArgumentException naming the first argument out of range
     */
    static void checkArguments(double gamma, double tolerance, int maxSweeps) {
        if (!(gamma > 0 && gamma <= 1)) {
            throw new IllegalArgumentException("gamma must be in (0, 1], got " + gamma);
        }
        if (!(tolerance >= 0)) {
            throw new IllegalArgumentException("tolerance must be >= 0, got " + tolerance);
        }
        if (maxSweeps <= 0) {
            throw new IllegalArgumentException("maxSweeps must be > 0, got " + maxSweeps);
        }
    }

    /**
     * Sweeps {@code v} in place over every state not in {@code skip}, with {@code backup}, telling {@code progress}
     * (as {@code phase}) after every sweep.
     */
    static Result run(double[] v, boolean[] skip, Backup backup, double tolerance, int maxSweeps, String phase,
            SolveProgress progress) {
        int sweeps = 0;
        double residual = Double.POSITIVE_INFINITY;
        while (sweeps < maxSweeps) {
            residual = 0;
            for (int s = 0; s < v.length; s++) {
                if (skip[s]) {
                    continue;
                }
                double value = backup.value(s, v);
                double change = value == v[s] ? 0.0 : Math.abs(value - v[s]);
                if (change > residual) {
                    residual = change;
                }
                v[s] = value;
            }
            sweeps++;
            progress.step(phase, sweeps, maxSweeps, residual);
            if (residual < tolerance || residual == 0) {
                return new Result(sweeps, residual, true);
            }
        }
        return new Result(sweeps, residual, false);
    }

    /**
     * The Q table {@code [states * 4]} of the final values: 0 on terminal states, {@code dead} on states that
     * {@code deadStates} marks (the same for every action), the one-step backup elsewhere.
     */
    static double[] qTable(GridStateSpace space, double[] v, double gamma, boolean[] deadStates, double dead) {
        int n = space.size();
        double[] q = new double[n * 4];
        for (int s = 0; s < n; s++) {
            for (int a = 0; a < 4; a++) {
                if (space.terminal(s)) {
                    q[s * 4 + a] = 0.0;
                } else if (deadStates != null && deadStates[s]) {
                    q[s * 4 + a] = dead;
                } else {
                    q[s * 4 + a] = space.backup(s, a, v, gamma);
                }
            }
        }
        return q;
    }
}
