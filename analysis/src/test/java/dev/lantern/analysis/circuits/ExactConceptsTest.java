package dev.lantern.analysis.circuits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lantern.environments.grid.GridObservation;
import dev.lantern.environments.grid.GridState;
import dev.lantern.environments.grid.GridWorld;
import dev.lantern.environments.grid.solve.GridSolution;
import dev.lantern.environments.grid.solve.ValueIteration;
import dev.lantern.environments.registry.EnvRegistry;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The concepts computed from the exact state agree with the map's known answers and say where they mean nothing. */
class ExactConceptsTest {

    private static final StateBatch KEY_DOOR = StateBatch.of(EnvRegistry.make("grid/key-door-v1"));

    @Test
    void theDistanceToTheGoalGoesByTheKeyWhileTheDoorIsClosed() {
        Concept d = ExactConcepts.distanceToGoal(KEY_DOOR);
        assertTrue(d.defined());
        assertEquals(13, d.value(index(KEY_DOOR, new GridState(1, 1, 0))), 0); // the map's comment: 4 + 4 + 5
        assertEquals(9, d.value(index(KEY_DOOR, new GridState(1, 1, 1))), 0); // with the key: straight to the door
        assertEquals(0, d.value(index(KEY_DOOR, new GridState(3, 8, 1))), 0); // on the goal
        assertEquals(1, d.value(index(KEY_DOOR, new GridState(3, 7, 0))), 0); // keyless, beside the goal
        // keyless in the goal room's far corner, whose only way out is the closed door: still reaches the goal
        assertEquals(2 + 1, d.value(index(KEY_DOOR, new GridState(1, 9, 0))), 0);
        StateBatch fourRooms = StateBatch.of(EnvRegistry.make("grid/four-rooms-v1"));
        Concept f = ExactConcepts.distanceToGoal(fourRooms);
        boolean[] decides = fourRooms.decisionStates();
        for (int s = 0; s < fourRooms.size(); s++) { // four-rooms: every free cell reaches the goal
            assertTrue(f.value(s) >= (fourRooms.space().terminal(s) ? 0 : 1), fourRooms.state(s).toString());
            assertTrue(!decides[s] || f.value(s) > 0);
        }
    }

    @Test
    void theOptimalActionIsTheArgmaxOfQStarAndTiesAreLeftOut() {
        double gamma = 0.99;
        StateBatch states = StateBatch.of(EnvRegistry.make("grid/four-rooms-v1"));
        GridSolution solution = ValueIteration.solve(states.world(), gamma);
        Concept best = ExactConcepts.optimalAction(states, gamma);
        Concept value = ExactConcepts.optimalValue(states, gamma);
        int defined = 0;
        int ties = 0;
        for (int s = 0; s < states.size(); s++) {
            GridState st = states.state(s);
            assertEquals(solution.value(st), value.value(s), 0);
            int optimal = 0;
            double top = Double.NEGATIVE_INFINITY;
            for (int a = 0; a < 4; a++) {
                top = Math.max(top, solution.q(st, a));
            }
            for (int a = 0; a < 4; a++) {
                optimal += solution.q(st, a) >= top - GridSolution.TIE_TOLERANCE ? 1 : 0;
            }
            if (states.space().terminal(s) || optimal > 1) {
                assertTrue(Double.isNaN(best.value(s)), st.toString());
                ties += states.space().terminal(s) ? 0 : 1;
            } else {
                assertEquals(solution.greedyAction(st), best.value(s), 0, st.toString());
                defined++;
            }
        }
        System.out.printf("four-rooms optimal action at gamma %.2f: %d states with one optimal action, %d tied%n",
                gamma, defined, ties);
        assertTrue(defined > 20 && ties > 20, defined + " defined, " + ties + " tied");
    }

    @Test
    void doorOpenIsHoldingTheDoorsKeyAndMeansNothingWithoutDoors() {
        Concept open = Concept.doorOpen(KEY_DOOR);
        Concept key = Concept.hasKey(KEY_DOOR);
        assertTrue(open.defined());
        for (int s = 0; s < KEY_DOOR.size(); s++) {
            assertEquals(key.value(s), open.value(s), 0); // one door, one key of its colour
        }
        StateBatch coloured = StateBatch.of(EnvRegistry.make("grid/coloured-keys-v1"));
        Concept two = Concept.doorOpen(coloured);
        double most = 0;
        for (int s = 0; s < coloured.size(); s++) {
            assertEquals(Integer.bitCount(coloured.state(s).keysMask()), two.value(s), 0); // a red key, a blue key
            most = Math.max(most, two.value(s));
        }
        assertEquals(2, most, 0);
        StateBatch fourRooms = StateBatch.of(EnvRegistry.make("grid/four-rooms-v1"));
        assertEquals("no doors on this map", Concept.doorOpen(fourRooms).undefined());
        assertEquals("no keys on this map", Concept.hasKey(fourRooms).undefined());
        assertEquals("no trigger tiles on this map", Concept.triggerVisible(fourRooms).undefined());
        List<Concept> all = ExactConcepts.builtIn(fourRooms, 0.99);
        assertEquals(List.of("agent row", "agent column", "has key", "door open", "distance to goal",
                "optimal action", "V*", "trigger visible"), all.stream().map(Concept::name).toList());
        assertEquals(List.of(true, true, false, false, true, true, true, false),
                all.stream().map(Concept::defined).toList());
    }

    @Test
    void theTriggerIsVisibleInEveryTriggeredStateOrOnlyWithinTheEgocentricWindow() {
        GridWorld trojan = EnvRegistry.make("grid/trojan-v1");
        StateBatch full = StateBatch.of(trojan);
        Concept seen = Concept.triggerVisible(full);
        int triggered = 0;
        for (int s = 0; s < full.size(); s++) {
            boolean flag = full.state(s).has(GridState.FLAG_TRIGGER);
            assertEquals(flag ? 1 : 0, seen.value(s), 0);
            triggered += flag ? 1 : 0;
        }
        assertTrue(triggered > 0 && triggered < full.size());
        StateBatch ego = StateBatch.of(new GridWorld("trojan-ego", trojan.map(), 200, GridObservation.egocentric(3)));
        Concept near = Concept.triggerVisible(ego);
        for (int s = 0; s < ego.size(); s++) { // the trigger tile T is at row 5, column 1; a 3 x 3 window
            GridState st = ego.state(s);
            boolean inView = Math.abs(st.row() - 5) <= 1 && Math.abs(st.col() - 1) <= 1;
            assertEquals(st.has(GridState.FLAG_TRIGGER) && inView ? 1 : 0, near.value(s), 0, st.toString());
        }
        assertFalse(Concept.triggerVisible(KEY_DOOR).defined());
    }

    private static int index(StateBatch states, GridState s) {
        int i = states.space().indexOf(s);
        assertTrue(i >= 0, s + " is not a state");
        return i;
    }
}
