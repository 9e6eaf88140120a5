package dev.lantern.environments.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MapFormatExceptionTest {

    @Test
    void listsEveryProblemOnePerLine() {
        List<MapProblem> problems = new ArrayList<>(List.of(
                new MapProblem("maps/a.txt", 3, 7, "unknown tile 'Q' (known: # . S G L k D)"),
                new MapProblem("maps/a.txt", 5, 12, "row has 11 cells, expected 13 (the width of line 1)")));
        MapFormatException e = new MapFormatException(problems);
        problems.clear();
        assertEquals(2, e.problems().size());
        assertEquals("maps/a.txt:3:7: unknown tile 'Q' (known: # . S G L k D)\n"
                + "maps/a.txt:5:12: row has 11 cells, expected 13 (the width of line 1)", e.getMessage());
        assertThrows(UnsupportedOperationException.class, () -> e.problems().clear());
    }

    @Test
    void needsAtLeastOneProblem() {
        assertThrows(IllegalArgumentException.class, () -> new MapFormatException(List.of()));
        assertThrows(IllegalArgumentException.class, () -> new MapProblem("x", -1, 0, "m"));
    }
}
