package dev.lantern.app.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lantern.environments.grid.GridWorld;
import dev.lantern.environments.grid.map.Cell;
import dev.lantern.environments.registry.EnvRegistry;
import java.util.Arrays;
import java.util.List;
import javafx.scene.paint.Color;
import org.junit.jupiter.api.Test;

/** The lab's pure helpers: colour scale, moving average, downsampling, settings, frames and the demo episode. */
class LabHelpersTest {

    @Test
    void colorScaleSpansTheFiniteValuesAndIsMonotoneInItsStops() {
        ColorScale s = ColorScale.fit(new double[] {Double.NaN, -0.5, 0.25, 1.5, Double.NEGATIVE_INFINITY});
        assertEquals(-0.5, s.min());
        assertEquals(1.5, s.max());
        assertEquals(ColorScale.STOPS[0], s.color(-0.5));
        assertEquals(ColorScale.STOPS[ColorScale.STOPS.length - 1], s.color(1.5));
        assertEquals(ColorScale.STOPS[2], s.color(0.5)); // the middle stop sits at the middle of the range
        assertEquals(s.color(-0.5), s.color(-7)); // clamped
        assertEquals(0.5, new ColorScale(2, 2).position(2)); // zero width: the middle
        assertEquals(new ColorScale(0, 1), ColorScale.fit(new double[] {Double.NaN}));
        Color quarter = s.color(0.0);
        Color expected = ColorScale.STOPS[1];
        assertEquals(expected.getRed(), quarter.getRed(), 1e-9);
        assertThrows(IllegalArgumentException.class, () -> new ColorScale(1, 0));
        // red at the low end, blue at the high end: a diverging scale
        assertTrue(s.color(-0.5).getRed() > s.color(-0.5).getBlue());
        assertTrue(s.color(1.5).getBlue() > s.color(1.5).getRed());
    }

    @Test
    void movingAverageCoversTheLastWindowValues() {
        MovingAverage m = new MovingAverage(3);
        assertTrue(Double.isNaN(m.mean()));
        assertEquals(1.0, m.add(1));
        assertEquals(1.5, m.add(2));
        assertEquals(2.0, m.add(3));
        assertEquals(3.0, m.add(4)); // (2 + 3 + 4) / 3
        assertEquals(3, m.size());
        MovingAverage long1 = new MovingAverage(50);
        double last = 0;
        for (int i = 0; i < 100_000; i++) {
            last = long1.add(i % 7 * 0.1);
        }
        double expected = 0;
        for (int i = 100_000 - 50; i < 100_000; i++) {
            expected += i % 7 * 0.1;
        }
        assertEquals(expected / 50, last, 1e-12);
        assertThrows(IllegalArgumentException.class, () -> new MovingAverage(0));
    }

    @Test
    void downsamplerKeepsAtMostMaxPointsAndPreservesTheMean() {
        Downsampler d = new Downsampler(8);
        for (int i = 0; i < 5; i++) {
            d.add(i, 10 * i);
        }
        assertEquals(5, d.size()); // raw until the limit
        assertEquals(40, d.y(4));
        for (int i = 5; i < 1000; i++) {
            d.add(i, 10 * i);
        }
        assertEquals(1000, d.rawCount());
        assertTrue(d.size() <= 9, "points kept: " + d.size());
        assertTrue(d.bucketSize() >= 128);
        for (int i = 0; i < d.size(); i++) {
            assertEquals(10 * d.x(i), d.y(i), 1e-9); // averages of x and of y stay on the line y = 10 x
            if (i > 0) {
                assertTrue(d.x(i) > d.x(i - 1), "x increases");
            }
        }
        assertEquals(499.5, meanOfPointsWeighted(d), 1e-9); // weighted by bucket sizes, the mean of x survives
        assertThrows(IllegalArgumentException.class, () -> new Downsampler(7));
        assertThrows(IndexOutOfBoundsException.class, () -> new Downsampler(4).x(0));
    }

    private static double meanOfPointsWeighted(Downsampler d) {
        int b = d.bucketSize();
        long rest = d.rawCount() % b;
        double sum = 0;
        for (int i = 0; i < d.size(); i++) {
            boolean filling = rest != 0 && i == d.size() - 1;
            sum += d.x(i) * (filling ? rest : b);
        }
        return sum / d.rawCount();
    }

