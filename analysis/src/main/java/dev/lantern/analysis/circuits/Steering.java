package dev.lantern.analysis.circuits;

import dev.lantern.agents.api.Activations;
import dev.lantern.agents.api.InspectableNetwork;
import dev.lantern.agents.api.Intervention;
import dev.lantern.agents.api.Recording;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Steering over the whole state space (issue 10, point 7): a {@link SteeringVector} times a coefficient is added at
 * its site in every state at once, through one {@link Intervention#add} on the snapshot's copy (never left installed,
 * never reaching the trained network), and the heads are compared with the clean pass of the {@link ActivationAtlas}:
 * {@link SteeringEffect}. The pass is padded as the atlas's pass is, so coefficient 0 leaves every head bit for bit as
 * the clean pass has it (a test).
 *
 * <pre>{@code
 * ActivationAtlas atlas = ActivationAtlas.record(net, StateBatch.of(world));
 * Steering steering = new Steering(atlas);
 * SteeringVector key = SteeringVector.defaultFor(atlas, "torso.dense1");
 * for (SteeringEffect e : steering.sweep(key, -2, -1, 0, 1, 2)) { e.greedyChanged(); e.outcome().path(); }
 * }</pre>
 */
public final class Steering {

    private final ActivationAtlas atlas;
    private final InspectableNetwork network;
    private final HeadReadings readings;
    private final double[] paddedObservations;

    /**
     * Steering of the network {@code atlas} was recorded from, on its states.
     *
     * @throws IllegalArgumentException if the heads are neither an actor-critic's nor a Q-network's, or if no state
     *         is a decision state
     */
    public Steering(ActivationAtlas atlas) {
        this.atlas = atlas;
        this.network = atlas.network();
        this.readings = HeadReadings.of(atlas);
        this.paddedObservations = ActivationAtlas.paddedObservations(atlas.states());
    }

    /** The clean network's greedy outcome from the start. */
    public GreedyOutcome cleanOutcome() {
        return readings.cleanOutcome();
    }

    /**
     * The heads over every state (state {@code i} at example {@code i}) with {@code coefficient * vector} added at the
     * vector's site.
     *
     * @throws IllegalArgumentException if the vector's width is not its site's or the coefficient is not finite
     */
    public Recording steeredHeads(SteeringVector vector, double coefficient) {
        int width = network.site(vector.site()).width();
        double[] d = vector.direction();
        if (d.length != width || !Double.isFinite(coefficient)) {
            throw new IllegalArgumentException("steering " + vector.site() + " (width " + width + ") with "
                    + d.length + " values times " + coefficient);
        }
        double[] delta = new double[width];
        for (int j = 0; j < width; j++) {
            delta[j] = coefficient * d[j];
        }
        int n = atlas.states().size();
        Recording r = network.run(paddedObservations, ActivationAtlas.padded(n), readings.heads(),
                List.of(Intervention.add(vector.site(), IntStream.range(0, width).toArray(), delta)));
        Map<String, Activations> cut = new LinkedHashMap<>();
        for (String h : readings.heads()) {
            Activations a = r.get(h);
            cut.put(h, new Activations(a.site(), n, Arrays.copyOf(a.values(), n * a.site().width())));
        }
        return new Recording(n, cut);
    }

    /** The effect of adding {@code coefficient * vector} over the decision states, and from the start. */
    public SteeringEffect steer(SteeringVector vector, double coefficient) {
        Recording r = steeredHeads(vector, coefficient);
                return new SteeringEffect(vector.site(), vector.description(), coefficient, readings.compare(r),
                readings.outcome(r));
    }

    /** {@link #steer} at each coefficient, in order. */
    public List<SteeringEffect> sweep(SteeringVector vector, double... coefficients) {
        List<SteeringEffect> effects = new ArrayList<>(coefficients.length);
        for (double c : coefficients) {
            effects.add(steer(vector, c));
        }
        return effects;
    }
}
