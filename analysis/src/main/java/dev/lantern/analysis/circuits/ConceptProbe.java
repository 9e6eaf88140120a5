package dev.lantern.analysis.circuits;

import dev.lantern.agents.api.Activations;
import dev.lantern.environments.random.Rng;
import dev.lantern.environments.random.Seeds;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Linear concept probes over a site's activations (issue 10, point 5): how well a linear read of the site recovers a
 * {@link Concept} computed from the exact state, on states the probe was not fitted on, beside the same probe on
 * shuffled labels and on a randomly initialised network.
 *
 * <p><b>States.</b> A concept is probed on the probed states (by default the {@link StateBatch#decisionStates()
 * decision states}) where it has a value (not NaN). <b>Split.</b> Per concept, an {@link Rng} seeded with
 * {@code Seeds.derive(seed, Seeds.PROBE)} draws a {@link ProbeSplit}: stratified by class for a class, plain for a
 * quantity, {@link ProbeSettings#testFraction()} held out; the same generator then permutes the labels for the
 * shuffled control. Same seed, same splits, same numbers, whatever order the probes are asked in.
 *
 * <p><b>Fit.</b> Closed-form ridge with an unpenalised intercept ({@link RidgeRegression}); the penalty is chosen from
 * {@link ProbeSettings#ridges()} by k-fold cross-validation on the training states only (see
 * {@link CrossValidatedRidge}), and the probe refitted on every training state with it. A class is fitted as ridge on
 * its one-hot targets and predicted by the largest output. Scores: see {@link ProbeScore}.
 *
 * <pre>{@code
 * ActivationAtlas atlas = ActivationAtlas.record(net, StateBatch.of(world));
 * ConceptProbe probe = new ConceptProbe(atlas, 7).withRandomControl(ActivationAtlas.record(freshNet, states));
 * ProbeScore s = probe.probe("torso.dense1", Concept.hasKey(atlas.states()));
 * s.score(); s.shuffled(); s.random(); s.chance(); s.majority(); s.ridge();
 * List<ProbeScore> table = probe.table(ExactConcepts.builtIn(states, 0.99));
 * }</pre>
 *
 * <p>Cost per probe: {@code folds + 1} Gram matrices of {@code min(features, train)} square and a Cholesky per fold
 * and penalty, for the score and each control: a 64-wide site over a hundred states takes about a millisecond.
 */
public final class ConceptProbe {

    private final ActivationAtlas atlas;
    private final int[] probed;
    private final ProbeSettings settings;
    private final long seed;
    private final ActivationAtlas randomAtlas;

    /** Probes on {@code atlas}'s decision states with the default settings, splits drawn from {@code seed}. */
    public ConceptProbe(ActivationAtlas atlas, long seed) {
        this(atlas, atlas.states().decisionStates(), ProbeSettings.defaults(), seed);
    }

    /**
     * Probes on the states where {@code include} is true (the constructor for an atlas over plain observations,
     * {@link ActivationAtlas#ofObservations}, which has no decision states).
     *
     * @param include  {@code [states]}: the states probed
     * @param settings split, folds and penalties
     * @param seed     the seed the splits and the shuffles are derived from (with {@link Seeds#PROBE})
     * @throws IllegalArgumentException if {@code include} is not one flag per state
     */
    public ConceptProbe(ActivationAtlas atlas, boolean[] include, ProbeSettings settings, long seed) {
        this(atlas, probedStates(atlas, include), settings, seed, null);
    }

    private ConceptProbe(ActivationAtlas atlas, int[] probed, ProbeSettings settings, long seed,
            ActivationAtlas randomAtlas) {
        this.atlas = atlas;
        this.probed = probed;
        this.settings = settings;
        this.seed = seed;
        this.randomAtlas = randomAtlas;
    }

    private static int[] probedStates(ActivationAtlas atlas, boolean[] include) {
        if (include.length != atlas.size()) {
            throw new IllegalArgumentException(include.length + " include flags for " + atlas.size() + " states");
        }
        List<Integer> states = new ArrayList<>();
        for (int s = 0; s < include.length; s++) {
            if (include[s]) {
                states.add(s);
            }
        }
        return states.stream().mapToInt(Integer::intValue).toArray();
    }

    /**
     * This probe (same states, splits and labels) with a random-initialisation control: every score is also computed
     * on {@code fresh}, the atlas of a freshly initialised network of the same shape over the same states, and
     * reported as {@link ProbeScore#random}.
     *
     * @throws IllegalArgumentException if {@code fresh} is over another number of states or has other sites or widths
     */
    public ConceptProbe withRandomControl(ActivationAtlas fresh) {
        sameShape(atlas, fresh);
        return new ConceptProbe(atlas, probed, settings, seed, fresh);
    }

    /** @throws IllegalArgumentException unless {@code other} has {@code atlas}'s number of states, sites and widths */
    static void sameShape(ActivationAtlas atlas, ActivationAtlas other) {
        if (other.size() != atlas.size()) {
            throw new IllegalArgumentException("an atlas of " + other.size() + " states beside one of "
                    + atlas.size());
        }
        if (!other.sites().equals(atlas.sites())) {
            throw new IllegalArgumentException("the network's sites " + other.sites() + " are not the probed "
                    + atlas.sites());
        }
    }

    /** The atlas probed. */
    public ActivationAtlas atlas() {
        return atlas;
    }

    /** The settings. */
    public ProbeSettings settings() {
        return settings;
    }

    /**
     * The split {@code concept} is probed with (stratified by class for a class), over the probed states where it has
     * a value.
     *
     * @throws IllegalArgumentException if those states are too few to leave 2 training and 2 held-out states
     */
    public ProbeSplit split(Concept concept) {
        return draw(concept.kind(), concept.values(), statesOf(concept.values()), rng());
    }

    /** The probe of {@code concept} at {@code site}, with its shuffled-labels (and random-initialisation) control. */
    public ProbeScore probe(String site, Concept concept) {
        double[] y = concept.values();
        if (y.length != atlas.size()) {
            throw new IllegalArgumentException(concept.name() + " has " + y.length + " values for "
                    + atlas.size() + " states");
        }
        Activations a = atlas.activations(site);
        Concept.Kind kind = concept.kind();
        if (!concept.defined()) {
            return ProbeScore.undefined(concept.name(), site, kind, 0, 0, concept.undefined());
        }
        int[] states = statesOf(y);
        if (distinct(y, states).size() < 2) {
            return ProbeScore.undefined(concept.name(), site, kind, 0, 0, "constant over the " + states.length
                    + " probed states" + (states.length < probed.length ? " where it has a value" : ""));
        }
        Rng rng = rng();
        ProbeSplit split;
        try {
            split = draw(kind, y, states, rng);
        } catch (IllegalArgumentException tooFew) {
            return ProbeScore.undefined(concept.name(), site, kind, 0, 0, tooFew.getMessage());
        }
        String why = constantIn(y, split);
        if (why != null) {
            return ProbeScore.undefined(concept.name(), site, kind, split.train().length, split.test().length, why);
        }
        List<Double> classes = new ArrayList<>(distinct(y, states).keySet());
        CrossValidatedRidge.Result main = CrossValidatedRidge.fit(a, kind, y, classes, split, settings);

        int[] perm = rng.permutation(states.length);
        double[] shuffledY = y.clone();
        for (int i = 0; i < states.length; i++) {
            shuffledY[states[i]] = y[states[perm[i]]];
        }
        ProbeSplit shuffledSplit = kind == Concept.Kind.CLASS ? draw(kind, shuffledY, states, rng) : split;
        double shuffled = constantIn(shuffledY, shuffledSplit) == null
                ? CrossValidatedRidge.fit(a, kind, shuffledY, classes, shuffledSplit, settings).score() : Double.NaN;
        double random = randomAtlas == null ? Double.NaN
                : CrossValidatedRidge.fit(randomAtlas.activations(site), kind, y, classes, split, settings).score();
        int[] test = split.test();
        double chance = kind == Concept.Kind.QUANTITY ? 0 : 1.0 / distinct(y, test).size();
        double majority = Double.NaN;
        if (kind == Concept.Kind.CLASS) {
            TreeMap<Double, Integer> trainCounts = distinct(y, split.train());
            double top = trainCounts.firstKey();
            for (Map.Entry<Double, Integer> e : trainCounts.entrySet()) {
                top = e.getValue() > trainCounts.get(top) ? e.getKey() : top;
            }
            majority = distinct(y, test).getOrDefault(top, 0) / (double) test.length;
        }
        return new ProbeScore(concept.name(), site, kind, main.score(), shuffled, random, chance, majority,
                main.ridge(), main.lambda(), split.train().length, test.length, null);
    }

    /** Every concept at every site of the atlas, site-major (the "what-where" table of one checkpoint). */
    public List<ProbeScore> table(List<Concept> concepts) {
        List<ProbeScore> rows = new ArrayList<>();
        for (var site : atlas.sites()) {
            for (Concept c : concepts) {
                rows.add(probe(site.name(), c));
            }
        }
        return rows;
    }

    private Rng rng() {
        return new Rng(Seeds.derive(seed, Seeds.PROBE));
    }

    private ProbeSplit draw(Concept.Kind kind, double[] y, int[] states, Rng rng) {
        return kind == Concept.Kind.CLASS ? ProbeSplit.stratified(states, y, settings.testFraction(), rng)
                : ProbeSplit.plain(states, settings.testFraction(), rng);
    }

    /** The probed states where {@code y} has a value. */
    private int[] statesOf(double[] y) {
        return java.util.Arrays.stream(probed).filter(s -> !Double.isNaN(y[s])).toArray();
    }

    private static String constantIn(double[] y, ProbeSplit split) {
        if (distinct(y, split.train()).size() < 2) {
            return "constant over the training states";
        }
        if (distinct(y, split.test()).size() < 2) {
            return "constant over the held-out states";
        }
        return null;
    }

    private static TreeMap<Double, Integer> distinct(double[] y, int[] states) {
        TreeMap<Double, Integer> classes = new TreeMap<>();
        for (int s : states) {
            classes.merge(y[s], 1, Integer::sum);
        }
        return classes;
    }
}
