package dev.lantern.analysis.stats;

import java.util.Arrays;

/**
 * Scores of one configuration, {@code [runs x tasks]}: {@code get(r, t)} is run {@code r}'s score on task {@code t}
 * (rliable's {@code scores[n][m]}). Values may be infinite (a run that never reached a threshold, for profiles) but
 * never NaN. Immutable.
 */
public final class ScoreMatrix {

    private final double[][] scores;

    private ScoreMatrix(double[][] scores) {
        this.scores = scores;
    }

    /**
     * A copy of {@code scores}, {@code [runs][tasks]}.
     *
     * @throws IllegalArgumentException when there is no run or task, the rows differ in length, or a value is NaN
     */
    public static ScoreMatrix of(double[][] scores) {
        if (scores.length == 0) {
            throw new IllegalArgumentException("a score matrix needs at least one run, got 0");
        }
        int tasks = scores[0].length;
        if (tasks == 0) {
            throw new IllegalArgumentException("a score matrix needs at least one task, got 0");
        }
        double[][] copy = new double[scores.length][];
        for (int r = 0; r < scores.length; r++) {
            if (scores[r].length != tasks) {
                throw new IllegalArgumentException("run " + r + " has " + scores[r].length + " tasks, run 0 has "
                        + tasks);
            }
            for (int t = 0; t < tasks; t++) {
                if (Double.isNaN(scores[r][t])) {
                    throw new IllegalArgumentException("score of run " + r + " on task " + t + " is NaN");
                }
            }
            copy[r] = scores[r].clone();
        }
        return new ScoreMatrix(copy);
    }

    /** One task's scores, one per run: {@code [runs x 1]}. */
    public static ScoreMatrix ofRuns(double... runScores) {
        double[][] m = new double[runScores.length][];
        for (int r = 0; r < runScores.length; r++) {
            m[r] = new double[] {runScores[r]};
        }
        return of(m);
    }

    /** The number of runs (rows). */
    public int runs() {
        return scores.length;
    }

    /** The number of tasks (columns). */
    public int tasks() {
        return scores[0].length;
    }

    /** Run {@code run}'s score on task {@code task}. */
    public double get(int run, int task) {
        return scores[run][task];
    }

    /** A copy of the scores, {@code [runs][tasks]}. */
    public double[][] toArray() {
        double[][] copy = new double[scores.length][];
        for (int r = 0; r < scores.length; r++) {
            copy[r] = scores[r].clone();
        }
        return copy;
    }

    /** The scores themselves, for this package's loops (never written). */
    double[][] raw() {
        return scores;
    }

    @Override
    public String toString() {
        return "ScoreMatrix" + Arrays.deepToString(scores);
    }
}
