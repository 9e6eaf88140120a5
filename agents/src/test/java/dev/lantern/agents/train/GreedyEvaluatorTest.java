package dev.lantern.agents.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lantern.agents.api.PolicyValueView;
import dev.lantern.environments.api.Environment;
import dev.lantern.environments.api.StepResult;
import dev.lantern.environments.random.Seeds;
import dev.lantern.environments.registry.EnvRegistry;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The evaluator plays its episodes side by side in batches; that must give exactly what playing them one after the
 * other with {@link PolicyValueView#decideGreedy} gives, on a slippery map (stochastic steps, episodes of different
 * lengths) and across more episodes than one batch holds.
 */
class GreedyEvaluatorTest {

    /** A fixed policy that depends on the observation (through a hash), with ties between actions 1 and 2. */
    private static final class Hashed implements PolicyValueView {
        private final int inputs;
        private final boolean byObservation;
        private long rows;

        Hashed(int inputs) {
            this(inputs, false);
        }

        Hashed(int inputs, boolean byObservation) {
            this.inputs = inputs;
            this.byObservation = byObservation;
        }

        @Override
        public boolean answersByObservation() {
            return byObservation;
        }

        @Override
        public int actionCount() {
            return 4;
        }

        @Override
        public int inputSize() {
            return inputs;
        }

        @Override
        public void evaluate(float[] observations, int count, double[] probabilities, double[] values) {
            rows += count;
            for (int i = 0; i < count; i++) {
                int h = 7;
                for (int f = 0; f < inputs; f++) {
                    h = 31 * h + Float.floatToIntBits(observations[i * inputs + f]);
                }
                int a = Math.floorMod(h, 5);
                double[] p = a == 4 ? new double[] {0.1, 0.4, 0.4, 0.1} : new double[] {0.1, 0.1, 0.1, 0.1};
                if (a < 4) {
                    p[a] = 0.7;
                }
                System.arraycopy(p, 0, probabilities, i * 4, 4);
                values[i] = a;
            }
        }
    }

    /** The evaluation as it was written before batching: one episode after the other, one decision at a time. */
    private static Map<String, Double> oneByOne(String id, int episodes, long seed, PolicyValueView policy) {
        Environment env = EnvRegistry.make(id);
        double sumReturn = 0;
        double sumLength = 0;
        double sumPerformance = 0;
        int successes = 0;
        for (int k = 0; k < episodes; k++) {
            float[] obs = env.reset(Seeds.mix(seed + k));
            double ret = 0;
            double perf = 0;
            int length = 0;
            while (true) {
                StepResult r = env.step(policy.decideGreedy(obs).action());
                ret += r.reward();
                perf += r.performance();
                length++;
                obs = r.observation();
                if (r.done()) {
                    successes += r.terminated() && r.reward() > 0 ? 1 : 0;
                    break;
                }
            }
            sumReturn += ret;
            sumLength += length;
            sumPerformance += perf;
        }
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("eval/return", sumReturn / episodes);
        m.put("eval/length", sumLength / episodes);
        m.put("eval/performance", sumPerformance / episodes);
        m.put("eval/success_rate", successes / (double) episodes);
        m.put("eval/optimal_return", 0.5);
        return m;
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 10, GreedyEvaluator.LOCKSTEP, GreedyEvaluator.LOCKSTEP + 7})
    void batchedEpisodesGiveExactlyTheOneByOneMetrics(int episodes) {
        String id = "grid/frozen-lake-4x4-v1";
        PolicyValueView policy = new Hashed(EnvRegistry.make(id).spec().observationSize());
        Map<String, Double> expected = oneByOne(id, episodes, 99, policy);
        assertEquals(expected, new GreedyEvaluator(() -> EnvRegistry.make(id), episodes, 99, 0.5).evaluate(policy));
    }

    @Test
    void theReferenceSeesVariedEpisodes() { // so the comparison above is not between two constant answers
        String id = "grid/frozen-lake-4x4-v1";
        Map<String, Double> m = oneByOne(id, 71, 99, new Hashed(EnvRegistry.make(id).spec().observationSize()));
        double success = m.get("eval/success_rate");
        double length = m.get("eval/length");
        assertEquals(true, success > 0 && success < 1 || length != Math.rint(length), m.toString());
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 10, GreedyEvaluator.LOCKSTEP + 7})
    void keptAnswersGiveExactlyTheOneByOneMetrics(int episodes) {
        String id = "grid/frozen-lake-4x4-v1";
        int inputs = EnvRegistry.make(id).spec().observationSize();
        Map<String, Double> expected = oneByOne(id, episodes, 99, new Hashed(inputs));
        Hashed kept = new Hashed(inputs, true);
        assertEquals(expected, new GreedyEvaluator(() -> EnvRegistry.make(id), episodes, 99, 0.5).evaluate(kept));
        // frozen lake 4x4 has 16 cells: each is asked at most once per batch of episodes
        long batches = (episodes + GreedyEvaluator.LOCKSTEP - 1) / GreedyEvaluator.LOCKSTEP;
        assertTrue(kept.rows <= 16 * batches, kept.rows + " rows evaluated for " + episodes + " episodes");
    }

    @Test
    void aPolicyThatAnswersByObservationIsAskedEachObservationOnce() {
        String id = "grid/four-rooms-v1";
        int inputs = EnvRegistry.make(id).spec().observationSize();
        Hashed kept = new Hashed(inputs, true);
        Hashed asked = new Hashed(inputs);
        GreedyEvaluator evaluator = new GreedyEvaluator(() -> EnvRegistry.make(id), 10, 3, 0.8);
        Map<String, Double> m = evaluator.evaluate(kept);
        assertEquals(m, evaluator.evaluate(asked));
        double steps = 10 * m.get("eval/length");
        assertEquals(steps, asked.rows, "without kept answers every step of every episode is a row");
        assertTrue(kept.rows < m.get("eval/length") + 1 && kept.rows < steps / 10,
                kept.rows + " rows for " + steps + " steps of ten identical episodes");
    }
}
