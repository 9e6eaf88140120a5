package dev.lantern.analysis.stats;

import java.util.OptionalDouble;

/**
 * A time-to-event sample in which some runs never had the event (a run that never solved its task): each such run
 * counts at its budget (the steps it was allowed), never dropped, and the sample says how many were censored.
 *
 * @param values   each run's value: the observed one, or its budget when censored, {@code [runs]}
 * @param censored whether each run was censored, {@code [runs]}
 */
public record CensoredSample(double[] values, boolean[] censored) {

    /** Validates the lengths and copies. */
    public CensoredSample {
        if (values.length != censored.length) {
            throw new IllegalArgumentException(values.length + " values but " + censored.length + " flags");
        }
        values = values.clone();
        censored = censored.clone();
    }

    /**
     * Each run's observation, or its budget where it has none.
     *
     * @param observed the value where the event happened, empty where it never did, {@code [runs]}
     * @param budgets  each run's budget, {@code [runs]}
     */
    public static CensoredSample atBudget(OptionalDouble[] observed, double[] budgets) {
        if (observed.length != budgets.length) {
            throw new IllegalArgumentException(observed.length + " observations but " + budgets.length + " budgets");
        }
        double[] v = new double[observed.length];
        boolean[] c = new boolean[observed.length];
        for (int i = 0; i < v.length; i++) {
            c[i] = observed[i].isEmpty();
            v[i] = c[i] ? budgets[i] : observed[i].getAsDouble();
        }
        return new CensoredSample(v, c);
    }

    @Override
    public double[] values() {
        return values.clone();
    }

    @Override
    public boolean[] censored() {
        return censored.clone();
    }

    /** How many runs were censored. */
    public int censoredCount() {
        int n = 0;
        for (boolean c : censored) {
            n += c ? 1 : 0;
        }
        return n;
    }

    /** The values with censored runs at +Infinity (for a profile, where a censored run never reaches a threshold). */
    public double[] neverAsInfinity() {
        double[] v = values.clone();
        for (int i = 0; i < v.length; i++) {
            if (censored[i]) {
                v[i] = Double.POSITIVE_INFINITY;
            }
        }
        return v;
    }
}
