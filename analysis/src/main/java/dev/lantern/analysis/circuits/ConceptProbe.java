package dev.lantern.analysis.circuits;

import dev.lantern.agents.api.Activations;
import dev.lantern.environments.random.Rng;
import dev.lantern.environments.random.Seeds;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * Linear concept probes over a site's activations (issue 10, point 5): how well a linear read of the site recovers a
 * {@link Concept} computed from the exact state, on states the probe was not fitted on, beside the same probe on
 * shuffled labels.
 *
 * <p><b>Split.</b> The probed states (by default the {@link StateBatch#decisionStates() decision states}) are
 * permuted by an {@link Rng} seeded with {@code Seeds.derive(seed, Seeds.PROBE)}; the first
 * {@code round((1 - testFraction) n)} are the training states, the rest are held out. The same generator then draws
 * the permutation of the labels for the shuffled control. Same seed, same split, same numbers.
 *
 * <p><b>Fit.</b> Closed-form ridge regression with an unpenalised intercept: features and targets are centred on
 * the training means and {@code (X'X + lambda I) w = X'y} is solved by Cholesky (or its dual
 * {@code (XX' + lambda I) a = y}, {@code w = X'a}, when there are more features than training states, as on a one-hot
 * input site). {@code lambda = ridge * trace(X'X) / features}, relative to the features' scale, default
 * {@value #DEFAULT_RIDGE}: small enough that an exactly linear concept scores R^2 = 1 within 1e-12, large enough that
 * the solve is well posed when features are collinear or constant. A class is fitted as ridge on its one-hot targets
 * (one column per class seen in the probed states) and predicted by the largest output (lowest class among ties).
 * Scores: see {@link ProbeScore}.
 *
 * <pre>{@code
 * ActivationAtlas atlas = ActivationAtlas.record(net, StateBatch.of(world));
 * ConceptProbe probe = new ConceptProbe(atlas, 7);
 * ProbeScore s = probe.probe("torso.dense1", Concept.hasKey(atlas.states()));
 * s.score(); s.shuffled(); s.chance(); s.defined();
 * ProbeScore c = probe.withRandomControl(ActivationAtlas.record(freshNet, atlas.states())).probe(site, concept);
 * c.random(); // the same probe on a freshly initialised network of the same shape
 * List<ProbeScore> table = probe.table(List.of(Concept.agentRow(states), Concept.agentColumn(states)));
 * }</pre>
 *
 * <p>Cost: one {@code min(features, train)}-square Cholesky per probe and per control; a 64-wide site over a few
 * hundred states is well under a millisecond.
 */
public final class ConceptProbe {

    /** Default relative ridge penalty. */
    public static final double DEFAULT_RIDGE = 1e-10;
    /** Default fraction of the probed states held out for the score. */
    public static final double DEFAULT_TEST_FRACTION = 0.3;

    private final ActivationAtlas atlas;
    private final int[] train;
    private final int[] test;
    private final int[] labelPermutation;
    private final int[] probed;
    private final double ridge;
    private final ActivationAtlas randomAtlas;

    /** Probes on {@code atlas}'s decision states, 30% held out, the default ridge, split drawn from {@code seed}. */
    public ConceptProbe(ActivationAtlas atlas, long seed) {
        this(atlas, atlas.states().decisionStates(), DEFAULT_TEST_FRACTION, DEFAULT_RIDGE, seed);
    }

    /**
     * Probes on the states where {@code include} is true.
     *
     * @param include      {@code [states]}: the states probed
     * @param testFraction the fraction held out, in (0, 1)
     * @param ridge        the relative ridge penalty, {@code > 0}
     * @param seed         the seed the split and the shuffle are derived from (with {@link Seeds#PROBE})
     * @throws IllegalArgumentException if fewer than 2 training or held-out states would remain, or on a bad argument
     */
    public ConceptProbe(ActivationAtlas atlas, boolean[] include, double testFraction, double ridge, long seed) {
        if (include.length != atlas.states().size()) {
            throw new IllegalArgumentException(include.length + " include flags for " + atlas.states().size()
                    + " states");
        }
        if (!(testFraction > 0 && testFraction < 1)) {
            throw new IllegalArgumentException("testFraction must be in (0, 1), got " + testFraction);
        }
        if (!(ridge > 0)) {
            throw new IllegalArgumentException("ridge must be > 0, got " + ridge);
        }
        List<Integer> states = new ArrayList<>();
        for (int s = 0; s < include.length; s++) {
            if (include[s]) {
                states.add(s);
            }
        }
        int n = states.size();
        int nTrain = (int) Math.round((1 - testFraction) * n);
        if (nTrain < 2 || n - nTrain < 2) {
            throw new IllegalArgumentException(n + " probed states leave " + nTrain + " to train and " + (n - nTrain)
                    + " held out; each needs at least 2");
        }
        Rng rng = new Rng(Seeds.derive(seed, Seeds.PROBE));
        int[] order = rng.permutation(n);
        this.probed = states.stream().mapToInt(Integer::intValue).toArray();
        this.train = new int[nTrain];
        this.test = new int[n - nTrain];
        for (int i = 0; i < n; i++) {
            int s = probed[order[i]];
            if (i < nTrain) {
                train[i] = s;
            } else {
                test[i - nTrain] = s;
            }
        }
        this.labelPermutation = rng.permutation(n);
        this.atlas = atlas;
        this.ridge = ridge;
        this.randomAtlas = null;
    }

    private ConceptProbe(ConceptProbe base, ActivationAtlas randomAtlas) {
        this.atlas = base.atlas;
        this.train = base.train;
        this.test = base.test;
        this.labelPermutation = base.labelPermutation;
        this.probed = base.probed;
        this.ridge = base.ridge;
        this.randomAtlas = randomAtlas;
    }

    /**
     * This probe (same states, split and labels) with a random-initialisation control: every score is also computed
     * on {@code fresh}, the atlas of a freshly initialised network of the same shape over the same states, and
     * reported as {@link ProbeScore#random}.
     *
     * @throws IllegalArgumentException if {@code fresh} is over another number of states or has other sites or widths
     */
    public ConceptProbe withRandomControl(ActivationAtlas fresh) {
        if (fresh.states().size() != atlas.states().size()) {
            throw new IllegalArgumentException("the control atlas has " + fresh.states().size() + " states, the probed "
                    + atlas.states().size());
        }
        if (!fresh.sites().equals(atlas.sites())) {
            throw new IllegalArgumentException("the control network's sites " + fresh.sites() + " are not the probed "
                    + atlas.sites());
        }
        return new ConceptProbe(this, fresh);
    }

    /** The atlas probed. */
    public ActivationAtlas atlas() {
        return atlas;
    }

    /** The training states, by state number (a copy). */
    public int[] trainStates() {
        return train.clone();
    }

    /** The held-out states, by state number (a copy). */
    public int[] testStates() {
        return test.clone();
    }

    /** The probe of {@code concept} at {@code site}, with its shuffled-labels control. */
    public ProbeScore probe(String site, Concept concept) {
        if (concept.values().length != atlas.states().size()) {
            throw new IllegalArgumentException(concept.name() + " has " + concept.values().length + " values for "
                    + atlas.states().size() + " states");
        }
        Activations a = atlas.activations(site);
        double[] y = concept.values();
        double[] shuffledY = y.clone();
        for (int i = 0; i < probed.length; i++) {
            shuffledY[probed[i]] = y[probed[labelPermutation[i]]];
        }
        String why = undefinedReason(concept.kind(), y);
        if (why != null) {
            return ProbeScore.undefined(concept.name(), site, concept.kind(), train.length, test.length, why);
        }
        double chance = concept.kind() == Concept.Kind.QUANTITY ? 0 : 1.0 / distinct(y, test).size();
        return new ProbeScore(concept.name(), site, concept.kind(), score(a, concept.kind(), y),
                undefinedReason(concept.kind(), shuffledY) == null ? score(a, concept.kind(), shuffledY) : Double.NaN,
                randomAtlas == null ? Double.NaN : score(randomAtlas.activations(site), concept.kind(), y), chance, train.length, test.length, null);
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

    private String undefinedReason(Concept.Kind kind, double[] y) {
        int all = distinct(y, probed).size();
        if (all < 2) {
            return "constant over the " + probed.length + " probed states";
        }
        if (distinct(y, train).size() < 2) {
            return "constant over the training states";
        }
        if (distinct(y, test).size() < 2) {
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

    private double score(Activations a, Concept.Kind kind, double[] y) {
        if (kind == Concept.Kind.QUANTITY) {
            double[][] targets = new double[train.length][1];
            for (int i = 0; i < train.length; i++) {
                targets[i][0] = y[train[i]];
            }
            double[][] pred = fitPredict(a, targets);
            double mean = 0;
            for (int s : test) {
                mean += y[s];
            }
            mean /= test.length;
            double sse = 0;
            double sst = 0;
            for (int i = 0; i < test.length; i++) {
                double e = y[test[i]] - pred[i][0];
                double d = y[test[i]] - mean;
                sse += e * e;
                sst += d * d;
            }
            return 1 - sse / sst;
        }
        List<Double> classes = new ArrayList<>(distinct(y, probed).keySet());
        double[][] targets = new double[train.length][classes.size()];
        for (int i = 0; i < train.length; i++) {
            targets[i][classes.indexOf(y[train[i]])] = 1;
        }
        double[][] out = fitPredict(a, targets);
        TreeMap<Double, int[]> perClass = new TreeMap<>(); // class -> {right, total}
        for (int i = 0; i < test.length; i++) {
            int best = 0;
            for (int k = 1; k < classes.size(); k++) {
                if (out[i][k] > out[i][best]) {
                    best = k;
                }
            }
            int[] rt = perClass.computeIfAbsent(y[test[i]], c -> new int[2]);
            rt[0] += classes.get(best).equals(y[test[i]]) ? 1 : 0;
            rt[1]++;
        }
        double sum = 0;
        for (int[] rt : perClass.values()) {
            sum += (double) rt[0] / rt[1];
        }
        return sum / perClass.size();
    }

    /** Ridge with intercept fitted on the training states' rows of {@code a}, predicted on the held-out ones. */
    private double[][] fitPredict(Activations a, double[][] targets) {
        int p = a.site().width();
        int n = train.length;
        int k = targets[0].length;
        double[] mx = new double[p];
        for (int s : train) {
            for (int j = 0; j < p; j++) {
                mx[j] += a.get(s, j);
            }
        }
        for (int j = 0; j < p; j++) {
            mx[j] /= n;
        }
        double[] my = new double[k];
        for (double[] t : targets) {
            for (int c = 0; c < k; c++) {
                my[c] += t[c];
            }
        }
        for (int c = 0; c < k; c++) {
            my[c] /= n;
        }
        double[][] x = centred(a, train, mx);
        double[][] xt = centred(a, test, mx);
        double[][] yc = new double[n][k];
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < k; c++) {
                yc[i][c] = targets[i][c] - my[c];
            }
        }
        double trace = 0;
        for (double[] row : x) {
            for (double v : row) {
                trace += v * v;
            }
        }
        double lambda = trace > 0 ? ridge * trace / p : ridge;
        double[][] w; // [p][k]
        if (p <= n) {
            double[][] g = new double[p][p];
            double[][] rhs = new double[p][k];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < p; j++) {
                    double xij = x[i][j];
                    if (xij == 0) {
                        continue;
                    }
                    for (int l = 0; l < p; l++) {
                        g[j][l] += xij * x[i][l];
                    }
                    for (int c = 0; c < k; c++) {
                        rhs[j][c] += xij * yc[i][c];
                    }
                }
            }
            for (int j = 0; j < p; j++) {
                g[j][j] += lambda;
            }
            w = choleskySolve(g, rhs);
        } else {
            double[][] g = new double[n][n];
            for (int i = 0; i < n; i++) {
                for (int l = 0; l <= i; l++) {
                    double d = dot(x[i], x[l]);
                    g[i][l] = d;
                    g[l][i] = d;
                }
                g[i][i] += lambda;
            }
            double[][] alpha = choleskySolve(g, yc);
            w = new double[p][k];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < p; j++) {
                    if (x[i][j] != 0) {
                        for (int c = 0; c < k; c++) {
                            w[j][c] += x[i][j] * alpha[i][c];
                        }
                    }
                }
            }
        }
        double[][] pred = new double[test.length][k];
        for (int i = 0; i < test.length; i++) {
            for (int c = 0; c < k; c++) {
                double v = my[c];
                for (int j = 0; j < p; j++) {
                    v += xt[i][j] * w[j][c];
                }
                pred[i][c] = v;
            }
        }
        return pred;
    }

    private static double[][] centred(Activations a, int[] states, double[] mean) {
        double[][] x = new double[states.length][mean.length];
        for (int i = 0; i < states.length; i++) {
            for (int j = 0; j < mean.length; j++) {
                x[i][j] = a.get(states[i], j) - mean[j];
            }
        }
        return x;
    }

    private static double dot(double[] u, double[] v) {
        double s = 0;
        for (int i = 0; i < u.length; i++) {
            s += u[i] * v[i];
        }
        return s;
    }

    /** Solves {@code g x = b} for a symmetric positive definite {@code g} (overwritten), every column of {@code b}. */
    static double[][] choleskySolve(double[][] g, double[][] b) {
        int n = g.length;
        for (int j = 0; j < n; j++) {
            double d = g[j][j];
            for (int l = 0; l < j; l++) {
                d -= g[j][l] * g[j][l];
            }
            if (!(d > 0)) {
                throw new ArithmeticException("matrix not positive definite at pivot " + j + " (" + d + ")");
            }
            g[j][j] = Math.sqrt(d);
            for (int i = j + 1; i < n; i++) {
                double v = g[i][j];
                for (int l = 0; l < j; l++) {
                    v -= g[i][l] * g[j][l];
                }
                g[i][j] = v / g[j][j];
            }
        }
        int k = b[0].length;
        double[][] x = new double[n][k];
        for (int c = 0; c < k; c++) {
            double[] z = new double[n];
            for (int i = 0; i < n; i++) {
                double v = b[i][c];
                for (int l = 0; l < i; l++) {
                    v -= g[i][l] * z[l];
                }
                z[i] = v / g[i][i];
            }
            for (int i = n - 1; i >= 0; i--) {
                double v = z[i];
                for (int l = i + 1; l < n; l++) {
                    v -= g[l][i] * x[l][c];
                }
                x[i][c] = v / g[i][i];
            }
        }
        return x;
    }
}
