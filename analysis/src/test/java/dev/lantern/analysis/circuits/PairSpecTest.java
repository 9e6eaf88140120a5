package dev.lantern.analysis.circuits;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lantern.environments.grid.GridState;
import dev.lantern.environments.grid.GridWorld;
import dev.lantern.environments.grid.map.GridMapParser;
import dev.lantern.environments.registry.EnvRegistry;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Pair files: every problem located, and the pairing rule as documented. */
class PairSpecTest {

    private static final StateBatch KEY_DOOR = StateBatch.of(EnvRegistry.make("grid/key-door-v1"));

    private static List<String> problems(String json) {
        return assertThrows(PairSpecException.class, () -> PairSpec.parse("pairs.json", json)).problems();
    }

    @Test
    void badFilesNameWhereAndWhat() {
        assertEquals(List.of("pairs.json: the file is empty (expected a pair set object {\"clean\": ..., "
                + "\"corrupted\": ...} or an array of them)"), problems(" \n"));
        List<String> syntax = problems("{\"clean\": {\"hasKey\": true},\n \"corrupted\": {hasKey: false}}");
        assertEquals(1, syntax.size());
        assertTrue(syntax.get(0).startsWith("pairs.json:2:") && syntax.get(0).contains("invalid JSON"),
                syntax.get(0));
        assertTrue(problems("{\"clean\": {}, \"corrupted\": {}} {}").get(0).contains("unexpected text after"));
        assertEquals(List.of("pairs.json: expected a pair set object {\"clean\": ..., \"corrupted\": ...} or a "
                + "non-empty array of them, got 3"), problems("3"));
        List<String> all = problems("[{\"clean\": {\"hasKye\": true, \"row\": [3, 1], \"column\": -1, "
                + "\"trigger\": 1, \"cell\": [[1, 2], [3]]}, \"corrupted\": [], \"match\": [\"row\", \"colour\", "
                + "\"row\"], \"extra\": 0}, 7, {\"corrupted\": {}, \"name\": 5}]");
        assertEquals(List.of(
                "pairs.json: [0].extra: unknown field (known: name, clean, corrupted, match)",
                "pairs.json: [0].clean.hasKye: unknown field (known: row, column, cell, keys, hasKey, doorOpen, "
                        + "trigger, supervisor, terminal, decision)",
                "pairs.json: [0].clean.row: range [3, 1] is empty (low > high)",
                "pairs.json: [0].clean.column: expected a whole number >= 0 or an inclusive range [low, high], got -1",
                "pairs.json: [0].clean.trigger: expected true or false, got 1",
                "pairs.json: [0].clean.cell: expected a cell [row, column] or a list of cells [[row, column], ...] "
                        + "(whole numbers >= 0), got [[1,2],[3]]",
                "pairs.json: [0].corrupted: expected a predicate object such as {\"hasKey\": true}, got []",
                "pairs.json: [0].match[1]: unknown field \"colour\" (known: row, column, cell, keys, hasKey, doorOpen,"
                        + " trigger, supervisor, terminal, decision)",
                "pairs.json: [0].match[2]: \"row\" is named twice",
                "pairs.json: [1]: expected a pair set object {\"clean\": ..., \"corrupted\": ...}, got 7",
                "pairs.json: [2].name: expected a string, got 5",
                "pairs.json: [2]: missing \"clean\" (a predicate object over the exact state; {} for every state)"),
                all);
    }

