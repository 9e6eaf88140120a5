package dev.lantern.analysis.circuits;

import dev.lantern.agents.api.Activations;
import dev.lantern.agents.api.InspectableNetwork;
import dev.lantern.agents.api.Intervention;
import dev.lantern.agents.api.Recording;
import dev.lantern.agents.api.Site;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Ablation of single neurons over the whole state space (issue 10, point 3): a neuron of a hidden layer is replaced by
 * 0 or by its mean over the decision states, in every state at once, through the seam's {@link Intervention}s on the
 * snapshot's copy (nothing stays installed, nothing reaches the trained network), and the heads are compared with the
 * clean pass of the {@link ActivationAtlas}: {@link AblationEffect}. The ablated pass is padded exactly as the atlas's
 * pass, so a neuron the heads do not read changes nothing, bit for bit.
 *
 * <p>Heads: an actor-critic's {@code policy.logits} (softmax policy, KL) and {@code value.out}; a Q-network's
 * {@code q.values} (greedy action {@code argmax Q}, value {@code max Q}, no KL). One pass per neuron and kind.
 *
 * <pre>{@code
 * ActivationAtlas atlas = ActivationAtlas.record(net, StateBatch.of(world));
 * NeuronAblation ablation = new NeuronAblation(atlas);
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

    private final InspectableNetwork network;
    private final ActivationAtlas atlas;
    private final boolean[] decides;
    private final int decisionCount;
    private final double[] paddedObservations;
    private final boolean qNetwork;
    private final List<String> heads;

    /**
     * Ablations of the network {@code atlas} was recorded from, on its states.
     *
     * @throws IllegalArgumentException if the heads are neither an actor-critic's nor a Q-network's, or if no state
     *         is a decision state
     */
    public NeuronAblation(ActivationAtlas atlas) {
        InspectableNetwork network = atlas.network();
        List<String> names = network.heads().stream().map(Site::name).toList();
        if (names.equals(List.of(Q))) {
            qNetwork = true;
        } else if (names.contains(POLICY) && names.contains(VALUE)) {
            qNetwork = false;
        } else {
            throw new IllegalArgumentException("ablation reads the heads " + List.of(POLICY, VALUE) + " or " + List.of(Q)
                    + ", the network has " + names);
        }
        this.heads = qNetwork ? List.of(Q) : List.of(POLICY, VALUE);
        this.network = network;
        this.atlas = atlas;
        this.decides = atlas.states().decisionStates();
        int count = 0;
        for (boolean d : decides) {
            count += d ? 1 : 0;
        }
        if (count == 0) {
            throw new IllegalArgumentException("no state of " + atlas.states().world().spec().id()
                    + " is a decision state (reachable and not terminal)");
        }
        this.decisionCount = count;
        this.paddedObservations = ActivationAtlas.paddedObservations(atlas.states());
    }

    /** The hidden layers whose neurons are ablated: the atlas's layers that are not heads, in pass order. */
    public List<Site> hiddenLayers() {
        List<Site> layers = new ArrayList<>(atlas.layers());
        layers.removeAll(network.heads());
        return layers;
    }

    /** The value {@code kind} puts in place of {@code neuron} of {@code site}. */
    public double replacement(String site, int neuron, AblationKind kind) {
        if (kind == AblationKind.ZERO) {
            return 0;
        }
        Activations a = atlas.activations(site);
        double sum = 0;
        for (int s = 0; s < decides.length; s++) {
            if (decides[s]) {
                sum += a.get(s, neuron);
            }
        }
        return sum / decisionCount;
    }

    /** The heads over every state (state {@code i} at example {@code i}) with {@code neuron} of {@code site} ablated. */
    public Recording ablatedHeads(String site, int neuron, AblationKind kind) {
        int n = atlas.states().size();
        Intervention replace = Intervention.replace(site, new int[] {neuron}, replacement(site, neuron, kind));
        Recording r = network.run(paddedObservations, ActivationAtlas.padded(n), heads, List.of(replace));
        Map<String, Activations> cut = new LinkedHashMap<>();
        for (String h : heads) {
            Activations a = r.get(h);
            cut.put(h, new Activations(a.site(), n, Arrays.copyOf(a.values(), n * a.site().width())));
        }
        return new Recording(n, cut);
    }

    /** The effect of ablating {@code neuron} of {@code site} with {@code kind} over the decision states. */
    public AblationEffect effect(String site, int neuron, AblationKind kind) {
        network.site(site); // names the sites when there is no such one
        Recording ablated = ablatedHeads(site, neuron, kind);
        Activations cleanPolicy = atlas.activations(qNetwork ? Q : POLICY);
        Activations newPolicy = ablated.get(qNetwork ? Q : POLICY);
        int actions = cleanPolicy.site().width();
        double kl = 0;
        double dv = 0;
        List<Integer> changed = new ArrayList<>();
        double[] p = new double[actions];
        double[] q = new double[actions];
        for (int s = 0; s < decides.length; s++) {
            if (!decides[s]) {
                continue;
            }
            double[] before = cleanPolicy.row(s);
            double[] after = newPolicy.row(s);
            if (argmax(before) != argmax(after)) {
                changed.add(s);
            }
            if (qNetwork) {
                dv += Math.abs(after[argmax(after)] - before[argmax(before)]);
            } else {
                logSoftmax(before, p);
                logSoftmax(after, q);
                double d = 0;
                for (int a = 0; a < actions; a++) {
                    d += Math.exp(p[a]) * (p[a] - q[a]);
                }
                kl += d;
                dv += Math.abs(ablated.get(VALUE).get(s, 0) - atlas.activations(VALUE).get(s, 0));
            }
        }
        return new AblationEffect(site, neuron, kind, replacement(site, neuron, kind),
                qNetwork ? Double.NaN : kl / decisionCount, changed.size() / (double) decisionCount,
                dv / decisionCount, changed.stream().mapToInt(Integer::intValue).toArray());
    }

    /**
     * Every neuron of every hidden layer ablated with {@code kind}, most effective first: by policy KL (an
     * actor-critic), then by the fraction of greedy actions changed, then by mean |dV|; ties keep pass order.
     */
    public List<AblationEffect> table(AblationKind kind) {
        List<AblationEffect> effects = new ArrayList<>();
        for (Site layer : hiddenLayers()) {
            for (int j = 0; j < layer.width(); j++) {
                effects.add(effect(layer.name(), j, kind));
            }
        }
        Comparator<AblationEffect> order = Comparator.comparingDouble(
                (AblationEffect e) -> Double.isNaN(e.policyKl()) ? 0 : e.policyKl())
                .thenComparingDouble(AblationEffect::greedyChanged).thenComparingDouble(AblationEffect::meanAbsValue)
                .reversed();
        effects.sort(order);
        return effects;
    }

    /** The index of the largest entry, the lowest among ties. */
    static int argmax(double[] v) {
        int best = 0;
        for (int i = 1; i < v.length; i++) {
            if (v[i] > v[best]) {
                best = i;
            }
        }
        return best;
    }

    /** {@code out[a] = x[a] - log sum exp x}, stable. */
    private static void logSoftmax(double[] x, double[] out) {
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
