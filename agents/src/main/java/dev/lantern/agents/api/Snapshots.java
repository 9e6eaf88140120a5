package dev.lantern.agents.api;

import java.util.function.Supplier;

/**
 * Makes frozen copies of a learner's policy and value function, on the training thread ({@link LearningAgent#snapshot}):
 * {@link #get()} a new one; {@link #reusing} one that may recycle a spent earlier copy, so that an observer who takes
 * many (the lab, 30 times a second) pays a parameter copy instead of a whole network's each time.
 */
@FunctionalInterface
public interface Snapshots extends Supplier<PolicyValueView> {

    /**
     * A snapshot like {@link #get()}, made by loading the current parameters into {@code spent} where the learner can
     * ({@link LearningAgent#snapshot(PolicyValueView)}). Training thread only.
     *
     * @param spent an earlier snapshot from this source that no thread uses any more (the caller gives it up), or null
     */
    default PolicyValueView reusing(PolicyValueView spent) {
        return get();
    }

    /** The snapshots of {@code agent}: its {@link LearningAgent#snapshot()} and its recycling overload. */
    static Snapshots of(LearningAgent agent) {
        return new Snapshots() {
            @Override
            public PolicyValueView get() {
                return agent.snapshot();
            }

            @Override
            public PolicyValueView reusing(PolicyValueView spent) {
                return agent.snapshot(spent);
            }
        };
    }
}
