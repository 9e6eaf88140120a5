package dev.lantern.agents.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.lantern.agents.api.PolicyValueView;
import dev.lantern.environments.api.LevelSplit;
import dev.lantern.environments.grid.GridChannels;
import dev.lantern.environments.grid.GridWorld;
import dev.lantern.environments.grid.levels.MazeLevels;
import dev.lantern.environments.grid.levels.ProceduralGridWorld;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The level evaluation against values worked out by hand: a policy that walks the shortest path on the mazes it
 * memorised (the training levels) and stands still against the top wall on every other maze must score success 1 and
 * normalized return 1 on the training levels, success 0 and return -0.01 x time limit on the test levels.
 */
class LevelEvaluatorTest {

    private static final int SIZE = 7;
    private static final int LIMIT = 20;

    /** Shortest-path moves on the memorised mazes (recognised by their wall plane), "up" (a bump at the start) elsewhere. */
    private static final class Memoriser implements PolicyValueView {
        private final Set<String> known = new HashSet<>();

        Memoriser(List<GridWorld> memorised) {
            for (GridWorld w : memorised) {
                known.add(walls(w.reset(0)));
            }
        }

        @Override
        public int actionCount() {
            return 4;
        }

        @Override
        public int inputSize() {
            return GridChannels.COUNT * SIZE * SIZE;
        }

        @Override
        public void evaluate(float[] observations, int count, double[] probabilities, double[] values) {
            int n = inputSize();
            for (int i = 0; i < count; i++) {
                float[] obs = Arrays.copyOfRange(observations, i * n, (i + 1) * n);
                int action = known.contains(walls(obs)) ? shortestMove(obs) : GridWorld.ACTION_UP;
                for (int a = 0; a < 4; a++) {
                    probabilities[i * 4 + a] = a == action ? 0.7 : 0.1;
                }
                values[i] = 0;
            }
        }

        private static String walls(float[] obs) {
            return Arrays.toString(Arrays.copyOfRange(obs, GridChannels.WALL * SIZE * SIZE,
                    (GridChannels.WALL + 1) * SIZE * SIZE));
        }

        /** The first move of a shortest path to the goal (breadth-first from the goal over non-wall cells). */
        private static int shortestMove(float[] obs) {
            int cells = SIZE * SIZE;
            int[] dist = new int[cells];
            Arrays.fill(dist, -1);
            int agent = -1;
            List<Integer> queue = new ArrayList<>();
            for (int c = 0; c < cells; c++) {
                if (obs[GridChannels.GOAL * cells + c] == 1f) {
                    dist[c] = 0;
                    queue.add(c);
                }
                if (obs[GridChannels.AGENT * cells + c] == 1f) {
                    agent = c;
                }
            }
            int[] dr = {-1, 1, 0, 0};
            int[] dc = {0, 0, 1, -1};
            for (int head = 0; head < queue.size(); head++) {
                int c = queue.get(head);
                for (int a = 0; a < 4; a++) {
                    int next = (c / SIZE + dr[a]) * SIZE + c % SIZE + dc[a];
                    if (obs[GridChannels.WALL * cells + next] == 0f && dist[next] < 0) {
                        dist[next] = dist[c] + 1;
                        queue.add(next);
                    }
                }
            }
            for (int a = 0; a < 4; a++) {
                int next = (agent / SIZE + dr[a]) * SIZE + agent % SIZE + dc[a];
                if (obs[GridChannels.WALL * cells + next] == 0f && dist[next] == dist[agent] - 1) {
                    return a;
                }
            }
            throw new IllegalStateException("no move towards the goal from cell " + agent);
        }
    }

    @Test
    void trainingLevelsMemorisedAndTestLevelsMissedScoreAsWorkedOutByHand() {
        MazeLevels levels = new MazeLevels("fixture", SIZE, SIZE, 3);
        ProceduralGridWorld family = new ProceduralGridWorld(levels, LIMIT);
        List<GridWorld> train = List.of(family.level(LevelSplit.TRAIN, 0), family.level(LevelSplit.TRAIN, 1),
                family.level(LevelSplit.TRAIN, 2));
        LevelEvaluator evaluator = new LevelEvaluator(family, 5, 42);
        assertEquals(3, evaluator.levels(LevelSplit.TRAIN)); // only 3 training levels exist
        assertEquals(5, evaluator.levels(LevelSplit.TEST));
        Map<String, Double> m = evaluator.evaluate(new Memoriser(train));

        double trainOptimum = 0;
        double trainLength = 0;
        for (int k = 0; k < 3; k++) {
            trainOptimum += family.optimalReturn(LevelSplit.TRAIN, k) / 3;
            trainLength += (1 - family.optimalReturn(LevelSplit.TRAIN, k)) / 0.01 / 3; // optimum = 1 - 0.01 x path
        }
        double testNormalized = 0;
        double testOptimum = 0;
        for (int k = 0; k < 5; k++) {
            testNormalized += -0.01 * LIMIT / family.optimalReturn(LevelSplit.TEST, k) / 5;
            testOptimum += family.optimalReturn(LevelSplit.TEST, k) / 5;
        }
        assertEquals(List.of("eval/return", "eval/length", "eval/performance", "eval/success_rate",
                "eval/optimal_return", "eval/train/return", "eval/train/length", "eval/train/success",
                "eval/train/normalized_return", "eval/train/optimal_return", "eval/test/return", "eval/test/length",
                "eval/test/success", "eval/test/normalized_return", "eval/test/optimal_return"),
                List.copyOf(m.keySet()));
        assertEquals(1.0, m.get("eval/train/success"));
        assertEquals(1.0, m.get("eval/train/normalized_return"), 1e-12);
        assertEquals(trainOptimum, m.get("eval/train/return"), 1e-12);
        assertEquals(trainOptimum, m.get("eval/train/optimal_return"), 1e-12);
        assertEquals(trainLength, m.get("eval/train/length"), 1e-9);
        assertEquals(0.0, m.get("eval/test/success"));
        assertEquals(-0.01 * LIMIT, m.get("eval/test/return"), 1e-12);
        assertEquals(LIMIT, m.get("eval/test/length"));
        assertEquals(testNormalized, m.get("eval/test/normalized_return"), 1e-12);
        assertEquals(testOptimum, m.get("eval/test/optimal_return"), 1e-12);
        // the headline metrics are the training levels', so SolveCriterion asks about the levels trained on
        assertEquals(m.get("eval/train/return"), m.get("eval/return"));
        assertEquals(1.0, m.get("eval/success_rate"));
        assertEquals(m.get("eval/train/optimal_return"), m.get("eval/optimal_return"));
        assertEquals(true, SolveCriterion.solves(m));
        assertThrows(IllegalArgumentException.class, () -> new LevelEvaluator(family, 0, 1));
    }
}
