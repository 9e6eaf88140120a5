package dev.lantern.app.engine;

import dev.lantern.agents.api.LearningAgent;
import dev.lantern.agents.api.Reseedable;
import dev.lantern.environments.random.Seeds;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Which random streams a fork can vary, and the seed each child's stream gets. A run's streams are those its learner
 * reseeds ({@link Reseedable#reseedableStreams()}) and {@code eval}, the seed of the evaluation held outside the agent
 * ({@link dev.lantern.agents.api.LearnerContext#evalSeed()}); {@code init} is not among them: the weights are drawn
 * once, before step 0, and a checkpoint is never at step 0.
 */
public final class ForkStreams {

    /** {@code --vary all}: every stream the run has. */
    public static final String ALL = "all";
    /** {@code --vary none}: no stream; every child continues exactly as the parent did. */
    public static final String NONE = "none";

    private ForkStreams() {
    }

    /**
     * The streams a fork of a run of {@code agent} can vary, in the order of {@link Seeds#STREAMS}: the learner's
     * reseedable streams (none if it is not {@link Reseedable}) and {@code eval}.
     */
    public static List<String> of(LearningAgent agent) {
        Set<String> have = new LinkedHashSet<>();
        if (agent instanceof Reseedable r) {
            have.addAll(r.reseedableStreams());
        }
        have.add(Seeds.EVAL);
        return Seeds.STREAMS.stream().filter(have::contains).toList();
    }

    /**
     * Reads {@code --vary}: {@code all}, {@code none}, or stream names separated by commas; adds a line to
     * {@code problems} for every name that is unknown, {@code init}, or a stream {@code learner} does not have.
     *
     * @param available the run's streams ({@link #of})
     * @param learner   the learner's type, for messages ({@code ppo})
     * @return the streams to vary, in the order of {@link Seeds#STREAMS}
     */
    public static List<String> parse(String vary, List<String> available, String learner, List<String> problems) {
        String v = vary.trim();
        if (v.equals(ALL)) {
            return available;
        }
        if (v.equals(NONE)) {
            return List.of();
        }
        Set<String> chosen = new LinkedHashSet<>();
        for (String part : v.split(",", -1)) {
            String name = part.trim();
            if (name.equals(Seeds.INIT)) {
                problems.add("--vary: init cannot vary after step 0 (the weights are drawn once, before the first step, "
                        + "and every checkpoint is after it); to vary the initialisation, start new runs with other "
                        + "seeds");
            } else if (!Seeds.STREAMS.contains(name)) {
                problems.add("--vary: unknown stream '" + name + "' (known: " + String.join(", ", available)
                        + ", or all, or none)");
            } else if (!available.contains(name)) {
                problems.add("--vary: " + learner + " has no '" + name + "' stream to vary (its streams: "
                        + String.join(", ", available) + ")");
            } else {
                chosen.add(name);
            }
        }
        return Seeds.STREAMS.stream().filter(chosen::contains).toList();
    }

    /**
     * The new seed of stream {@code stream} of child {@code child} of a fork at {@code atStep} with seed
     * {@code forkSeed}: {@code derive(derive(forkSeed, "fork/step-<atStep>/child-<child>"), stream)} through
     * {@link Seeds#derive}. Equal arguments give equal seeds; any other child, stream or fork point an unrelated one.
     */
    public static long seedOf(long forkSeed, long atStep, int child, String stream) {
        return Seeds.derive(Seeds.derive(forkSeed, "fork/step-" + atStep + "/child-" + child), stream);
    }

    /** The names, or {@code none} when there are none, for messages. */
    static String describe(List<String> streams) {
        return streams.isEmpty() ? NONE : String.join(",", new ArrayList<>(streams));
    }
}
