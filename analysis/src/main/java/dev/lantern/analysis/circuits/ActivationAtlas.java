package dev.lantern.analysis.circuits;

import dev.lantern.agents.api.Activations;
import dev.lantern.agents.api.InspectableNetwork;
import dev.lantern.agents.api.Recording;
import dev.lantern.agents.api.Site;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every site's activations for every state of a grid world (issue 10, point 1), recorded in one batched forward pass
 * of a snapshot's network through the inspection seam: example {@code i} at every site is state number {@code i} of
 * the {@link StateBatch}. The pass is the agent's own (the seam's contract), so these are the activations the agent
 * computes, widened to double. Nothing is written into any network. The recorded numbers never change; the atlas
 * keeps the seam it read (for {@link NeuronAblation}), which, like every seam, is for one thread.
 *
 * <p><b>Bit for bit.</b> ND4J's CPU matrix product sums a row of a partial block of rows (the rows past the last
 * multiple of the kernel's block, and a batch of one) in another order than a row of a full block: in float the two
 * differ by about one ulp (up to 3.6e-7 measured on four-rooms). The pass is therefore padded to a multiple of
 * {@value #BLOCK} examples (repeating the last state; the padding is dropped), so every state's row is computed the
 * way any pass whose batch is a multiple of {@value #BLOCK} computes it, and equals, bit for bit, the pass over
 * {@value #BLOCK} copies of that state alone: a state's activations do not depend on which other states are in the
 * batch, how many there are, or where it sits (a test). A pass over one observation agrees within that ulp.
 *
 * <pre>{@code
 * InspectableNetwork net = ((Inspectable) agent.snapshot()).inspect();
 * ActivationAtlas atlas = ActivationAtlas.record(net, StateBatch.of(world));
 * double a = atlas.activations("torso.dense1").get(state, neuron);
 * for (NeuronHealth h : atlas.layerHealth()) { ... h.deadCount() ... h.saturatedCount() ... }
 * }</pre>
 *
 * <p>Memory: {@code states x (sum of site widths)} doubles, most of it the input site (one-hot four-rooms: 104 states
 * of 1183 inputs, about 1 MB).
 */
public final class ActivationAtlas {

    /** The pass is padded to a multiple of this many examples (see "Bit for bit" above). */
    public static final int BLOCK = 16;

    private final InspectableNetwork network;
    /** The grid states recorded, or null for an atlas over plain observations ({@link #ofObservations}). */
    private final StateBatch states;
    /** What the examples are, for messages: the world's id, or the description given to {@link #ofObservations}. */
    private final String source;
    private final List<Site> sites;
    private final Recording recording;

    private ActivationAtlas(InspectableNetwork network, StateBatch states, String source, List<Site> sites,
            Recording recording) {
        this.network = network;
        this.states = states;
        this.source = source;
        this.sites = sites;
        this.recording = recording;
    }

    /**
     * Records every site of {@code network} over every state of {@code states} in one pass, without interventions.
     *
     * @throws IllegalArgumentException if the network's input width is not the states' observation width
     */
    public static ActivationAtlas record(InspectableNetwork network, StateBatch states) {
        if (network.inputSize() != states.observationSize()) {
            throw new IllegalArgumentException("the network reads " + network.inputSize()
                    + " values per observation, the states of " + states.world().spec().id() + " have "
                    + states.observationSize());
        }
        return recordPadded(network, states, states.world().spec().id(), paddedObservations(states), states.size());
    }

    /**
     * Records every site of {@code network} over {@code count} arbitrary observations (example {@code i} is row
     * {@code i} of {@code observations}), padded as {@link #record} pads: the seam for examples that are not grid
     * states, such as board-game positions. Such an atlas has no {@link #states()}; probe it with the
     * {@link ConceptProbe} constructor that takes the probed examples and concepts of {@link #size()} values.
     *
     * @param observations {@code [count * network.inputSize()]} row-major (not kept)
     * @param source       what the examples are, for messages ({@code 4520 tic-tac-toe positions})
     * @throws IllegalArgumentException if {@code count < 1} or {@code observations} is not {@code count} rows of the
     *                                  network's input width
     */
    public static ActivationAtlas ofObservations(InspectableNetwork network, double[] observations, int count,
            String source) {
        int in = network.inputSize();
        if (count < 1 || (long) count * in != observations.length) {
            throw new IllegalArgumentException(source + ": " + observations.length + " values are not " + count
                    + " observations of the network's " + in + " inputs");
        }
        return recordPadded(network, null, source, padded(observations, count, in), count);
    }

    private static ActivationAtlas recordPadded(InspectableNetwork network, StateBatch states, String source,
            double[] obs, int n) {
        List<Site> sites = List.copyOf(network.sites());
        int padded = padded(n);
        Recording r = network.run(obs, padded, sites.stream().map(Site::name).toList(), List.of());
        Map<String, Activations> bySite = new LinkedHashMap<>();
        for (Site site : sites) {
            double[] v = r.get(site.name()).values();
            bySite.put(site.name(), new Activations(site, n, padded == n ? v : Arrays.copyOf(v, n * site.width())));
        }
        return new ActivationAtlas(network, states, source, sites, new Recording(n, bySite));
    }

    /** {@code n} rounded up to a multiple of {@link #BLOCK}. */
    static int padded(int n) {
        return (n + BLOCK - 1) / BLOCK * BLOCK;
    }

    /** The states' observations, padded to {@link #padded} examples by repeating the last one. */
    static double[] paddedObservations(StateBatch states) {
        return padded(states.observationsShared(), states.size(), states.observationSize());
    }

    /** {@code n} observations of {@code in} values, padded to {@link #padded} examples by repeating the last one. */
    private static double[] padded(double[] observations, int n, int in) {
        double[] obs = Arrays.copyOf(observations, padded(n) * in);
        for (int b = n; b < padded(n); b++) {
            System.arraycopy(obs, (n - 1) * in, obs, b * in, in);
        }
        return obs;
    }

    /** The network recorded (the seam over a snapshot's copy), for interventions on the same states. */
    public InspectableNetwork network() {
        return network;
    }

    /**
     * The states, example {@code i} being state number {@code i}.
     *
     * @throws IllegalStateException for an atlas over plain observations ({@link #ofObservations}), which has none
     */
    public StateBatch states() {
        if (states == null) {
            throw new IllegalStateException("this atlas is over " + size() + " observations (" + source
                    + "), not the states of a grid world");
        }
        return states;
    }

    /** Number of examples recorded: the states' number, or the observations' for {@link #ofObservations}. */
    public int size() {
        return recording.batch();
    }

    /** What the examples are, for messages: the grid world's id, or the description the observations came with. */
    public String source() {
        return source;
    }

    /** Every recorded site, input first, in the order the pass computes them. */
    public List<Site> sites() {
        return sites;
    }

    /** The sites that are layers: every site but the input and the pre-activations ({@code .pre}), in pass order. */
    public List<Site> layers() {
        List<Site> layers = new ArrayList<>();
        for (Site s : sites) {
            if (!s.name().equals(InspectableNetwork.INPUT) && !s.name().endsWith(Site.PRE)) {
                layers.add(s);
            }
        }
        return layers;
    }

    /** The activations at {@code site} over every state, {@code [states, width]}. */
    public Activations activations(String site) {
        return recording.get(site);
    }

    /** The whole recording (every site). */
    public Recording recording() {
        return recording;
    }

    /** Dead and saturated neurons at {@code site} over every state. */
    public NeuronHealth health(String site) {
        return NeuronHealth.of(activations(site));
    }

    /** Dead and saturated neurons of every layer ({@link #layers()}), in pass order. */
    public List<NeuronHealth> layerHealth() {
        return layers().stream().map(s -> health(s.name())).toList();
    }
}
