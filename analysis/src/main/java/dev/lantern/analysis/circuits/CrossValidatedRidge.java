package dev.lantern.analysis.circuits;

import dev.lantern.agents.api.Activations;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * One probe fit: the penalty chosen by k-fold cross-validation on the training states only, then the fit on all the
 * training states with it, scored on the held-out states (the engine of {@link ConceptProbe}).
 *
 * <p>For each relative penalty {@code r} of the grid and each fold, a {@link RidgeRegression} is fitted on the other
 * folds with {@code lambda = r * meanEigenvalue} (of those folds' features; {@code r} itself when every feature is
 * constant) and predicts the fold; the predictions of all folds are pooled and scored as the held-out states are
 * (R^2, or balanced accuracy with the one-hot squared error breaking ties). The best {@code r} wins, the larger on a
 * tie. A class is fitted on one-hot targets, one column per class of the probed states (ascending), and predicted by
 * the largest output (the lowest class among ties).
 */
final class CrossValidatedRidge {

    /** The held-out score, the relative penalty chosen and the absolute penalty of the final fit. */
    record Result(double score, double ridge, double lambda) {
    }

    private CrossValidatedRidge() {
    }

    /**
     * Fits {@code y} (by state number) from {@code a} on {@code split}'s training states and scores the held-out ones.
     *
     * @param classes for a class, its labels in ascending order; ignored for a quantity
     */
    static Result fit(Activations a, Concept.Kind kind, double[] y, List<Double> classes, ProbeSplit split,
            ProbeSettings settings) {
        int[] train = split.train();
        double[] ridges = settings.ridges();
        double best = Double.NaN;
        if (ridges.length > 1) {
            int[][] folds = split.folds(Math.min(settings.folds(), train.length));
            double[][][] pooled = new double[ridges.length][][];
            int[] pooledStates = new int[train.length];
            int at = 0;
            for (int f = 0; f < folds.length; f++) {
                int[] rest = without(train, folds[f]);
                RidgeRegression ridge = new RidgeRegression(rows(a, rest), targets(kind, y, classes, rest));
                double scale = ridge.meanEigenvalue();
                double[][] x = rows(a, folds[f]);
                for (int g = 0; g < ridges.length; g++) {
                    RidgeRegression.Fit fit = ridge.fit(scale > 0 ? ridges[g] * scale : ridges[g]);
                    if (pooled[g] == null) {
                        pooled[g] = new double[train.length][];
                    }
                    for (int i = 0; i < x.length; i++) {
                        pooled[g][at + i] = fit.predict(x[i]);
                    }
                }
                System.arraycopy(folds[f], 0, pooledStates, at, folds[f].length);
                at += folds[f].length;
            }
            double[] bestCriterion = null;
            for (int g = ridges.length - 1; g >= 0; g--) { // from the largest: a tie keeps the larger penalty
                double[] c = {score(kind, y, classes, pooledStates, pooled[g]),
                    -squaredError(kind, y, classes, pooledStates, pooled[g])};
                if (bestCriterion == null || c[0] > bestCriterion[0]
                        || (c[0] == bestCriterion[0] && c[1] > bestCriterion[1])) {
                    bestCriterion = c;
                    best = ridges[g];
                }
            }
        } else {
            best = ridges[0];
        }
        RidgeRegression ridge = new RidgeRegression(rows(a, train), targets(kind, y, classes, train));
        double scale = ridge.meanEigenvalue();
        double lambda = scale > 0 ? best * scale : best;
        RidgeRegression.Fit fit = ridge.fit(lambda);
        int[] test = split.test();
        double[][] x = rows(a, test);
        double[][] pred = new double[test.length][];
        for (int i = 0; i < test.length; i++) {
            pred[i] = fit.predict(x[i]);
        }
        return new Result(score(kind, y, classes, test, pred), best, lambda);
    }

    /** R^2 about the states' own mean, or balanced accuracy over the classes present among them. */
    static double score(Concept.Kind kind, double[] y, List<Double> classes, int[] states, double[][] pred) {
        if (kind == Concept.Kind.QUANTITY) {
            double mean = 0;
            for (int s : states) {
                mean += y[s];
            }
            mean /= states.length;
            double sse = 0;
            double sst = 0;
            for (int i = 0; i < states.length; i++) {
                double e = y[states[i]] - pred[i][0];
                double d = y[states[i]] - mean;
                sse += e * e;
                sst += d * d;
            }
            return 1 - sse / sst;
        }
        TreeMap<Double, int[]> perClass = new TreeMap<>(); // class -> {right, total}
        for (int i = 0; i < states.length; i++) {
            int argmax = 0;
            for (int c = 1; c < classes.size(); c++) {
                if (pred[i][c] > pred[i][argmax]) {
                    argmax = c;
                }
            }
            int[] rt = perClass.computeIfAbsent(y[states[i]], c -> new int[2]);
            rt[0] += classes.get(argmax).equals(y[states[i]]) ? 1 : 0;
            rt[1]++;
        }
        double sum = 0;
        for (int[] rt : perClass.values()) {
            sum += (double) rt[0] / rt[1];
        }
        return sum / perClass.size();
    }

    private static double squaredError(Concept.Kind kind, double[] y, List<Double> classes, int[] states,
            double[][] pred) {
        double[][] t = targets(kind, y, classes, states);
        double sse = 0;
        for (int i = 0; i < states.length; i++) {
            for (int c = 0; c < t[i].length; c++) {
                double e = t[i][c] - pred[i][c];
                sse += e * e;
            }
        }
        return sse;
    }

    /** The regression targets of {@code states}: the value, or the one-hot of the class. */
    private static double[][] targets(Concept.Kind kind, double[] y, List<Double> classes, int[] states) {
        double[][] t = new double[states.length][kind == Concept.Kind.QUANTITY ? 1 : classes.size()];
        for (int i = 0; i < states.length; i++) {
            if (kind == Concept.Kind.QUANTITY) {
                t[i][0] = y[states[i]];
            } else {
                t[i][classes.indexOf(y[states[i]])] = 1;
            }
        }
        return t;
    }

    private static double[][] rows(Activations a, int[] states) {
        double[][] x = new double[states.length][];
        for (int i = 0; i < states.length; i++) {
            x[i] = a.row(states[i]);
        }
        return x;
    }

    private static int[] without(int[] all, int[] fold) {
        java.util.Set<Integer> out = new java.util.HashSet<>();
        for (int s : fold) {
            out.add(s);
        }
        List<Integer> rest = new ArrayList<>();
        for (int s : all) {
            if (!out.contains(s)) {
                rest.add(s);
            }
        }
        return rest.stream().mapToInt(Integer::intValue).toArray();
    }
}
