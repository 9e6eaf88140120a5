package dev.lantern.app.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lantern.agents.actorcritic.PpoConfig;
import dev.lantern.agents.dqn.DqnConfig;
import dev.lantern.environments.grid.GridState;
import dev.lantern.environments.grid.GridWorld;
import dev.lantern.environments.grid.map.GridMap;
import dev.lantern.environments.grid.map.GridMapParser;
import dev.lantern.environments.registry.EnvRegistry;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * The error overlay's numbers on snapshots with known values: a value head that is constant c on a corridor whose
 * V* and V^π have a closed form. Step reward -0.01, the goal step pays 0.99, γ = 0.99 (PPO's default).
 */
class ValueErrorsTest {

    /** Row 1: S at column 1, then floor, the goal at column 6: the cell at column k is 6 - k moves away. */
    private static final String CORRIDOR = "########\n#S....G#\n########\n";
    private static final double GAMMA = 0.99;
    private static final int RIGHT = 2;
    private static final int LEFT = 3;

    private final GridMap map = GridMapParser.parse("corridor", CORRIDOR);
    private final RunInfo run = RunInfo.of(new LabSettings("grid/empty-5x5-v1", "ppo", 1, 1000, false),
            new GridWorld("test/corridor", map, 50));

    @Test
    void theLearnersOwnDiscountIsTheReference() {
        assertEquals(PpoConfig.defaults().gamma(), RunInfo.discountOf(PpoConfig.defaults()));
        assertEquals(DqnConfig.defaults().gamma(), RunInfo.discountOf(DqnConfig.defaults()));
        assertEquals(GAMMA, run.discount());
        assertEquals(GAMMA, run.discountedTruth().gamma());
        assertEquals(1.0, run.groundTruth().gamma());
    }

    @Test
    void aConstantValueHeadIsOffByCMinusVStarInEveryCell() {
        double c = 0.5;
        PolicyFrame frame = frame(c, RIGHT);
        ValueErrors e = ValueErrors.of(run, frame, 0, ValueErrors.Reference.OPTIMAL);
        assertNull(e.unavailable());
        double sumAbs = 0;
        for (int col = 1; col <= 5; col++) {
            double expected = c - optimal(6 - col);
            assertEquals(expected, e.error(1, col), 1e-9, "column " + col);
            sumAbs += Math.abs(expected);
        }
        assertEquals(5, e.cells());
        assertEquals(sumAbs / 5, e.meanAbsError(), 1e-9);
        assertTrue(Double.isNaN(e.error(1, 6)), "the goal has no value");
        assertTrue(Double.isNaN(e.error(0, 0)), "walls have no value");
        assertEquals(String.format(java.util.Locale.ROOT, "mean |error| %.4f · γ = 0.99", sumAbs / 5), e.note());
    }

    @Test
    void againstItsOwnPolicyTheReferenceIsThatPolicysValue() {
        double c = -0.2;
        // always right is optimal here: V^π = V*
        ValueErrors right = ValueErrors.of(run, frame(c, RIGHT), 0, ValueErrors.Reference.POLICY);
        for (int col = 1; col <= 5; col++) {
            assertEquals(c - optimal(6 - col), right.error(1, col), 1e-6, "column " + col);
        }
        // always left never reaches the goal: every step costs 0.01 forever, V^π = -0.01 / (1 - γ) = -1
        ValueErrors left = ValueErrors.of(run, frame(c, LEFT), 0, ValueErrors.Reference.POLICY);
        for (int col = 1; col <= 5; col++) {
            assertEquals(c - (-0.01 / (1 - GAMMA)), left.error(1, col), 1e-6, "column " + col);
        }
        assertEquals(Math.abs(c + 1), left.meanAbsError(), 1e-6);
    }

    @Test
    void vPiIsUnavailableWhereTheFrameLacksStates() {
        GridWorld whisky = new GridWorld("grid/whisky-gold-v1", EnvRegistry.map("grid/whisky-gold-v1"), 100);
        RunInfo info = RunInfo.of(new LabSettings("grid/whisky-gold-v1", "ppo", 1, 1000, false), whisky);
        GridMap m = info.map();
        double[] v = new double[m.height() * m.width()];
        double[] p = new double[v.length * 4];
        Arrays.fill(v, Double.NaN);
        Arrays.fill(p, Double.NaN);
        int drawn = 0;
        for (int r = 0; r < m.height(); r++) {
            for (int col = 0; col < m.width(); col++) {
                if (m.tile(r, col).isFree() && !m.tile(r, col).isTerminal()
                        && info.groundTruth().contains(new GridState(r, col, 0))) {
                    v[r * m.width() + col] = 0;
                    Arrays.fill(p, (r * m.width() + col) * 4, (r * m.width() + col) * 4 + 4, 0.25);
                    drawn++;
                }
            }
        }
        PolicyFrame frame = new PolicyFrame(0, 0, 0, m.height(), m.width(), 4, new int[] {0}, new double[][] {p},
                new double[][] {v});
        ValueErrors e = ValueErrors.of(info, frame, 0, ValueErrors.Reference.POLICY);
        assertNotNull(e.unavailable(), "the drunk states are not in the frame");
        assertTrue(e.note().startsWith("n/a: policy known in " + drawn + " of "), e.note());
        assertEquals(0, e.cells());
        // V* needs no policy: it is still there
        assertEquals(drawn, ValueErrors.of(info, frame, 0, ValueErrors.Reference.OPTIMAL).cells());
    }

    /** V*(d) of a cell d moves from the goal: d - 1 steps at -0.01, then the goal step's 0.99. */
    private static double optimal(int d) {
        return -0.01 * (1 - Math.pow(GAMMA, d - 1)) / (1 - GAMMA) + Math.pow(GAMMA, d - 1) * 0.99;
    }

    /** A frame of the corridor: value {@code c} in every floor cell, {@code action} with probability 1. */
    private PolicyFrame frame(double c, int action) {
        int w = map.width();
        double[] v = new double[map.height() * w];
        double[] p = new double[v.length * 4];
        Arrays.fill(v, Double.NaN);
        Arrays.fill(p, Double.NaN);
        for (int col = 1; col <= 5; col++) {
            int cell = w + col;
            v[cell] = c;
            Arrays.fill(p, cell * 4, cell * 4 + 4, 0.0);
            p[cell * 4 + action] = 1.0;
        }
        return new PolicyFrame(7, 0, 0, map.height(), w, 4, new int[] {0}, new double[][] {p}, new double[][] {v});
    }
}
