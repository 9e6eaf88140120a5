package dev.lantern.analysis.circuits;

import dev.lantern.environments.random.Rng;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeMap;

/**
 * A split of probed states into training and held-out states, and of the training states into cross-validation folds
 * (issue 10, point 5): plain for a quantity, stratified by class for a class, so that every class with at least two
 * states is on both sides (key-door's 14 keyless decision states among 54: a plain 30% split holds out none of them
 * with probability 0.3%).
 *
 * <p><b>Plain.</b> The states are permuted by the generator; the first {@code round((1 - testFraction) n)} train, the
 * rest are held out. <b>Stratified.</b> Each class's states (classes in ascending order) are permuted by the generator
 * and {@code round(testFraction * count)} of them are held out, at least one and at most {@code count - 1} when the
 * class has two states or more (a class of one state trains). <b>Folds.</b> {@link #folds} deals the training states,
 * in their order (class by class when stratified), to folds {@code 0, 1, ..., k-1, 0, 1, ...}: the folds'
 * sizes differ by at most one, and so does each class's count in them. Immutable; states are state numbers.
 *
 * @param train the training states, in drawn order (class by class when stratified)
 * @param test  the held-out states, in drawn order
 */
public record ProbeSplit(int[] train, int[] test) {

    public ProbeSplit {
        train = train.clone();
        test = test.clone();
    }

    /**
     * A plain seeded split of {@code states}.
     *
     * @throws IllegalArgumentException if fewer than 2 training or 2 held-out states would remain
     */
    public static ProbeSplit plain(int[] states, double testFraction, Rng rng) {
        checkFraction(testFraction);
        int n = states.length;
        int nTrain = (int) Math.round((1 - testFraction) * n);
        checkSizes(n, nTrain);
        int[] perm = rng.permutation(n);
        int[] train = new int[nTrain];
        int[] test = new int[n - nTrain];
        for (int i = 0; i < n; i++) {
            if (i < nTrain) {
                train[i] = states[perm[i]];
            } else {
                test[i - nTrain] = states[perm[i]];
            }
        }
        return new ProbeSplit(train, test);
    }

    /**
     * A split of {@code states} stratified by their {@code labels} (indexed by state number).
     *
     * @throws IllegalArgumentException if fewer than 2 training or 2 held-out states would remain
     */
    public static ProbeSplit stratified(int[] states, double[] labels, double testFraction, Rng rng) {
        checkFraction(testFraction);
        TreeMap<Double, List<Integer>> byClass = new TreeMap<>();
        for (int s : states) {
            byClass.computeIfAbsent(labels[s], c -> new ArrayList<>()).add(s);
        }
        List<Integer> train = new ArrayList<>();
        List<Integer> test = new ArrayList<>();
        for (List<Integer> members : byClass.values()) {
            int count = members.size();
            int held = count < 2 ? 0 : (int) Math.min(count - 1, Math.max(1, Math.round(testFraction * count)));
            int[] perm = rng.permutation(count);
            for (int i = 0; i < count; i++) {
                (i < count - held ? train : test).add(members.get(perm[i]));
            }
        }
        checkSizes(states.length, train.size());
        return new ProbeSplit(train.stream().mapToInt(Integer::intValue).toArray(),
                test.stream().mapToInt(Integer::intValue).toArray());
    }

    /**
     * The training states dealt to {@code k} folds: {@code folds[f]} are fold {@code f}'s states (validated on while
     * the other folds train).
     *
     * @throws IllegalArgumentException if {@code k} is not in {@code [2, train states]}
     */
    public int[][] folds(int k) {
        if (k < 2 || k > train.length) {
            throw new IllegalArgumentException(k + " folds for " + train.length + " training states; need 2.."
                    + train.length);
        }
        int[][] folds = new int[k][];
        for (int f = 0; f < k; f++) {
            folds[f] = new int[(train.length - f + k - 1) / k];
        }
        for (int i = 0; i < train.length; i++) {
            folds[i % k][i / k] = train[i];
        }
        return folds;
    }

    @Override
    public int[] train() {
        return train.clone();
    }

    @Override
    public int[] test() {
        return test.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ProbeSplit s && Arrays.equals(train, s.train) && Arrays.equals(test, s.test);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(train) + Arrays.hashCode(test);
    }

    @Override
    public String toString() {
        return "ProbeSplit[" + train.length + " train, " + test.length + " held out]";
    }

    private static void checkFraction(double testFraction) {
        if (!(testFraction > 0 && testFraction < 1)) {
            throw new IllegalArgumentException("testFraction must be in (0, 1), got " + testFraction);
        }
    }

    private static void checkSizes(int n, int nTrain) {
        if (nTrain < 2 || n - nTrain < 2) {
            throw new IllegalArgumentException(n + " probed states leave " + nTrain + " to train and " + (n - nTrain)
                    + " held out; each needs at least 2");
        }
    }
}
