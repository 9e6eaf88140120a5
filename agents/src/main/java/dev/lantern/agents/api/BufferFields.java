package dev.lantern.agents.api;

/**
 * How a learner's error messages name what it keeps in memory: the engine refuses a buffer that would not fit, and the
 * loader an LCA probe larger than the buffer, each telling the user which fields to lower.
 *
 * @param field     the field the memory message is about, e.g. {@code agent.rolloutSteps}
 * @param noun      what is kept, before its size, e.g. {@code a rollout of}
 * @param toLower   the fields to lower, e.g. {@code agent.numEnvs or agent.rolloutSteps}
 * @param sizeTerms the fields whose product is the kept size, e.g. {@code agent.numEnvs * agent.rolloutSteps}
 */
public record BufferFields(String field, String noun, String toLower, String sizeTerms) {

    /** An on-policy rollout of {@code agent.numEnvs * agent.rolloutSteps} transitions (PPO, A2C). */
    public static BufferFields rollout() {
        return new BufferFields("agent.rolloutSteps", "a rollout of", "agent.numEnvs or agent.rolloutSteps",
                "agent.numEnvs * agent.rolloutSteps");
    }

    /** A replay buffer of {@code agent.bufferCapacity} entries (DQN; the wording of every learner but PPO and A2C). */
    public static BufferFields buffer() {
        return new BufferFields("agent.bufferCapacity", "a buffer of", "agent.bufferCapacity", "agent.bufferCapacity");
    }
}
