package dev.lantern.agents.api;

import dev.lantern.environments.random.Seeds;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongConsumer;

/**
 * The random streams of one learner by name, each with what restarts it from a seed: what a {@link Reseedable}
 * learner hands out. Names are those of {@link Seeds}.
 */
public final class NamedStreams {

    private final String owner;
    private final Map<String, LongConsumer> restarts = new LinkedHashMap<>();

    /**
     * No streams yet.
     *
     * @param owner the learner as users name it ({@code ppo}), for messages
     */
    public NamedStreams(String owner) {
        this.owner = owner;
    }

    /**
     * Adds stream {@code name}, restarted from a seed by {@code restart}.
     *
     * @return this
     * @throws IllegalArgumentException if {@code name} is not one of {@link Seeds#STREAMS} or is {@code init}
     */
    public NamedStreams with(String name, LongConsumer restart) {
        if (!Seeds.STREAMS.contains(name) || name.equals(Seeds.INIT)) {
            throw new IllegalArgumentException("not a stream that can be reseeded: '" + name + "'");
        }
        restarts.put(name, restart);
        return this;
    }

    /** The same streams under another owner's name (a learner that runs on another's machinery). */
    public NamedStreams as(String otherOwner) {
        NamedStreams s = new NamedStreams(otherOwner);
        s.restarts.putAll(restarts);
        return s;
    }

    /** The streams' names, in the order of {@link Seeds#STREAMS}. */
    public List<String> names() {
        return Seeds.STREAMS.stream().filter(restarts::containsKey).toList();
    }

    /**
     * Restarts stream {@code name} from {@code seed}.
     *
     * @throws IllegalArgumentException if there is no such stream, listing the ones there are
     */
    public void reseed(String name, long seed) {
        LongConsumer r = restarts.get(name);
        if (r == null) {
            throw new IllegalArgumentException(owner + " has no random stream '" + name + "' to reseed (its streams: "
                    + String.join(", ", names()) + ")");
        }
        r.accept(seed);
    }
}
