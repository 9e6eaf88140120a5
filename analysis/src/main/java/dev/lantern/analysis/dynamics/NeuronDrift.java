package dev.lantern.analysis.dynamics;

import dev.lantern.agents.api.Site;
import dev.lantern.analysis.circuits.AblationEffect;
import dev.lantern.analysis.circuits.AblationKind;
import dev.lantern.analysis.circuits.ActivationAtlas;
import dev.lantern.analysis.circuits.Concept;
import dev.lantern.analysis.circuits.NeuronAblation;
import dev.lantern.analysis.circuits.NeuronDescriber;
import dev.lantern.analysis.circuits.NeuronDescription;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Which hidden neurons changed their meaning between two checkpoints of the same architecture: each neuron is
 * described at both ({@link NeuronDescriber}: the concept its activation correlates with most over the decision
 * states) and mean-ablated at both ({@link NeuronAblation}), and the two readings are set side by side
 * ({@link NeuronChange}), neuron {@code j} of layer {@code L} at a against neuron {@code j} of layer {@code L} at b.
 */
public final class NeuronDrift {

    /** Top-activating states each description lists (not compared; the describer needs at least one). */
    private static final int TOP = 1;

    private NeuronDrift() {
    }

    /**
     * Every hidden neuron's change from {@code a} to {@code b}, in pass order (layer, then neuron).
     *
     * @param concepts the concepts to describe against, over the atlases' states (e.g. {@code ExactConcepts.builtIn})
     * @throws IllegalArgumentException if the hidden layers differ (names or widths) or the states differ in number
     */
    public static List<NeuronChange> of(ActivationAtlas a, ActivationAtlas b, List<Concept> concepts) {
        NeuronAblation ablationA = new NeuronAblation(a);
        NeuronAblation ablationB = new NeuronAblation(b);
        List<Site> hiddenA = ablationA.hiddenLayers();
        List<Site> hiddenB = ablationB.hiddenLayers();
        if (!hiddenA.equals(hiddenB)) {
            throw new IllegalArgumentException("neuron changes need the same architecture: hidden layers " + hiddenA
                    + " vs " + hiddenB);
        }
        if (a.states().size() != b.states().size()) {
            throw new IllegalArgumentException("the atlases are over " + a.states().size() + " and "
                    + b.states().size() + " states");
        }
        List<NeuronDescription> da = describe(a, ablationA, concepts);
        List<NeuronDescription> db = describe(b, ablationB, concepts);
        List<NeuronChange> out = new ArrayList<>();
        for (int i = 0; i < da.size(); i++) {
            out.add(change(da.get(i), db.get(i)));
        }
        return out;
    }

    private static List<NeuronDescription> describe(ActivationAtlas atlas, NeuronAblation ablation,
            List<Concept> concepts) {
        List<AblationEffect> table = ablation.table(AblationKind.MEAN);
        return new NeuronDescriber(atlas, concepts, TOP).describeAll(table);
    }

    static NeuronChange change(NeuronDescription a, NeuronDescription b) {
        if (!a.site().equals(b.site()) || a.neuron() != b.neuron()) {
            throw new IllegalArgumentException("neuron " + a.site() + "[" + a.neuron() + "] set against "
                    + b.site() + "[" + b.neuron() + "]");
        }
        AblationEffect ea = a.ablation();
        AblationEffect eb = b.ablation();
        double effect = Double.isNaN(ea.policyKl()) || Double.isNaN(eb.policyKl())
                ? Math.abs(eb.greedyChanged() - ea.greedyChanged()) : Math.abs(eb.policyKl() - ea.policyKl());
        double ra = Double.isNaN(a.r()) ? 0 : a.r();
        double rb = Double.isNaN(b.r()) ? 0 : b.r();
        boolean changed = !Objects.equals(a.concept(), b.concept());
        double description = changed ? 1 + Math.max(Math.abs(ra), Math.abs(rb)) : Math.abs(rb - ra);
        return new NeuronChange(a.site(), a.neuron(), a.concept(), a.r(), b.concept(), b.r(), ea.policyKl(),
                eb.policyKl(), ea.greedyChanged(), eb.greedyChanged(), effect, description);
    }

    /** {@code changes} ordered by {@link NeuronChange#effectChange()}, largest first (ties: pass order). */
    public static List<NeuronChange> byEffect(List<NeuronChange> changes) {
        return sorted(changes, Comparator.comparingDouble(NeuronChange::effectChange).reversed());
    }

    /** {@code changes} ordered by {@link NeuronChange#descriptionChange()}, largest first (ties: pass order). */
    public static List<NeuronChange> byDescription(List<NeuronChange> changes) {
        return sorted(changes, Comparator.comparingDouble(NeuronChange::descriptionChange).reversed());
    }

    private static List<NeuronChange> sorted(List<NeuronChange> changes, Comparator<NeuronChange> order) {
        List<NeuronChange> copy = new ArrayList<>(changes);
        copy.sort(order);
        return copy;
    }
}
