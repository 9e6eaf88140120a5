package dev.lantern.analysis.circuits;

import dev.lantern.agents.api.Activations;
import dev.lantern.agents.api.InspectableNetwork;
import dev.lantern.agents.api.Intervention;
import dev.lantern.agents.api.Readout;
import dev.lantern.agents.api.Recording;
import dev.lantern.agents.api.Site;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Activation patching between clean and corrupted states (issue 10, point 4): the corrupted state of each pair is run
 * with chosen neurons of one site replaced by the activations the clean state of the same pair has there (one
 * {@link Intervention#replace} with a value per example, on the snapshot's copy, never left installed), and an output
 * ({@link Readout}: an action's logit, the value, a Q-value, any neuron) is compared with the clean and the corrupted
 * outputs of the {@link ActivationAtlas}: {@link PatchEffect}, the fraction of {@code clean - corrupted} the patch
 * restores, pair by pair and averaged, undefined (NaN) where {@code |clean - corrupted| < epsilon}.
 *
 * <p>The patched pass is padded as the atlas's pass is, so every row is computed as the atlas computes it: patching a
 * state's own activations into itself changes nothing, bit for bit, and patching a whole layer gives back exactly the
 * clean output of every site the layer alone feeds (a test).
 *
 * <pre>{@code
 * ActivationAtlas atlas = ActivationAtlas.record(net, StateBatch.of(world));
 * ActivationPatching patching = new ActivationPatching(atlas, StatePairs.movedOneCellRight(atlas.states()));
 * PatchEffect e = patching.patch("torso.dense1", new int[] {3}, new Readout("value.out", 0));
 * e.pooledRestored(); e.meanRestored(); e.standardError(); e.definedCount();
 * }</pre>
 */
public final class ActivationPatching {

    /** The default threshold on {@code |clean - corrupted|} below which a pair's restored fraction is undefined. */
    public static final double EPSILON = 1e-6;

    private final ActivationAtlas atlas;
    private final InspectableNetwork network;
    private final StatePairs pairs;
    private final double epsilon;
    private final double[] paddedCorrupted;
    private double[] stacked;
    private int stackedCopies;

    /** Patching on {@code pairs} of {@code atlas}'s states, with {@link #EPSILON}. */
    public ActivationPatching(ActivationAtlas atlas, StatePairs pairs) {
        this(atlas, pairs, EPSILON);
    }

    /**
     * Patching on {@code pairs} of {@code atlas}'s states; a pair's fraction is undefined where
     * {@code |clean - corrupted| < epsilon}.
     *
     * @throws IllegalArgumentException if there are no pairs, a state number is outside the atlas's states, or
     *         {@code epsilon} is negative or NaN
     */
    public ActivationPatching(ActivationAtlas atlas, StatePairs pairs, double epsilon) {
        int n = atlas.states().size();
        if (pairs.size() == 0) {
            throw new IllegalArgumentException("no pairs in " + pairs.description() + " on "
                    + atlas.states().world().spec().id() + ": " + pairs.whyEmpty());
        }
        for (int[] side : List.of(pairs.clean(), pairs.corrupted())) {
            for (int s : side) {
                if (s < 0 || s >= n) {
                    throw new IllegalArgumentException(pairs.description() + ": state " + s + " outside [0, " + n
                            + ")");
                }
            }
        }
        if (!(epsilon >= 0)) {
            throw new IllegalArgumentException("epsilon: must be >= 0, got " + epsilon);
        }
        this.atlas = atlas;
        this.network = atlas.network();
        this.pairs = pairs;
        this.epsilon = epsilon;
        int in = atlas.states().observationSize();
        int padded = ActivationAtlas.padded(pairs.size());
        double[] all = atlas.states().observationsShared();
        int[] corrupted = pairs.corrupted();
        this.paddedCorrupted = new double[padded * in];
        for (int b = 0; b < padded; b++) {
            System.arraycopy(all, corrupted[Math.min(b, corrupted.length - 1)] * in, paddedCorrupted, b * in, in);
        }
    }

    /** The pairs patched. */
    public StatePairs pairs() {
        return pairs;
    }

    /** The threshold below which a pair's restored fraction is undefined. */
    public double epsilon() {
        return epsilon;
    }

    /**
     * {@code sites} over the corrupted states (pair {@code i} at example {@code i}) with {@code neurons} of
     * {@code site} replaced by the clean states' activations.
     */
    public Recording patchedRun(String site, int[] neurons, List<String> sites) {
        Site patchedSite = network.site(site); // names the sites when there is no such one
        int m = pairs.size();
        int padded = ActivationAtlas.padded(m);
        Activations clean = atlas.activations(patchedSite.name());
        int[] cleanStates = pairs.clean();
        double[] values = new double[padded * neurons.length];
        for (int b = 0; b < padded; b++) {
            int s = cleanStates[Math.min(b, m - 1)];
            for (int k = 0; k < neurons.length; k++) {
                values[b * neurons.length + k] = clean.get(s, neurons[k]);
            }
        }
        Recording r = network.run(paddedCorrupted, padded, sites, List.of(Intervention.replace(site, neurons,
                values)));
        Map<String, Activations> cut = new LinkedHashMap<>();
        for (String name : sites) {
            Activations a = r.get(name);
            cut.put(name, new Activations(a.site(), m, Arrays.copyOf(a.values(), m * a.site().width())));
        }
        return new Recording(m, cut);
    }

    /**
     * {@code sites} over the corrupted states, {@code neurons.length} times over: block {@code j} (examples
     * {@code [j m, (j + 1) m)}, pair {@code i} at {@code j m + i}, {@code m} the number of pairs) has neuron
     * {@code neurons[j]} of {@code site} alone replaced by the clean states' activation, in one forward pass. The
     * batch is the padded corrupted batch stacked once per neuron, and one {@link Intervention#replace} with a value
     * per example sets, in block {@code j}, neuron {@code neurons[j]} to the clean value and every other listed neuron
     * to the corrupted state's own activation (from the atlas, which the pass computes bit for bit: a no-op). Each
     * block equals {@link #patchedRun patchedRun(site, new int[] {neurons[j]}, sites)} bit for bit (a test).
     */
    public Recording patchedRunEach(String site, int[] neurons, List<String> sites) {
        Site patchedSite = network.site(site);
        for (int j : neurons) {
            if (j < 0 || j >= patchedSite.width()) {
                throw new IllegalArgumentException(site + ": neuron " + j + " outside [0, " + patchedSite.width()
                        + ")");
            }
        }
        int m = pairs.size();
        int padded = ActivationAtlas.padded(m);
        int k = neurons.length;
        Activations acts = atlas.activations(patchedSite.name());
        int[] cleanStates = pairs.clean();
        int[] corruptedStates = pairs.corrupted();
        double[] values = new double[k * padded * k];
        for (int j = 0; j < k; j++) {
            for (int b = 0; b < padded; b++) {
                int p = Math.min(b, m - 1);
                int row = (j * padded + b) * k;
                for (int i = 0; i < k; i++) {
                    values[row + i] = acts.get(i == j ? cleanStates[p] : corruptedStates[p], neurons[i]);
                }
            }
        }
        if (stackedCopies != k) { // the sweep asks for the same k again and again: keep the last stack
            stacked = new double[k * paddedCorrupted.length];
            for (int j = 0; j < k; j++) {
                System.arraycopy(paddedCorrupted, 0, stacked, j * paddedCorrupted.length, paddedCorrupted.length);
            }
            stackedCopies = k;
        }
        double[] obs = stacked;
        Recording r = network.run(obs, k * padded, sites, List.of(Intervention.replace(site, neurons, values)));
        Map<String, Activations> cut = new LinkedHashMap<>();
        for (String name : sites) {
            Activations a = r.get(name);
            int w = a.site().width();
            double[] v = new double[k * m * w];
            for (int j = 0; j < k; j++) {
                System.arraycopy(a.values(), j * padded * w, v, j * m * w, m * w);
            }
            cut.put(name, new Activations(a.site(), k * m, v));
        }
        return new Recording(k * m, cut);
    }

    /** The atlas whose clean and corrupted activations are patched and compared. */
    public ActivationAtlas atlas() {
        return atlas;
    }

    /** Patches {@code neurons} of {@code site} and reads {@code output}. */
    public PatchEffect patch(String site, int[] neurons, Readout output) {
        Site read = network.site(output.site());
        if (output.neuron() < 0 || output.neuron() >= read.width()) {
            throw new IllegalArgumentException("output " + output + ": neuron outside [0, " + read.width() + ")");
        }
        int m = pairs.size();
        Activations recorded = atlas.activations(read.name());
        Activations after = patchedRun(site, neurons, List.of(read.name())).get(read.name());
        int[] cs = pairs.clean();
        int[] xs = pairs.corrupted();
        double[] clean = new double[m];
        double[] corrupted = new double[m];
        double[] patched = new double[m];
        for (int i = 0; i < m; i++) {
            clean[i] = recorded.get(cs[i], output.neuron());
            corrupted[i] = recorded.get(xs[i], output.neuron());
            patched[i] = after.get(i, output.neuron());
        }
        RestoredFractions f = RestoredFractions.of(clean, corrupted, patched, epsilon);
        return new PatchEffect(site, neurons, output, pairs.description(), clean, corrupted, patched, f.restored(),
                epsilon, f.pooled(), f.mean(), f.standardError(), f.defined());
    }

    /** Patches neuron {@code neuron} of {@code site} alone. */
    public PatchEffect patchNeuron(String site, int neuron, Readout output) {
        return patch(site, new int[] {neuron}, output);
    }

    /** Patches every neuron of {@code site}. */
    public PatchEffect patchSite(String site, Readout output) {
        return patch(site, IntStream.range(0, network.site(site).width()).toArray(), output);
    }
}
