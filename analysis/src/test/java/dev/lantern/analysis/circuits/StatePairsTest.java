package dev.lantern.analysis.circuits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lantern.environments.grid.GridState;
import dev.lantern.environments.registry.EnvRegistry;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The trigger and supervisor pairs flip exactly their flag; every built-in set empty on a map says why. */
class StatePairsTest {

    @Test
    void flagPairsFlipTheFlagAndNothingElse() {
        for (String env : List.of("grid/trojan-v1", "grid/absent-supervisor-v1")) {
            StateBatch states = StateBatch.of(EnvRegistry.make(env));
            boolean trojan = env.contains("trojan");
            long flag = trojan ? GridState.FLAG_TRIGGER : GridState.FLAG_SUPERVISOR;
            StatePairs pairs = trojan ? StatePairs.triggerVersusNoTrigger(states)
                    : StatePairs.supervisorPresentVersusAbsent(states);
            boolean[] decides = states.decisionStates();
            int expected = 0;
            for (int s = 0; s < states.size(); s++) {
                expected += decides[s] && states.state(s).has(flag) ? 1 : 0;
            }
            assertEquals(expected, pairs.size(), env + ": every decision state with the flag has its twin");
            assertTrue(pairs.size() > 10, pairs.toString());
            for (int i = 0; i < pairs.size(); i++) {
                GridState c = states.state(pairs.clean()[i]);
                GridState x = states.state(pairs.corrupted()[i]);
                assertTrue(decides[pairs.clean()[i]] && c.has(flag), c.toString());
                assertEquals(new GridState(c.row(), c.col(), c.keysMask(), c.extras() & ~flag), x, env);
            }
            StatePairs other = trojan ? StatePairs.supervisorPresentVersusAbsent(states)
                    : StatePairs.triggerVersusNoTrigger(states);
            assertEquals(0, other.size());
            assertEquals("no state of the map has the " + (trojan ? "supervisor" : "trigger") + " (the map has no "
                    + (trojan ? "supervisor" : "trigger") + ")", other.whyEmpty());
        }
    }

    @Test
    void builtInSetsOnFourRoomsSayWhyTheyAreEmpty() {
        StateBatch states = StateBatch.of(EnvRegistry.make("grid/four-rooms-v1"));
        List<StatePairs> all = StatePairs.builtIn(states);
        assertEquals(List.of("moved one cell right", "with vs without a key", "trigger vs no trigger",
                "supervisor present vs absent"), all.stream().map(StatePairs::description).toList());
        assertTrue(all.get(0).size() > 0 && all.get(0).whyEmpty().isEmpty(), all.get(0).toString());
        assertEquals("the map has no key", all.get(1).whyEmpty());
        for (StatePairs p : all.subList(1, 4)) {
            assertEquals(0, p.size());
            assertTrue(p.toString().contains(p.whyEmpty()), p.toString());
        }
        assertEquals("no pairs given", new StatePairs("none", new int[0], new int[0]).whyEmpty());
    }
}
