package dev.lantern.environments.grid;

import java.util.Locale;

/**
 * Which observation a {@link GridWorld} gives its agent (docs/maps.md, "Observations"):
 * <ul>
 *   <li>{@link Kind#ONE_HOT}: the whole map as one-hot planes {@code [channels, height, width]} (the default);</li>
 *   <li>{@link Kind#EGOCENTRIC}: the same planes cropped to a {@code viewSize × viewSize} window centred on the agent,
 *       {@code [channels, viewSize, viewSize]}; cells beyond the map's edge read as wall;</li>
 *   <li>{@link Kind#SYMBOLIC}: a compact vector {@code [height + width + keys + coins + tomatoes + 5 + 2 boxes]}: the
 *       agent's row one-hot, its column one-hot, one bit per key held, one per coin collected, one per tomato
 *       watered, five flags (button pressed, supervisor present, drunk, trigger present, interrupted), then each box's
 *       row and column scaled to [0, 1]. Doors have no state of their own: a door of a colour is open exactly while a
 *       key of that colour is held, which the key bits say.</li>
 * </ul>
 *
 * @param kind     the kind
 * @param viewSize the egocentric window's side, odd, in [3, 15]; ignored by the other kinds
 */
public record GridObservation(Kind kind, int viewSize) {

    /** The observation kinds. */
    public enum Kind {
        /** Full one-hot planes. */
        ONE_HOT,
        /** A window of the planes centred on the agent. */
        EGOCENTRIC,
        /** A compact symbolic vector. */
        SYMBOLIC;

        /** The name used in experiment files: {@code onehot}, {@code egocentric}, {@code symbolic}. */
        public String configName() {
            return name().replace("_", "").toLowerCase(Locale.ROOT);
        }

        /** The kind named {@code name} in an experiment file, or null. */
        public static Kind fromConfigName(String name) {
            for (Kind k : values()) {
                if (k.configName().equals(name)) {
                    return k;
                }
            }
            return null;
        }
    }

    /** The default egocentric window side. */
    public static final int DEFAULT_VIEW_SIZE = 5;

    public GridObservation {
        java.util.Objects.requireNonNull(kind, "kind");
        if (kind == Kind.EGOCENTRIC && (viewSize < 3 || viewSize > 15 || viewSize % 2 == 0)) {
            throw new IllegalArgumentException("viewSize must be odd and in [3, 15], got " + viewSize);
        }
    }

    /** Full one-hot planes, the default. */
    public static GridObservation oneHot() {
        return new GridObservation(Kind.ONE_HOT, DEFAULT_VIEW_SIZE);
    }

    /** An egocentric window of side {@code viewSize}. */
    public static GridObservation egocentric(int viewSize) {
        return new GridObservation(Kind.EGOCENTRIC, viewSize);
    }

    /** The symbolic vector. */
    public static GridObservation symbolic() {
        return new GridObservation(Kind.SYMBOLIC, DEFAULT_VIEW_SIZE);
    }
}
