package dev.lantern.analysis.circuits;

import dev.lantern.agents.api.InspectableNetwork;
import dev.lantern.agents.api.Readout;
import dev.lantern.agents.api.Site;
import java.util.ArrayList;
import java.util.List;

/**
 * The output a {@link PatchSweep} reads in each pair: one fixed neuron of a site (the value), or, per pair, the
 * neuron of a head that is largest in the pair's <em>clean</em> state (the clean state's greedy action: its logit, or
 * its Q-value; the lowest index among ties, as {@link NeuronAblation} breaks them). Reading the clean greedy action's
 * own output asks "how much of the preference for what the agent does in the clean state does the patch give back".
 *
 * @param name   for tables ({@code value.out[0]}, {@code policy.logits[clean greedy]})
 * @param site   the site read
 * @param neuron the neuron read, or {@link #CLEAN_GREEDY}
 */
public record SweepOutput(String name, String site, int neuron) {

    /** {@link #neuron()} value meaning "the largest neuron of the site in the clean state". */
    public static final int CLEAN_GREEDY = -1;

    public SweepOutput {
        if (neuron < CLEAN_GREEDY) {
            throw new IllegalArgumentException(name + ": neuron " + neuron + " (expected >= 0, or " + CLEAN_GREEDY
                    + " for the clean greedy one)");
        }
    }

    /** The fixed output {@code r}. */
    public static SweepOutput of(Readout r) {
        return new SweepOutput(r.site() + "[" + r.neuron() + "]", r.site(), r.neuron());
    }

    /** Per pair, the neuron of {@code site} largest in the clean state. */
    public static SweepOutput cleanGreedy(String site) {
        return new SweepOutput(site + "[clean greedy]", site, CLEAN_GREEDY);
    }

    /**
     * The outputs {@code lantern analyze} sweeps: the value ({@code value.out[0]}) when the network has one, and the
     * clean greedy action's output of the action head ({@code policy.logits} or {@code q.values}), in that order.
     */
    public static List<SweepOutput> defaults(InspectableNetwork network) {
        List<String> names = network.sites().stream().map(Site::name).toList();
        List<SweepOutput> outputs = new ArrayList<>();
        if (names.contains(NeuronAblation.VALUE)) {
            outputs.add(of(new Readout(NeuronAblation.VALUE, 0)));
        }
        for (String head : List.of(NeuronAblation.POLICY, NeuronAblation.Q)) {
            if (names.contains(head)) {
                outputs.add(cleanGreedy(head));
            }
        }
        return outputs;
    }

    /** The neuron read in a pair whose clean state is {@code cleanState}. */
    int neuronFor(ActivationAtlas atlas, int cleanState) {
        if (neuron != CLEAN_GREEDY) {
            return neuron;
        }
        double[] row = atlas.activations(site).row(cleanState);
        int best = 0;
        for (int j = 1; j < row.length; j++) {
            if (row[j] > row[best]) {
                best = j;
            }
        }
        return best;
    }
}
