package dev.lantern.analysis.attribution;

import dev.lantern.environments.grid.GridChannels;
import java.util.Arrays;

/**
 * Baseline observations for integrated gradients. The grid baselines are for full one-hot observations
 * ({@code [channels, height, width]} planes, {@link GridChannels}): the same map without the agent, and the empty map
 * (its walls only, every other cell floor). Attribution from them answers "what, compared with no agent here" and
 * "what, compared with bare rooms", where the zero baseline also counts the walls.
 */
public final class Baselines {

    /** The selectable baselines. */
    public enum Kind {
        /** All zeros. */
        ZEROS,
        /** The same observation with nobody on the map ({@link #withoutAgent}). */
        WITHOUT_AGENT,
        /** The map's walls only ({@link #emptyMap}). */
        EMPTY_MAP
    }

    private Baselines() {
    }

    /** The baseline {@code kind} of a one-hot (full or egocentric) observation with {@code channels} planes. */
    public static double[] of(Kind kind, double[] observation, int channels) {
        return switch (kind) {
            case ZEROS -> zeros(observation.length);
            case WITHOUT_AGENT -> withoutAgent(observation, channels);
            case EMPTY_MAP -> emptyMap(observation, channels);
        };
    }

    /** All zeros, {@code [features]}. */
    public static double[] zeros(int features) {
        return new double[features];
    }

    /** {@code observation} with the agent's plane cleared (the map as it is, nobody on it). */
    public static double[] withoutAgent(double[] observation, int channels) {
        double[] b = observation.clone();
        int cells = cells(observation, channels);
        Arrays.fill(b, GridChannels.AGENT * cells, (GridChannels.AGENT + 1) * cells, 0.0);
        return b;
    }

    /** The empty map: {@code observation}'s wall plane kept, every other plane zero (floor everywhere else). */
    public static double[] emptyMap(double[] observation, int channels) {
        int cells = cells(observation, channels);
        double[] b = new double[observation.length];
        System.arraycopy(observation, GridChannels.WALL * cells, b, GridChannels.WALL * cells, cells);
        return b;
    }

    private static int cells(double[] observation, int channels) {
        if (channels <= GridChannels.AGENT || observation.length % channels != 0) {
            throw new IllegalArgumentException(observation.length + " features are not " + channels
                    + " one-hot grid planes (at least " + (GridChannels.AGENT + 1) + ")");
        }
        return observation.length / channels;
    }
}
