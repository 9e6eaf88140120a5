package dev.lantern.analysis.dynamics;

import dev.lantern.agents.api.InspectableNetwork;
import dev.lantern.agents.api.Site;
import dev.lantern.analysis.circuits.ActivationAtlas;
import java.util.ArrayList;
import java.util.List;

/**
 * CKA between the sites of recorded networks over the same states (every state of a grid world): one site across a
 * run's checkpoints (how its representation moves during training) and every site of one network against every site
 * of another (do two seeds learn the same features, and where). Reads {@link ActivationAtlas}es only.
 *
 * <pre>{@code
 * CkaMatrix moves = SiteSimilarity.acrossCheckpoints("torso.dense1", steps, atlases);
 * double toFinal = moves.linear(t, steps.size() - 1).value();
 * CkaMatrix seeds = SiteSimilarity.acrossRuns("a", atlasA, "b", atlasB);
 * }</pre>
 */
public final class SiteSimilarity {

    private SiteSimilarity() {
    }

    /** The sites compared: every recorded site but the input (which never changes), in pass order. */
    public static List<String> sites(ActivationAtlas atlas) {
        List<String> out = new ArrayList<>();
        for (Site s : atlas.sites()) {
            if (!s.name().equals(InspectableNetwork.INPUT)) {
                out.add(s.name());
            }
        }
        return out;
    }

    /**
     * {@code site} at every checkpoint against itself at every checkpoint: a symmetric matrix whose rows are labelled
     * {@code site@step}.
     *
     * @param steps   the checkpoints' env steps, one per atlas
     * @param atlases each checkpoint's atlas over the same states, oldest first
     * @throws IllegalArgumentException if the lists differ in length, are empty or an atlas lacks the site
     */
    public static CkaMatrix acrossCheckpoints(String site, List<Long> steps, List<ActivationAtlas> atlases) {
        if (steps.size() != atlases.size() || steps.isEmpty()) {
            throw new IllegalArgumentException(steps.size() + " steps for " + atlases.size() + " atlases");
        }
        List<CkaRepresentation> reps = new ArrayList<>();
        for (int t = 0; t < steps.size(); t++) {
            reps.add(CkaRepresentation.of(site + "@" + steps.get(t), atlases.get(t).activations(site)));
        }
        return CkaMatrix.symmetric(reps);
    }

    /**
     * Every site of {@code a} (rows, labelled {@code labelA:site}) against every site of {@code b} (columns), over the
     * same states.
     *
     * @throws IllegalArgumentException if the atlases are of different numbers of states
     */
    public static CkaMatrix acrossRuns(String labelA, ActivationAtlas a, String labelB, ActivationAtlas b) {
        return CkaMatrix.of(representations(labelA, a), representations(labelB, b));
    }

    /** Every compared site ({@link #sites}) of {@code atlas}, labelled {@code label:site}. */
    public static List<CkaRepresentation> representations(String label, ActivationAtlas atlas) {
        List<CkaRepresentation> reps = new ArrayList<>();
        for (String site : sites(atlas)) {
            reps.add(CkaRepresentation.of(label + ":" + site, atlas.activations(site)));
        }
        return reps;
    }
}
