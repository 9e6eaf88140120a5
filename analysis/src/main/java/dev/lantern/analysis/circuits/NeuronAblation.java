package dev.lantern.analysis.circuits;

import dev.lantern.agents.api.Activations;
import dev.lantern.agents.api.InspectableNetwork;
import dev.lantern.agents.api.Intervention;
import dev.lantern.agents.api.Recording;
import dev.lantern.agents.api.Site;
import dev.lantern.environments.random.Rng;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Ablation of single neurons over the whole state space (issue 10, point 3): a neuron of a hidden layer is replaced
 * ({@link AblationKind}: by 0, by its mean over the decision states, or resampled from another state) in every state
 * at once, through the seam's {@link Intervention}s on the snapshot's copy (nothing stays installed, nothing reaches
 * the trained network), and the heads are compared with the clean pass of the {@link ActivationAtlas}:
 * {@link AblationEffect}, with the value error and the greedy outcome from the start in its {@link AblationOutcome}.
 *
 * <p>Heads: an actor-critic's {@code policy.logits} (softmax policy, KL) and {@code value.out}; a Q-network's
 * {@code q.values} (greedy action {@code argmax Q}, value {@code max Q}, no KL).
 *
 * <p><b>Several neurons per pass.</b> {@link #effects} ablates {@code k} neurons of one site in one pass: the padded
 * state batch is stacked {@code k} times, and block {@code b} has neuron {@code b} replaced while the other {@code k - 1}
 * are replaced by their own clean activations (one {@link Intervention#replace} with a value per example, as
 * activation patching does). Every block is a multiple of {@link ActivationAtlas#BLOCK} examples, so each row is
 * computed as in a pass of its own, and the clean activations flow on unchanged: the effects equal those of one pass
 * per neuron bit for bit (a test), and a neuron the heads do not read changes nothing, bit for bit.
 *
 * <pre>{@code
 * ActivationAtlas atlas = ActivationAtlas.record(net, StateBatch.of(world));
 * NeuronAblation ablation = new NeuronAblation(atlas, gamma, seed);
 * for (AblationEffect e : ablation.table(AblationKind.MEAN)) { ... }   // every hidden neuron, most effective first
 * }</pre>
 */
public final class NeuronAblation {

    /** The actor-critic policy head. */
    public static final String POLICY = "policy.logits";
    /** The actor-critic value head. */
    public static final String VALUE = "value.out";
    /** The Q-network head. */
    public static final String Q = "q.values";
    /** Neurons ablated per pass by {@link #table(AblationKind)}. */
    public static final int NEURONS_PER_PASS = 16;

    private final InspectableNetwork network;
    private final ActivationAtlas atlas;
    private final HeadReadings readings;
    private final Optional<ValueTruth> truth;
    private final int[] sources;
    private final double cleanErrorStar;
    private final double cleanErrorPi;
    private final Map<Integer, double[]> stacked = new HashMap<>();

    /**
     * Ablations of the network {@code atlas} was recorded from, on its states, without value targets (the errors of
     * {@link AblationOutcome} are NaN) and with resampling seed 0.
     *
     * @throws IllegalArgumentException if the heads are neither an actor-critic's nor a Q-network's, or if no state
     *         is a decision state
     */
    public NeuronAblation(ActivationAtlas atlas) {
        this(atlas, Optional.empty(), 0L);
    }

    /**
     * Ablations with the value head checked against {@code V*} and {@code V^pi} at the agent's discount {@code gamma}
     * ({@link ValueTruth}), resampling from the cyclic permutation seeded by {@code seed}.
     *
     * @throws IllegalArgumentException as {@link #NeuronAblation(ActivationAtlas)}, or for {@code gamma} outside
     *         {@code (0, 1]}
     */
    public NeuronAblation(ActivationAtlas atlas, double gamma, long seed) {
        this(atlas, Optional.of(HeadReadings.of(atlas).truth(gamma)), seed);
    }

    private NeuronAblation(ActivationAtlas atlas, Optional<ValueTruth> truth, long seed) {
        this.readings = HeadReadings.of(atlas);
        this.network = atlas.network();
        this.atlas = atlas;
        this.truth = truth;
        this.sources = cyclicSources(readings.decides(), seed);
        double[] clean = readings.values(atlas.recording());
        this.cleanErrorStar = truth.map(t -> t.errorStar(clean)).orElse(Double.NaN);
        this.cleanErrorPi = truth.map(t -> t.errorPi(clean)).orElse(Double.NaN);
    }

    /** The hidden layers whose neurons are ablated: the atlas's layers that are not heads, in pass order. */
    public List<Site> hiddenLayers() {
        List<Site> layers = new ArrayList<>(atlas.layers());
        layers.removeAll(network.heads());
        return layers;
    }

    /** The value targets, when the ablation was made with a discount. */
    public Optional<ValueTruth> truth() {
        return truth;
    }

    /** The clean network's mean {@code |V-hat - V*|} over the decision states (NaN without targets). */
    public double cleanErrorStar() {
        return cleanErrorStar;
    }

    /** The clean network's mean {@code |V-hat - V^pi|} over the decision states (NaN without targets). */
    public double cleanErrorPi() {
        return cleanErrorPi;
    }

    /** The clean network's greedy outcome from the start. */
    public GreedyOutcome cleanOutcome() {
        return readings.cleanOutcome();
    }

    /**
     * For {@link AblationKind#RESAMPLE}: the state whose activation state {@code s} gets, by state number; a cyclic
     * permutation of the decision states (no fixed point when there are two or more), the identity elsewhere.
     */
    public int[] resampleSources() {
        return sources.clone();
    }

    /** The value {@code kind} puts in place of {@code neuron} of {@code site}: 0, the mean, or NaN (resampled). */
    public double replacement(String site, int neuron, AblationKind kind) {
        return switch (kind) {
            case ZERO -> 0;
            case RESAMPLE -> Double.NaN;
            case MEAN -> {
                Activations a = atlas.activations(site);
                boolean[] decides = readings.decides();
                double sum = 0;
                for (int s = 0; s < decides.length; s++) {
                    if (decides[s]) {
                        sum += a.get(s, neuron);
                    }
                }
                yield sum / readings.decisionCount();
            }
        };
    }

    /** The value {@code kind} puts in place of {@code neuron} of {@code site} in each state, by state number. */
    public double[] replacements(String site, int neuron, AblationKind kind) {
        double[] v = new double[atlas.states().size()];
        if (kind == AblationKind.RESAMPLE) {
            Activations a = atlas.activations(site);
            for (int s = 0; s < v.length; s++) {
                v[s] = a.get(sources[s], neuron);
            }
        } else {
            Arrays.fill(v, replacement(site, neuron, kind));
        }
        return v;
    }

    /** The heads over every state (state {@code i} at example {@code i}) with {@code neuron} of {@code site} ablated. */
    public Recording ablatedHeads(String site, int neuron, AblationKind kind) {
        return ablatedHeads(site, new int[] {neuron}, kind).get(0);
    }

    /**
     * One pass ablating each of {@code neurons} of {@code site} in its own block: element {@code b} holds the heads
     * over every state with {@code neurons[b]} ablated (see "Several neurons per pass" above).
     *
     * @throws IllegalArgumentException if there is no such site, a neuron is outside it or appears twice
     */
    public List<Recording> ablatedHeads(String site, int[] neurons, AblationKind kind) {
        Site s = network.site(site); // names the sites when there is no such one
        if (neurons.length == 0 || Arrays.stream(neurons).distinct().count() != neurons.length) {
            throw new IllegalArgumentException("neurons " + Arrays.toString(neurons) + " of " + site
                    + ": want one or more, each once");
        }
        int n = atlas.states().size();
        int padded = ActivationAtlas.padded(n);
        int k = neurons.length;
        Activations clean = atlas.activations(s.name());
        double[][] replaced = new double[k][];
        for (int c = 0; c < k; c++) {
            if (neurons[c] < 0 || neurons[c] >= s.width()) {
                throw new IllegalArgumentException("neuron " + neurons[c] + " outside [0, " + s.width() + ") of " + site);
            }
            replaced[c] = replacements(site, neurons[c], kind);
        }
        double[] values = new double[k * padded * k];
        for (int b = 0; b < k; b++) {
            for (int e = 0; e < padded; e++) {
                int state = Math.min(e, n - 1); // the padding repeats the last state
                int at = (b * padded + e) * k;
                for (int c = 0; c < k; c++) {
                    values[at + c] = c == b ? replaced[c][state] : clean.get(state, neurons[c]);
                }
            }
        }
        double[] obs = stacked.computeIfAbsent(k, this::stackedObservations);
        Recording r = network.run(obs, k * padded, readings.heads(), List.of(Intervention.replace(site, neurons,
                values)));
        List<Recording> blocks = new ArrayList<>(k);
        for (int b = 0; b < k; b++) {
            Map<String, Activations> cut = new LinkedHashMap<>();
            for (String h : readings.heads()) {
                Activations a = r.get(h);
                int w = a.site().width();
                cut.put(h, new Activations(a.site(), n, Arrays.copyOfRange(a.values(), b * padded * w,
                        (b * padded + n) * w)));
            }
            blocks.add(new Recording(n, cut));
        }
        return blocks;
    }

    /** The effect of ablating {@code neuron} of {@code site} with {@code kind} over the decision states. */
    public AblationEffect effect(String site, int neuron, AblationKind kind) {
        return effects(site, new int[] {neuron}, kind).get(0);
    }

    /** The effects of ablating each of {@code neurons} of {@code site} alone, computed in one pass. */
    public List<AblationEffect> effects(String site, int[] neurons, AblationKind kind) {
        List<Recording> ablated = ablatedHeads(site, neurons, kind);
        List<AblationEffect> effects = new ArrayList<>(neurons.length);
        for (int b = 0; b < neurons.length; b++) {
            Recording r = ablated.get(b);
            HeadChange c = readings.compare(r);
            double[] values = readings.values(r);
            AblationOutcome outcome = new AblationOutcome(cleanErrorStar,
                    truth.map(t -> t.errorStar(values)).orElse(Double.NaN), cleanErrorPi,
                    truth.map(t -> t.errorPi(values)).orElse(Double.NaN), readings.cleanOutcome(),
                    readings.outcome(r));
            effects.add(new AblationEffect(site, neurons[b], kind, replacement(site, neurons[b], kind), c,
                    outcome));
        }
        return effects;
    }

    /**
     * Every neuron of every hidden layer ablated with {@code kind}, {@value #NEURONS_PER_PASS} per pass, most
     * effective first: by policy KL (an actor-critic), then by the fraction of greedy actions changed, then by mean
     * |dV|; ties keep pass order.
     */
    public List<AblationEffect> table(AblationKind kind) {
        return table(kind, NEURONS_PER_PASS);
    }

    /** {@link #table(AblationKind)} with {@code neuronsPerPass} neurons a pass (1: one pass per neuron). */
    public List<AblationEffect> table(AblationKind kind, int neuronsPerPass) {
        if (neuronsPerPass < 1) {
            throw new IllegalArgumentException("neuronsPerPass: must be >= 1, got " + neuronsPerPass);
        }
        List<AblationEffect> effects = new ArrayList<>();
        for (Site layer : hiddenLayers()) {
            for (int from = 0; from < layer.width(); from += neuronsPerPass) {
                int[] group = new int[Math.min(neuronsPerPass, layer.width() - from)];
                Arrays.setAll(group, i -> i);
                int start = from;
                effects.addAll(effects(layer.name(), Arrays.stream(group).map(i -> start + i).toArray(), kind));
            }
        }
        Comparator<AblationEffect> order = Comparator.comparingDouble(
                (AblationEffect e) -> Double.isNaN(e.policyKl()) ? 0 : e.policyKl())
                .thenComparingDouble(AblationEffect::greedyChanged).thenComparingDouble(AblationEffect::meanAbsValue)
                .reversed();
        effects.sort(order);
        return effects;
    }

    /** The padded observations stacked {@code k} times. */
    private double[] stackedObservations(int k) {
        double[] one = ActivationAtlas.paddedObservations(atlas.states());
        double[] all = new double[one.length * k];
        for (int b = 0; b < k; b++) {
            System.arraycopy(one, 0, all, b * one.length, one.length);
        }
        return all;
    }

    /** A cyclic permutation of the decision states (Sattolo's algorithm, seeded), the identity on the others. */
    private static int[] cyclicSources(boolean[] decides, long seed) {
        int[] ids = java.util.stream.IntStream.range(0, decides.length).filter(s -> decides[s]).toArray();
        int[] cycle = ids.clone();
        Rng rng = new Rng(seed);
        for (int i = cycle.length - 1; i > 0; i--) {
            int j = rng.nextInt(i); // j < i: Sattolo, one cycle through every state
            int t = cycle[i];
            cycle[i] = cycle[j];
            cycle[j] = t;
        }
        int[] sources = new int[decides.length];
        Arrays.setAll(sources, s -> s);
        for (int i = 0; i < ids.length; i++) {
            sources[ids[i]] = cycle[i];
        }
        return sources;
    }

    /** The index of the largest entry, the lowest among ties: the greedy action every analysis here uses. */
    public static int argmax(double[] v) {
        int best = 0;
        for (int i = 1; i < v.length; i++) {
            if (v[i] > v[best]) {
                best = i;
            }
        }
        return best;
    }

    /** {@code out[a] = x[a] - log sum exp x}, stable. */
    public static void logSoftmax(double[] x, double[] out) {
        double max = Double.NEGATIVE_INFINITY;
        for (double v : x) {
            max = Math.max(max, v);
        }
        double sum = 0;
        for (double v : x) {
            sum += Math.exp(v - max);
        }
        double log = max + Math.log(sum);
        for (int a = 0; a < x.length; a++) {
            out[a] = x[a] - log;
        }
    }
}
