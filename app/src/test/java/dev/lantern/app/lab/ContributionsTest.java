package dev.lantern.app.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lantern.agents.api.ParameterLayout;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The edge contributions a_i W_ij on a hand-built 2-2-(1) network whose weights are set by hand. */
class ContributionsTest {

    // torso.dense0 [2 -> 2] at 0 (4 weights + 2 biases), torso.dense1 [2 -> 2] at 6, value.out [2 -> 1] at 12
    private static final ParameterLayout LAYOUT = new ParameterLayout(List.of(
            new ParameterLayout.Block("torso.dense0", 0, 2, 2), new ParameterLayout.Block("torso.dense1", 6, 2, 2),
            new ParameterLayout.Block("value.out", 12, 2, 1)));

    private static Contributions handBuilt() {
        double[] theta = new double[LAYOUT.size()];
        ParameterLayout.Block d1 = LAYOUT.block("torso.dense1");
        theta[d1.weightIndex(0, 0)] = 3;
        theta[d1.weightIndex(1, 0)] = -1;
        theta[d1.weightIndex(0, 1)] = 0.5;
        theta[d1.weightIndex(1, 1)] = 0;
        theta[d1.biasIndex(0)] = 100; // biases carry no edge
        ParameterLayout.Block v = LAYOUT.block("value.out");
        theta[v.weightIndex(0, 0)] = 2;
        theta[v.weightIndex(1, 0)] = -4;
        return new Contributions(LAYOUT, theta, List.of("value.out"));
    }

    @Test
    void eachLayerReadsTheOneBeforeItAndHeadsReadTheLastTorsoLayer() {
        Contributions c = handBuilt();
        assertEquals("obs", c.inputOf("torso.dense0"));
        assertEquals("torso.dense0", c.inputOf("torso.dense1"));
        assertEquals("torso.dense1", c.inputOf("value.out"));
        assertEquals(-1, c.weight("torso.dense1", 1, 0));
    }

    @Test
    void keepsTheStrongestEdgesUntilTheShareIsExplained() {
        Contributions c = handBuilt();
        double[] a = {1, 2}; // contributions: 1*3 = 3 (0->0), 2*-1 = -2 (1->0), 1*0.5 = 0.5 (0->1), 2*0 = 0 (1->1)
        Contributions.Kept k = c.strongestInto("torso.dense1", a, 0.8, 10);
        assertEquals(List.of(new Contributions.Edge(0, 0, 3), new Contributions.Edge(1, 0, -2)), k.edges());
        assertEquals(5 / 5.5, k.keptShare(), 1e-15);
        assertEquals(4, k.edgeCount());
        Contributions.Kept all = c.strongestInto("torso.dense1", a, 1.0, 10);
        assertEquals(3, all.edges().size()); // the zero edge carries nothing
        assertEquals(1.0, all.keptShare(), 1e-15);
        Contributions.Kept capped = c.strongestInto("torso.dense1", a, 0.8, 1);
        assertEquals(List.of(new Contributions.Edge(0, 0, 3)), capped.edges());
        assertEquals(3 / 5.5, capped.keptShare(), 1e-15);
        Contributions.Kept head = c.strongestInto("value.out", new double[] {0.5, 0.5}, 0.5, 10);
        assertEquals(List.of(new Contributions.Edge(1, 0, -2)), head.edges()); // |-2| explains 2/3 of 3
        assertTrue(Double.isNaN(c.strongestInto("value.out", new double[2], 0.8, 10).keptShare()));
    }

    /**
     * The bounded selection equals sorting every nonzero edge by |a W| (stable: ties in (j, i) order) and keeping the
     * prefix up to the share or the cap, on a 6 -> 5 layer whose weights repeat (many ties) and with signs mixed.
     */
    @Test
    void selectsWhatSortingEveryEdgeWouldKeep() {
        ParameterLayout layout = new ParameterLayout(List.of(new ParameterLayout.Block("torso.dense0", 0, 3, 6),
                new ParameterLayout.Block("torso.dense1", 24, 6, 5)));
        double[] theta = new double[layout.size()];
        ParameterLayout.Block b = layout.block("torso.dense1");
        for (int j = 0; j < 5; j++) {
            for (int i = 0; i < 6; i++) {
                theta[b.weightIndex(i, j)] = ((i * 7 + j * 3) % 5 - 2) * 0.5; // values in {-1, -0.5, 0, 0.5, 1}
            }
        }
        Contributions c = new Contributions(layout, theta, List.of());
        double[] a = {1, -2, 0, 2, 1, -1};
        for (double share : new double[] {0.3, 0.8, 1.0}) {
            for (int cap : new int[] {1, 4, 7, 30}) {
                List<Contributions.Edge> all = new java.util.ArrayList<>();
                double total = 0;
                for (int j = 0; j < 5; j++) {
                    for (int i = 0; i < 6; i++) {
                        double x = a[i] * theta[b.weightIndex(i, j)];
                        total += Math.abs(x);
                        if (x != 0) {
                            all.add(new Contributions.Edge(i, j, x));
                        }
                    }
                }
                all.sort(java.util.Comparator.comparingDouble(e -> -Math.abs(e.contribution())));
                List<Contributions.Edge> expected = new java.util.ArrayList<>();
                double sum = 0;
                for (Contributions.Edge e : all) {
                    if (sum >= share * total || expected.size() >= cap) {
                        break;
                    }
                    expected.add(e);
                    sum += Math.abs(e.contribution());
                }
                Contributions.Kept k = c.strongestInto("torso.dense1", a, share, cap);
                assertEquals(expected, k.edges(), "share " + share + ", cap " + cap);
                assertEquals(sum / total, k.keptShare(), 1e-12);
            }
        }
    }

    @Test
    void rejectsAMisfitInputOrLayout() {
        Contributions c = handBuilt();
        assertThrows(IllegalArgumentException.class, () -> c.strongestInto("torso.dense1", new double[3], 0.8, 10));
        assertThrows(IllegalArgumentException.class, () -> c.strongestInto("torso.dense1", new double[2], 0, 10));
        assertThrows(IllegalArgumentException.class, () -> c.inputOf("policy.logits"));
        ParameterLayout broken = new ParameterLayout(List.of(new ParameterLayout.Block("torso.dense0", 0, 2, 2),
                new ParameterLayout.Block("torso.dense1", 6, 3, 2)));
        assertThrows(IllegalArgumentException.class,
                () -> new Contributions(broken, new double[broken.size()], List.of()));
    }
}
