package dev.lantern.analysis.lca;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonObject;
import dev.lantern.agents.api.ParameterLayout;
import dev.lantern.agents.run.state.StateReader;
import dev.lantern.agents.run.state.StateWriter;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Helped / hurt / zero counts and sign oscillation, against counts made by hand. */
class AllocationStatisticsTest {

    @Test
    void countsHelpedHurtAndExactlyZeroApart() {
        AllocationCounts c = AllocationCounts.of(new double[] {-1e-30, 0, 0.0, 2, -3, -0.0, 5e-300});
        assertEquals(2, c.helped());
        assertEquals(2, c.hurt());
        assertEquals(3, c.zero());
        assertEquals(0.5, c.helpedAmongMoved(), 0);
        assertEquals(Double.NaN, AllocationCounts.of(new double[] {0, 0}).helpedAmongMoved());
    }

    @Test
    void oscillationCountsSignChangesBetweenStepsInWhichAParameterMoved() {
        // One layer of 1 input x 2 outputs + 2 biases = 4 parameters.
        ParameterLayout layout = new ParameterLayout(List.of(new ParameterLayout.Block("l", 0, 1, 2)));
        Oscillation o = new Oscillation(4);
        double[][] steps = {
            {-1, 1, 0, 1},
            {1, 1, 0, -1},
            {0, -2, 0, 1},
            {-1, 3, 0, -1},
        };
        for (double[] s : steps) {
            o.add(s);
        }
        // p0: - + (skip) -  -> 2 changes in 3 moves; p1: + + - + -> 2 in 4; p2 never moved; p3: + - + - -> 3 in 4.
        assertEquals(2, o.changes(0));
        assertEquals(3, o.moves(0));
        assertEquals(2, o.changes(1));
        assertEquals(0, o.moves(2));
        assertEquals(3, o.changes(3));
        JsonObject s = o.summary(layout);
        assertEquals(3, s.get("counted").getAsLong());
        assertEquals((2 / 2.0 + 2 / 3.0 + 3 / 3.0) / 3, s.get("meanRate").getAsDouble(), 1e-15);
        assertEquals(7 / 3.0, s.get("meanSignChanges").getAsDouble(), 1e-15);
        assertEquals(2, s.getAsJsonArray("rateHistogram").get(Oscillation.BINS - 1).getAsLong());

        // The state round-trips: a restored copy continues exactly.
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (StateWriter w = new StateWriter(bytes)) {
            o.save(w);
        }
        Oscillation copy = new Oscillation(4);
        try (StateReader r = new StateReader(new ByteArrayInputStream(bytes.toByteArray()), "test")) {
            copy.restore(r);
        }
        o.add(new double[] {1, 1, 1, 1});
        copy.add(new double[] {1, 1, 1, 1});
        assertEquals(o.summary(layout), copy.summary(layout));
        assertEquals(3, copy.changes(0));
    }
}
