package dev.lantern.analysis.circuits;

import dev.lantern.agents.api.Activations;
import dev.lantern.agents.api.Site;
import dev.lantern.environments.grid.GridState;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * Describes every hidden neuron of an {@link ActivationAtlas} automatically ({@link NeuronDescription}): over the
 * decision states, the {@link Concept} whose values its activation correlates with most (largest Pearson |r|), its
 * top-activating states, and its ablation effect (an {@link AblationEffect} passed in).
 *
 * <p>Concepts: a quantity is correlated as it is; a class with two labels as its label; a class with more labels
 * as each label's indicator ({@code optimal action = right}), so a neuron can be found tracking one class. A concept
 * {@link Concept#defined() undefined} on the map, or constant over the decision states, is skipped; a neuron constant over them (dead ones included) has no concept.
 * The text says {@code tracks} a concept at {@code |r| >=} {@value #TRACKS}, and {@code best match} below it. Ties in
 * |r| keep the concept listed first.
 */
public final class NeuronDescriber {

    /** The |r| from which a neuron is said to track a concept. */
    public static final double TRACKS = 0.5;

    private final ActivationAtlas atlas;
    private final int topK;
    private final int[] decisions;
    private final List<String> names = new ArrayList<>();
    private final List<double[]> series = new ArrayList<>();

    /**
     * Descriptions of the neurons of {@code atlas} against {@code concepts} (each over the atlas's states).
     *
     * @param topK top-activating states to list, {@code >= 1}
     */
    public NeuronDescriber(ActivationAtlas atlas, List<Concept> concepts, int topK) {
        if (topK < 1) {
            throw new IllegalArgumentException("topK must be >= 1, got " + topK);
        }
        this.atlas = atlas;
        this.topK = topK;
        boolean[] decides = atlas.states().decisionStates();
        this.decisions = java.util.stream.IntStream.range(0, decides.length).filter(s -> decides[s]).toArray();
        for (Concept c : concepts) {
            if (!c.defined()) {
                continue; // means nothing on this map (e.g. has key without keys)
            }
            if (c.values().length != atlas.states().size()) {
                throw new IllegalArgumentException("concept " + c.name() + " has " + c.values().length
                        + " values, the atlas " + atlas.states().size() + " states");
            }
            double[] v = onDecisions(c.values());
            TreeSet<Double> labels = new TreeSet<>();
            for (double x : v) {
                if (!Double.isNaN(x)) {
                    labels.add(x); // NaN: the concept has no value in that state (a tie, an unreachable goal)
                }
            }
            if (c.kind() == Concept.Kind.CLASS && labels.size() > 2) {
                for (double label : labels) {
                    double[] indicator = new double[v.length];
                    for (int i = 0; i < v.length; i++) {
                        indicator[i] = Double.isNaN(v[i]) ? Double.NaN : v[i] == label ? 1 : 0;
                    }
                    add(c.name() + " = " + c.labelName(label), indicator);
                }
            } else {
                add(c.name(), v);
            }
        }
    }

    private void add(String name, double[] v) {
        if (!constant(v)) {
            names.add(name);
            series.add(v);
        }
    }

    /** The description of {@code neuron} of {@code site}, with its ablation effect (null for none). */
    public NeuronDescription describe(String site, int neuron, AblationEffect ablation) {
        Activations a = atlas.activations(site);
        double[] v = new double[decisions.length];
        for (int i = 0; i < v.length; i++) {
            v[i] = a.get(decisions[i], neuron);
        }
        boolean dead = java.util.Arrays.stream(atlas.health(site).dead()).anyMatch(d -> d == neuron);
        String concept = null;
        double r = Double.NaN;
        if (!constant(v)) {
            for (int c = 0; c < names.size(); c++) {
                double rc = pearson(v, series.get(c));
                if (!Double.isNaN(rc) && (concept == null || Math.abs(rc) > Math.abs(r))) {
                    concept = names.get(c);
                    r = rc;
                }
            }
        }
        Integer[] order = new Integer[decisions.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, Comparator.comparingDouble((Integer i) -> -v[i]).thenComparingInt(i -> i));
        int k = Math.min(topK, order.length);
        int[] top = new int[k];
        double[] values = new double[k];
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            top[i] = decisions[order[i]];
            values[i] = v[order[i]];
            labels.add(stateLabel(atlas.states().state(top[i])));
        }
        String text = text(site, neuron, dead, concept, r, v, labels, ablation);
        return new NeuronDescription(site, neuron, dead, concept, r, top, labels, values, ablation, text);
    }

    /**
     * Every neuron of every hidden layer (the atlas's layers that are not heads), in pass order, each with its entry
     * of {@code ablations} (matched by site and neuron; null where there is none).
     */
    public List<NeuronDescription> describeAll(List<AblationEffect> ablations) {
        Map<String, AblationEffect> byNeuron = new HashMap<>();
        ablations.forEach(e -> byNeuron.put(e.site() + "#" + e.neuron(), e));
        List<Site> hidden = new ArrayList<>(atlas.layers());
        hidden.removeAll(atlas.network().heads());
        List<NeuronDescription> out = new ArrayList<>();
        for (Site layer : hidden) {
            for (int j = 0; j < layer.width(); j++) {
                out.add(describe(layer.name(), j, byNeuron.get(layer.name() + "#" + j)));
            }
        }
        return out;
    }

    private String text(String site, int neuron, boolean dead, String concept, double r, double[] v,
            List<String> labels, AblationEffect ablation) {
        StringBuilder b = new StringBuilder(site).append(" #").append(neuron).append(": ");
        if (dead) {
            b.append("dead (|a| < 1e-3 on every state)");
        } else if (constant(v)) {
            b.append(String.format(Locale.ROOT, "constant (a = %.3g on every decision state)", v[0]));
        } else if (concept == null) {
            b.append("no concept varies over the decision states");
        } else {
            b.append(Math.abs(r) >= TRACKS ? "tracks " : "best match ").append(concept)
                    .append(String.format(Locale.ROOT, " (r = %.2f)", r));
        }
        if (!dead && !constant(v)) {
            b.append("; strongest on ").append(labels.get(0));
        }
        if (ablation != null) {
            double dv = ablation.meanAbsValue();
            b.append(String.format(Locale.ROOT, "; %s ablation flips %.0f%% of greedy actions, |dV| %s",
                    ablation.kind().name().toLowerCase(Locale.ROOT), 100 * ablation.greedyChanged(),
                    dv == 0 ? "0" : String.format(Locale.ROOT, "%.3g", dv)));
        }
        return b.toString();
    }

    /** {@code (r,c)}, then {@code with key} / {@code no key} on a map with keys, and the flags set. */
    private String stateLabel(GridState s) {
        StringBuilder b = new StringBuilder("(").append(s.row()).append(',').append(s.col()).append(')');
        if (atlas.states().world().map().keyCount() > 0) {
            b.append(s.holdsKey() ? " with key" : " no key");
        }
        if (s.has(GridState.FLAG_TRIGGER)) {
            b.append(" trigger");
        }
        if (s.has(GridState.FLAG_SUPERVISOR)) {
            b.append(" supervisor");
        }
        return b.toString();
    }

    private double[] onDecisions(double[] all) {
        double[] v = new double[decisions.length];
        for (int i = 0; i < v.length; i++) {
            v[i] = all[decisions[i]];
        }
        return v;
    }

    /** True if every value that is not NaN is the same (no rounding involved). */
    private static boolean constant(double[] x) {
        double first = Double.NaN;
        for (double v : x) {
            if (Double.isNaN(v)) {
                continue;
            }
            if (Double.isNaN(first)) {
                first = v;
            } else if (v != first) {
                return false;
            }
        }
        return true;
    }

    /**
     * Pearson's r of two series of the same length over the indices where {@code y} (the concept) has a value: a
     * state where the concept is NaN (a tie between optimal actions, an unreachable goal) is left out, not counted as
     * a "no". NaN if fewer than two such states or one side is constant over them.
     */
    public static double pearson(double[] x, double[] y) {
        double mx = 0;
        double my = 0;
        int n = 0;
        for (int i = 0; i < x.length; i++) {
            if (!Double.isNaN(y[i])) {
                mx += x[i];
                my += y[i];
                n++;
            }
        }
        if (n < 2) {
            return Double.NaN;
        }
        mx /= n;
        my /= n;
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (int i = 0; i < x.length; i++) {
            if (!Double.isNaN(y[i])) {
                sxy += (x[i] - mx) * (y[i] - my);
                sxx += (x[i] - mx) * (x[i] - mx);
                syy += (y[i] - my) * (y[i] - my);
            }
        }
        return sxx > 0 && syy > 0 ? sxy / Math.sqrt(sxx * syy) : Double.NaN;
    }
}
