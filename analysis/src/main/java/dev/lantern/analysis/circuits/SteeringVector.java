package dev.lantern.analysis.circuits;

import dev.lantern.agents.api.Activations;
import dev.lantern.agents.api.Site;
import java.util.Locale;

/**
 * A steering direction at one site (issue 10, point 7): the difference of the mean activations of two sets of states,
 * {@code mean over "toward" - mean over "away"}, from the clean pass of an {@link ActivationAtlas}; {@link Steering}
 * adds it, times a coefficient, to that site in every state at once.
 *
 * <p>Built-in sets, all over the decision states: {@link #withVersusWithoutKey} (states holding a key against states
 * holding none; only on maps with keys), {@link #triggerVersusNoTrigger} (the trigger visible against not; only on
 * maps with a trigger) and {@link #rightVersusLeftHalf} (the agent in the right half of the map,
 * {@code column >= width / 2}, against the left half); {@link #defaultFor} takes the first that applies.
 *
 * @param site         the site the direction lives at
 * @param direction    {@code [width]}: {@code mean(toward) - mean(away)}
 * @param description  what the two sets are, e.g. {@code "with a key - without"}
 * @param towardCount  states in the first set
 * @param awayCount    states in the second set
 */
public record SteeringVector(String site, double[] direction, String description, int towardCount, int awayCount) {

    public SteeringVector {
        direction = direction.clone();
    }

    @Override
    public double[] direction() {
        return direction.clone();
    }

    /** The Euclidean length of the direction. */
    public double norm() {
        double sum = 0;
        for (double d : direction) {
            sum += d * d;
        }
        return Math.sqrt(sum);
    }

    /**
     * {@code mean over toward - mean over away} of {@code site}'s activations in {@code atlas} ({@code toward} and
     * {@code away} by state number).
     *
     * @throws IllegalArgumentException if a mask does not have one entry per state or selects no state
     */
    public static SteeringVector between(ActivationAtlas atlas, String site, boolean[] toward, boolean[] away,
            String description) {
        Site s = atlas.network().site(site);
        Activations a = atlas.activations(s.name());
        int n = atlas.states().size();
        if (toward.length != n || away.length != n) {
            throw new IllegalArgumentException("masks of " + toward.length + " and " + away.length + " states for "
                    + n + " states");
        }
        double[] meanToward = new double[s.width()];
        double[] meanAway = new double[s.width()];
        int inToward = mean(a, toward, meanToward);
        int inAway = mean(a, away, meanAway);
        if (inToward == 0 || inAway == 0) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "%s on %s: %d and %d states, want both "
                    + "sets non-empty", description, atlas.states().world().spec().id(), inToward, inAway));
        }
        double[] d = new double[s.width()];
        for (int j = 0; j < d.length; j++) {
            d[j] = meanToward[j] - meanAway[j];
        }
        return new SteeringVector(s.name(), d, description, inToward, inAway);
    }

    /** Whether the map of {@code states} has a key, so that {@link #withVersusWithoutKey} applies. */
    public static boolean hasKeys(StateBatch states) {
        return states.world().map().keyCount() > 0;
    }

    /**
     * Decision states holding a key minus decision states holding none, at {@code site}.
     *
     * @throws IllegalArgumentException on a map where one of the two sets is empty (no keys)
     */
    public static SteeringVector withVersusWithoutKey(ActivationAtlas atlas, String site) {
        StateBatch states = atlas.states();
        boolean[] decides = states.decisionStates();
        boolean[] with = new boolean[states.size()];
        boolean[] without = new boolean[states.size()];
        for (int s = 0; s < with.length; s++) {
            with[s] = decides[s] && states.state(s).keysMask() != 0;
            without[s] = decides[s] && states.state(s).keysMask() == 0;
        }
        return between(atlas, site, with, without, "with a key - without");
    }

    /** Decision states with the agent at {@code column >= width / 2} minus those left of it, at {@code site}. */
    public static SteeringVector rightVersusLeftHalf(ActivationAtlas atlas, String site) {
        StateBatch states = atlas.states();
        boolean[] decides = states.decisionStates();
        int half = states.world().map().width() / 2;
        boolean[] right = new boolean[states.size()];
        boolean[] left = new boolean[states.size()];
        for (int s = 0; s < right.length; s++) {
            right[s] = decides[s] && states.state(s).col() >= half;
            left[s] = decides[s] && states.state(s).col() < half;
        }
        return between(atlas, site, right, left, "right half - left half (column >= " + half + ")");
    }

    /**
     * Decision states where the trigger is visible minus those where it is not ({@link Concept#triggerVisible}), at
     * {@code site}: the direction a trojaned agent reads the trigger along.
     *
     * @throws IllegalArgumentException on a map without a trigger (one of the two sets is empty)
     */
    public static SteeringVector triggerVersusNoTrigger(ActivationAtlas atlas, String site) {
        StateBatch states = atlas.states();
        boolean[] decides = states.decisionStates();
        double[] visible = Concept.triggerVisible(states).values();
        boolean[] on = new boolean[states.size()];
        boolean[] off = new boolean[states.size()];
        for (int s = 0; s < on.length; s++) {
            on[s] = decides[s] && visible[s] == 1;
            off[s] = decides[s] && visible[s] == 0;
        }
        return between(atlas, site, on, off, "trigger - no trigger");
    }

    /**
     * {@link #withVersusWithoutKey} on a map with keys, else {@link #triggerVersusNoTrigger} on a map with a trigger,
     * else {@link #rightVersusLeftHalf}.
     */
    public static SteeringVector defaultFor(ActivationAtlas atlas, String site) {
        if (hasKeys(atlas.states())) {
            return withVersusWithoutKey(atlas, site);
        }
        return Concept.triggerVisible(atlas.states()).defined() ? triggerVersusNoTrigger(atlas, site)
                : rightVersusLeftHalf(atlas, site);
    }

    private static int mean(Activations a, boolean[] mask, double[] out) {
        int count = 0;
        for (int s = 0; s < mask.length; s++) {
            if (mask[s]) {
                for (int j = 0; j < out.length; j++) {
                    out[j] += a.get(s, j);
                }
                count++;
            }
        }
        for (int j = 0; j < out.length; j++) {
            out[j] = count == 0 ? 0 : out[j] / count;
        }
        return count;
    }
}