    @Test
    void matchedFieldsPairEachCleanStateWithItsTwins() {
        PairSpec spec = PairSpec.parse("pairs.json", "{\"clean\": {\"hasKey\": true, \"row\": [1, 3], "
                + "\"decision\": true}, \"corrupted\": {\"hasKey\": false}, \"match\": [\"row\", \"column\"]}").get(0);
        assertEquals("clean {\"hasKey\":true,\"row\":[1,3],\"decision\":true} vs corrupted {\"hasKey\":false} "
                + "matched on row, column", spec.description());
        StatePairs pairs = spec.pairs(KEY_DOOR);
        // key-door has one key: the same pairs as the built-in with-vs-without-key restricted to rows 1..3
        StatePairs builtIn = StatePairs.withVersusWithoutKey(KEY_DOOR);
        List<int[]> want = new ArrayList<>();
        for (int i = 0; i < builtIn.size(); i++) {
            int row = KEY_DOOR.state(builtIn.clean()[i]).row();
            if (row >= 1 && row <= 3) {
                want.add(new int[] {builtIn.clean()[i], builtIn.corrupted()[i]});
            }
        }
        assertTrue(want.size() > 10, "rows 1..3 of key-door hold many keyed states: " + want.size());
        assertArrayEquals(want.stream().mapToInt(p -> p[0]).toArray(), pairs.clean());
        assertArrayEquals(want.stream().mapToInt(p -> p[1]).toArray(), pairs.corrupted());

        // cells, door open, the clean state never paired with itself
        PairSpec cells = PairSpec.parse("p", "{\"clean\": {\"cell\": [[3, 5], [1, 1]], \"doorOpen\": true}, "
                + "\"corrupted\": {\"cell\": [3, 5]}}").get(0);
        StatePairs c = cells.pairs(KEY_DOOR);
        int open35 = KEY_DOOR.space().indexOf(new GridState(3, 5, 1));
        int open11 = KEY_DOOR.space().indexOf(new GridState(1, 1, 1));
        int closed35 = KEY_DOOR.space().indexOf(new GridState(3, 5, 0));
        assertTrue(open35 >= 0 && open11 >= 0 && closed35 >= 0);
        // (1, 1) with the key meets both states on (3, 5); (3, 5) with the key meets only the keyless one
        assertTrue(closed35 < open11 && open11 < open35, "keyless states are numbered first, then reading order");
        assertArrayEquals(new int[] {open11, open11, open35}, c.clean(), c.toString());
        assertArrayEquals(new int[] {closed35, open35, closed35}, c.corrupted(), c.toString());
    }

    @Test
    void withoutMatchEveryCleanStateMeetsEveryCorruptedOneInOrder() {
        List<PairSpec> specs = PairSpec.parse("p", "[{\"name\": \"goal vs start\", \"clean\": {\"terminal\": true},"
                + " \"corrupted\": {\"row\": 1, \"column\": [1, 2], \"keys\": 0}}, {\"clean\": {\"trigger\": true}, "
                + "\"corrupted\": {}}]");
        StatePairs p = specs.get(0).pairs(KEY_DOOR);
        assertEquals("goal vs start", p.description());
        int[] goals = new StatePredicate(List.of(new StatePredicate.Condition(StateField.TERMINAL, new long[] {1, 1})),
                "").matching(KEY_DOOR);
        assertEquals(2, goals.length, "the goal with and without the key");
        int a = KEY_DOOR.space().indexOf(new GridState(1, 1, 0));
        int b = KEY_DOOR.space().indexOf(new GridState(1, 2, 0));
        assertArrayEquals(new int[] {goals[0], goals[0], goals[1], goals[1]}, p.clean());
        assertArrayEquals(new int[] {a, b, a, b}, p.corrupted());
        StatePairs none = specs.get(1).pairs(KEY_DOOR);
        assertEquals(0, none.size());
        assertEquals("no state of grid/key-door-v1 meets the clean predicate {\"trigger\":true}", none.whyEmpty());
        StatePairs self = PairSpec.parse("p", "{\"clean\": {\"cell\": [1, 1], \"keys\": 0}, \"corrupted\": "
                + "{\"hasKey\": false}, \"match\": [\"cell\"]}").get(0).pairs(KEY_DOOR);
        assertEquals(0, self.size(), "a state is never paired with itself");
        assertTrue(self.whyEmpty().contains("other than the clean state itself"), self.whyEmpty());
        StateBatch row = StateBatch.of(new GridWorld("long-row", GridMapParser.parse("row.txt", "S" + ".".repeat(298)
                + "G\n"), 50));
        PairSpec everything = PairSpec.parse("p", "{\"clean\": {}, \"corrupted\": {}}").get(0);
        PairSpecException tooMany = assertThrows(PairSpecException.class, () -> everything.pairs(row));
        assertTrue(tooMany.getMessage().contains("more than " + PairSpec.MAX_PAIRS), tooMany.getMessage());
    }
}