    @Test
    void settingsParseEveryFormAndReportEveryProblem() {
        LabSettings s = LabSettings.parse(List.of("--env", "grid/key-door-v1", "--seed=7", "--steps", "5000",
                "--no-lca", "--agent", "a2c"));
        assertEquals(new LabSettings("grid/key-door-v1", "a2c", 7, 5000, false), s);
        assertEquals(s, LabSettings.parse(s.toArgs()));
        assertEquals(LabSettings.defaults(), LabSettings.parse(List.of()));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LabSettings.parse(List.of("--env", "grid/nope", "--seed", "x", "--steps=0", "--fast",
                        "--agent=alphago")));
        String m = e.getMessage();
        assertTrue(m.contains("grid/nope") && m.contains("grid/four-rooms-v1"), m);
        assertTrue(m.contains("--seed: expected an integer, got 'x'"), m);
        assertTrue(m.contains("--steps: must be > 0, got 0"), m);
        assertTrue(m.contains("unknown argument '--fast'"), m);
        assertTrue(m.contains("--agent: unknown learner 'alphago' (known: ppo, a2c"), m);
        assertThrows(IllegalArgumentException.class, () -> LabSettings.parse(List.of("--seed")));
    }

    @Test
    void aGameTrainsAlphaZeroAndRefusesGridLearners() {
        LabSettings s = LabSettings.parse(List.of("--env", "game/tic-tac-toe-v1"));
        assertEquals("alphazero", s.agentType(), "a game without --agent trains AlphaZero");
        assertTrue(s.game());
        assertEquals(s, LabSettings.parse(s.toArgs()));
        assertEquals("ppo", s.withEnvId("grid/four-rooms-v1").agentType(), "back on a grid world: PPO");
        String m = assertThrows(IllegalArgumentException.class, () -> LabSettings.parse(List.of("--env",
                "game/connect-four-v1", "--agent", "ppo"))).getMessage();
        assertTrue(m.contains("--agent: 'ppo' does not train on game/connect-four-v1 (known there: alphazero)"), m);
        assertTrue(LabSettings.ENVIRONMENTS.containsAll(List.of("game/tic-tac-toe-v1", "game/connect-four-v1")));
    }

    @Test
    void frameAnswersPerStateAndHidesItsArrays() {
        int h = 2;
        int w = 2;
        double[] p = new double[h * w * 4];
        double[] v = new double[h * w];
        Arrays.fill(p, Double.NaN);
        Arrays.fill(v, Double.NaN);
        v[3] = 0.5; // cell (1, 1)
        System.arraycopy(new double[] {0.1, 0.2, 0.6, 0.1}, 0, p, 12, 4);
        PolicyFrame f = new PolicyFrame(4, 10, 2048, h, w, 4, new int[] {0}, new double[][] {p}, new double[][] {v});
        assertTrue(f.has(1, 1, 0));
        assertFalse(f.has(0, 0, 0));
        assertFalse(f.has(1, 1, 1));
        assertFalse(f.has(5, 5, 0));
        assertEquals(2, f.greedyAction(1, 1, 0));
        assertEquals(-1, f.greedyAction(0, 1, 0));
        assertEquals(0.6, f.probability(1, 1, 0, 2));
        double[] map = f.valueMap(0);
        map[3] = 99;
        assertEquals(0.5, f.value(1, 1, 0));
        assertEquals(0, f.displayMask(3)); // only mask 0 is covered
        assertEquals(List.of(0), f.keysMasks());
        assertThrows(IllegalArgumentException.class, () -> f.probability(1, 1, 0, 4));
        assertFalse(f.hasActionValues());
        assertTrue(Double.isNaN(f.actionValue(1, 1, 0, 2)));

        double[] q = new double[h * w * 4];
        Arrays.fill(q, Double.NaN);
        System.arraycopy(new double[] {0.3, 0.1, 0.7, 0.2}, 0, q, 12, 4);
        PolicyFrame withQ = new PolicyFrame(5, 10, 2048, h, w, 4, new int[] {0}, new double[][] {p.clone()},
                new double[][] {v.clone()}, new double[][] {q});
        assertTrue(withQ.hasActionValues());
        assertEquals(0.7, withQ.actionValue(1, 1, 0, 2));
        assertTrue(Double.isNaN(withQ.actionValue(0, 0, 0, 0)));
    }

    @Test
    void demoEpisodeFollowsTheGreedyActionAndStartsOver() {
        GridWorld world = EnvRegistry.make("grid/empty-8x8-v1");
        int h = world.map().height();
        int w = world.map().width();
        double[] p = new double[h * w * 4];
        double[] v = new double[h * w];
        Arrays.fill(p, Double.NaN);
        Arrays.fill(v, Double.NaN);
        for (Cell c : world.freeCells()) {
            int i = c.row() * w + c.col();
            v[i] = 0;
            // go right along the row, then down along the last column: reaches the goal at (6, 6)
            int a = c.col() < 6 ? GridWorld.ACTION_RIGHT : GridWorld.ACTION_DOWN;
            p[i * 4 + a] = 1;
            for (int b = 0; b < 4; b++) {
                if (b != a) {
                    p[i * 4 + b] = 0;
                }
            }
        }
        PolicyFrame frame = new PolicyFrame(0, 0, 0, h, w, 4, new int[] {0}, new double[][] {p}, new double[][] {v});
        DemoEpisode demo = new DemoEpisode(world.copy(), 50);
        assertEquals(-1, demo.tick(null));
        for (int i = 0; i < 10; i++) {
            assertTrue(demo.tick(frame) >= 0);
        }
        assertTrue(demo.resting());
        assertEquals(new Cell(6, 6), demo.state().cell());
        assertEquals(11, demo.trail().size());
        assertEquals(1, demo.episodes());
        assertEquals(1.0 - 10 * 0.01, demo.lastReturn(), 1e-9);
        assertEquals(-1, demo.tick(frame)); // rests one tick, then starts over
        assertEquals(world.map().start(), demo.state().cell());
        DemoEpisode capped = new DemoEpisode(world.copy(), 3);
        for (int i = 0; i < 3; i++) {
            capped.tick(frame);
        }
        assertTrue(capped.resting(), "a demo episode ends after maxSteps moves");
    }
}
