package dev.lantern.analysis.lca;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.lantern.agents.api.ParameterLayout;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * {@link AllocationTotals}, fed allocations on a support, gives to the last bit what summing the full allocation
 * vectors gives (the support scattered into zeros): cumulative and window sums per parameter, per-layer sums, helped /
 * hurt / zero counts and the oscillation counts, across a change of support, a cleared window and a read mid-window.
 */
class AllocationTotalsTest {

    private static final ParameterLayout LAYOUT = new ParameterLayout(List.of(
            new ParameterLayout.Block("a", 0, 5, 4), new ParameterLayout.Block("b", 24, 4, 3),
            new ParameterLayout.Block("c", 39, 3, 2)));

    @Test
    void sumsOnASupportAreTheFullSums() {
        int n = LAYOUT.size();
        SplittableRandom rng = new SplittableRandom(9);
        AllocationTotals totals = new AllocationTotals(LAYOUT);
        double[] cumulative = new double[n];
        double[] window = new double[n];
        Oscillation oscillation = new Oscillation(n);
        for (int w = 0; w < 3; w++) {
            ParameterSupport support = ParameterSupport.of(n, randomSupport(n, rng));
            for (int step = 0; step < 5; step++) {
                double[] a = new double[support.size()];
                for (int k = 0; k < a.length; k++) {
                    int pick = rng.nextInt(6);
                    a[k] = pick == 0 ? 0 : pick == 1 ? -0.0 : (rng.nextDouble() - 0.5) * Math.pow(10, -rng.nextInt(8));
                }
                AllocationTotals.Step got = totals.add(support, a);
                double[] full = support.scatter(a);
                for (int i = 0; i < n; i++) {
                    cumulative[i] += full[i];
                    window[i] += full[i];
                }
                oscillation.add(full);
                assertArrayEquals(LAYOUT.sumPerLayer(full), got.layers(), 0, "window " + w + ", step " + step);
                assertEquals(AllocationCounts.of(full), got.counts());
                if (step == 2) { // read mid-window: the sums so far, and the next steps go on from them
                    assertArrayEquals(cumulative, totals.cumulative(), 0);
                }
            }
            assertArrayEquals(window, totals.window(), 0);
            totals.clearWindow();
            java.util.Arrays.fill(window, 0);
        }
        assertArrayEquals(cumulative, totals.cumulative(), 0);
        assertArrayEquals(window, totals.window(), 0);
        assertEquals(oscillation.summary(LAYOUT), totals.oscillation().summary(LAYOUT));
        for (int i = 0; i < n; i++) {
            assertEquals(oscillation.changes(i), totals.oscillation().changes(i), "parameter " + i);
            assertEquals(oscillation.moves(i), totals.oscillation().moves(i), "parameter " + i);
        }
    }

    /** About two thirds of {@code [0, n)}, ascending. */
    private static int[] randomSupport(int n, SplittableRandom rng) {
        return java.util.stream.IntStream.range(0, n).filter(i -> rng.nextInt(3) > 0).toArray();
    }
}
