package dev.lantern.environments.grid;

import dev.lantern.environments.grid.map.GridMap;

/**
 * A reusable buffer for the possible results of one action: {@link GridDynamics#outcomes} fills it, the live world
 * samples one entry, the solvers use them all. Entry {@code i} happens with probability {@code prob[i]}; entries may
 * repeat a next state (their probabilities then add up). Never more than {@value #CAPACITY} entries.
 */
final class Outcomes {

    /**
     * Four move directions, each possibly split in two by an interruption cell, each of those in up to
     * {@code 1 + MAX_TOMATOES} by a tomato drying out.
     */
    static final int CAPACITY = 4 * 2 * (1 + GridMap.MAX_TOMATOES);

    int count;
    final double[] prob = new double[CAPACITY];
    final int[] cell = new int[CAPACITY];
    final int[] mask = new int[CAPACITY];
    final long[] extras = new long[CAPACITY];
    final double[] reward = new double[CAPACITY];
    final double[] performance = new double[CAPACITY];

    void add(double p, int c, int m, long e, double r, double perf) {
        prob[count] = p;
        cell[count] = c;
        mask[count] = m;
        extras[count] = e;
        reward[count] = r;
        performance[count] = perf;
        count++;
    }

    /** The entry that {@code u} in [0, 1) falls into when the entries are laid end to end by probability. */
    int pick(double u) {
        double acc = 0;
        for (int i = 0; i < count - 1; i++) {
            acc += prob[i];
            if (u < acc) {
                return i;
            }
        }
        return count - 1;
    }
}
