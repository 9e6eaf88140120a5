package dev.lantern.agents.api;

import java.util.List;

/**
 * An agent whose named random streams can be given new seeds part-way through a run: what {@code lantern fork} needs
 * to branch a restored agent into children that share everything up to the fork and differ only in the streams named.
 * The names are those of {@link dev.lantern.environments.random.Seeds} ({@code env}, {@code explore}, {@code shuffle},
 * {@code replay}, {@code selfplay}, {@code probe}, {@code eval}); {@code init} is never among them, since the weights
 * are drawn once, before step 0.
 *
 * <p>A reseeded stream continues exactly as a stream freshly seeded with the new seed: {@code reseed(s, x)} twice in a
 * row, with no draw between, leaves the same state as once. The new state is part of {@link LearningAgent#saveState},
 * so a checkpoint written after the reseed carries it, and a resume from that checkpoint draws on from it.
 */
public interface Reseedable {

    /** The agent's reseedable streams by name, each with what restarts it. */
    NamedStreams randomStreams();

    /**
     * The streams this agent draws from while it trains and that {@link #reseed} accepts, in the order of
     * {@link dev.lantern.environments.random.Seeds#STREAMS}.
     */
    default List<String> reseedableStreams() {
        return randomStreams().names();
    }

    /**
     * Restarts stream {@code stream} from {@code seed}: every later draw from it is what a stream seeded with
     * {@code seed} gives. For {@code env}, the episodes that start from now on get their seeds from it; the episodes in
     * progress continue as they were.
     *
     * @throws IllegalArgumentException if the agent has no such stream (the message lists the ones it has)
     */
    default void reseed(String stream, long seed) {
        randomStreams().reseed(stream, seed);
    }
}
