package dev.lantern.environments.grid.map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.lantern.environments.api.MapFormatException;
import dev.lantern.environments.api.MapProblem;
import java.util.List;

/** Test fixtures for map text: the problems a broken map reports. */
public final class MapFixtures {

    /** The source name every fixture map is parsed under. */
    public static final String SOURCE = "m.txt";

    private MapFixtures() {
    }

    /** The problems, as {@code file:line:column: message} lines, that parsing {@code text} as {@value #SOURCE} reports. */
    public static List<String> problems(String text) {
        MapFormatException e = assertThrows(MapFormatException.class, () -> GridMapParser.parse(SOURCE, text));
        return e.problems().stream().map(MapProblem::toString).toList();
    }

    /** Asserts that parsing {@code text} reports exactly one problem, {@code expected} ({@code file:line:column: message}). */
    public static void assertOnlyProblem(String expected, String text) {
        assertEquals(List.of(expected), problems(text), "problems of the map " + text.replace("\n", "\\n"));
    }

    /** The known tile names of the legend, as the parser lists them. */
    public static List<String> tileNames() {
        return MapHeader.TILE_NAMES;
    }
}
