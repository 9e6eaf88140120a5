package dev.lantern.environments.grid.map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lantern.environments.api.MapFormatException;
import dev.lantern.environments.api.MapProblem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GridMapParserTest {

    @Test
    void parsesAWellFormedMap() {
        GridMap map = GridMapParser.parse("m.txt", "#####\n#S.k#\n#.#D#\n#L.G#\n#####\n");
        assertEquals("m.txt", map.sourceName());
        assertEquals(5, map.height());
        assertEquals(5, map.width());
        assertEquals(new Cell(1, 1), map.start());
        assertEquals(Tile.FLOOR, map.tile(1, 1));
        assertEquals(Tile.WALL, map.tile(0, 0));
        assertEquals(Tile.KEY, map.tile(1, 3));
        assertEquals(Tile.DOOR, map.tile(2, 3));
        assertEquals(Tile.LAVA, map.tile(3, 1));
        assertEquals(Tile.GOAL, map.tile(3, 3));
        assertEquals(List.of(new Cell(1, 3)), map.keyCells());
        assertEquals(0, map.keyIndex(1, 3));
        assertEquals(-1, map.keyIndex(1, 2));
        assertEquals("#####\n#S.k#\n#.#D#\n#L.G#\n#####\n", map.text());
        assertThrows(IndexOutOfBoundsException.class, () -> map.tile(5, 0));
    }

    @Test
    void borderNeedNotBeWallsAndFinalNewlineIsOptional() {
        GridMap map = GridMapParser.parse("m.txt", "S.G");
        assertEquals(1, map.height());
        assertEquals(3, map.width());
        assertEquals("S.G\n", map.text());
    }

    @Test
    void keysAreNumberedInReadingOrder() {
        GridMap map = GridMapParser.parse("m.txt", "Sk.\n.kG\nk..\n");
        assertEquals(List.of(new Cell(0, 1), new Cell(1, 1), new Cell(2, 0)), map.keyCells());
        assertEquals(2, map.keyIndex(2, 0));
    }

    @Test
    void unknownTileIsLocated() {
        MapFixtures.assertOnlyProblem("m.txt:2:3: unknown tile 'Q' (known: # . S G L k D B I c w X O W T t H)",
                "S..\n..Q\n..G\n");
    }

    @Test
    void unknownWhitespaceIsNamed() {
        List<String> p = MapFixtures.problems("S.G \n...\t\n");
        assertEquals(List.of(
                "m.txt:1:4: unknown tile ' ' (U+0020, a space) (known: # . S G L k D B I c w X O W T t H)",
                "m.txt:2:4: unknown tile '\\t' (tab) (known: # . S G L k D B I c w X O W T t H)"), p);
    }

    @Test
    void nonRectangularRowsAreLocatedWhereTheyDiffer() {
        assertEquals(List.of(
                "m.txt:2:4: row has 3 cells, expected 5 (the width of line 1)",
                "m.txt:3:6: row has 7 cells, expected 5 (the width of line 1)"),
                MapFixtures.problems("S...G\n...\n.......\n"));
    }

    @Test
    void widthMessageNamesTheFirstRowLineAfterComments() {
        assertEquals(List.of("m.txt:3:3: row has 2 cells, expected 3 (the width of line 2)"),
                MapFixtures.problems("; header\nS.G\n..\n"));
    }

    @Test
    void missingStartAndGoalAreReported() {
        assertEquals(List.of("m.txt:1:1: no start 'S' in the map", "m.txt:1:1: no goal 'G' in the map"),
                MapFixtures.problems("...\n...\n"));
    }

    @Test
    void everyExtraStartIsLocated() {
        assertEquals(List.of(
                "m.txt:1:3: a second start 'S' (the start is already at 1:1)",
                "m.txt:2:2: a second start 'S' (the start is already at 1:1)"),
                MapFixtures.problems("S.S\n.SG\n"));
    }

    @Test
    void unreachableGoalBehindWallIsReportedAtTheStart() {
        MapFixtures.assertOnlyProblem("m.txt:2:2: no goal 'G' is reachable from the start (walls, lava and doors without"
                + " a reachable key block every path)", "...#.\n.S.#G\n...#.\n");
    }

    @Test
    void lavaBlocksReachability() {
        assertEquals(1, MapFixtures.problems("S.L.G\n").size());
    }

    @Test
    void doorNeedsAKeyReachableBeforeIt() {
        // The only key lies behind the door: unreachable.
        assertEquals(1, MapFixtures.problems("S.DkG\n").size());
        // The key is reachable first: fine.
        GridMap ok = GridMapParser.parse("m.txt", "kS.DG\n");
        assertEquals(1, ok.keyCount());
    }

    @Test
    void emptyMapsAreReported() {
        MapFixtures.assertOnlyProblem("m.txt:1:1: empty map: no rows of tiles", "");
        MapFixtures.assertOnlyProblem("m.txt:1:1: empty map: no rows of tiles", "\n");
        MapFixtures.assertOnlyProblem("m.txt:1:1: empty map: no rows of tiles", "; only\n; comments\n");
    }

    @Test
    void blankLinesInsideTheMapAreErrorsButTheFinalNewlineIsNot() {
        MapFixtures.assertOnlyProblem("m.txt:2:1: blank line inside the map (start a comment line with ';')",
                "S.G\n\n...\n");
        MapFixtures.assertOnlyProblem("m.txt:2:1: blank line inside the map (start a comment line with ';')",
                "S.G\n\n");
    }

    @Test
    void commentsAreIgnoredButCountedForLineNumbers() {
        GridMap map = GridMapParser.parse("m.txt", "; a comment\nS.\n; another; with # and Q\n.G\n");
        assertEquals(2, map.height());
        assertEquals("S.\n.G\n", map.text());
        assertEquals(List.of("m.txt:4:2: unknown tile 'Q' (known: # . S G L k D B I c w X O W T t H)"),
                MapFixtures.problems("; a comment\nSG\n; another\n.Q\n"));
    }

    @Test
    void crlfLineEndingsAreAccepted() {
        GridMap map = GridMapParser.parse("m.txt", "S.#\r\n..G\r\n");
        assertEquals(2, map.height());
        assertEquals(3, map.width());
        assertEquals(Tile.GOAL, map.tile(1, 2));
        assertEquals("S.#\n..G\n", map.text());
        MapFixtures.assertOnlyProblem("m.txt:2:3: unknown tile 'Q' (known: # . S G L k D B I c w X O W T t H)",
                "S.G\r\n..Q\r\n");
    }

    @Test
    void seventeenthKeyIsLocated() {
        String sixteen = "S" + "k".repeat(16) + "G\n";
        assertEquals(16, GridMapParser.parse("m.txt", sixteen).keyCount());
        String seventeen = "S" + "k".repeat(17) + "G\n";
        MapFixtures.assertOnlyProblem("m.txt:1:18: too many keys: this is key 17, a map may hold at most 16",
                seventeen);
    }

    @Test
    void fiveDifferentMistakesGiveFiveLocatedProblemsInOneException() {
        String text = String.join("\n",
                "###################",
                "#S....Q...........#",
                "#kkkkkkkkkkkkkkkkk#",
                "#........S........#",
                "",
                "#.........#",
                "#........G........#",
                "###################",
                "");
        MapFormatException e = assertThrows(MapFormatException.class, () -> GridMapParser.parse("five.txt", text));
        List<String> expected = List.of(
                "five.txt:2:7: unknown tile 'Q' (known: # . S G L k D B I c w X O W T t H)",
                "five.txt:3:18: too many keys: this is key 17, a map may hold at most 16",
                "five.txt:4:10: a second start 'S' (the start is already at 2:2)",
                "five.txt:5:1: blank line inside the map (start a comment line with ';')",
                "five.txt:6:12: row has 11 cells, expected 19 (the width of line 1)");
        assertEquals(expected, e.problems().stream().map(MapProblem::toString).toList());
        assertEquals(String.join("\n", expected), e.getMessage());
        MapProblem first = e.problems().get(0);
        assertEquals(new MapProblem("five.txt", 2, 7, "unknown tile 'Q' (known: # . S G L k D B I c w X O W T t H)"), first);
    }

    @Test
    void parsesFilesAndReportsUnreadableOnes(@TempDir Path dir) throws IOException {
        Path good = dir.resolve("good.txt");
        Files.writeString(good, "S.G\n");
        assertEquals(good.toString(), GridMapParser.parse(good).sourceName());

        Path bad = dir.resolve("bad.txt");
        Files.writeString(bad, "S.G\nQ..\n");
        MapFormatException e = assertThrows(MapFormatException.class, () -> GridMapParser.parse(bad));
        assertEquals(bad + ":2:1: unknown tile 'Q' (known: # . S G L k D B I c w X O W T t H)", e.problems().get(0).toString());

        Path missing = dir.resolve("missing.txt");
        MapFormatException m = assertThrows(MapFormatException.class, () -> GridMapParser.parse(missing));
        assertEquals(1, m.problems().size());
        assertEquals(0, m.problems().get(0).line());
        assertEquals(missing + ": no such file", m.getMessage());

        Path latin1 = dir.resolve("latin1.txt");
        Files.write(latin1, new byte[] {'S', '.', 'G', (byte) 0xE9, '\n'});
        MapFormatException u = assertThrows(MapFormatException.class, () -> GridMapParser.parse(latin1));
        assertEquals(latin1 + ": is not UTF-8 text (byte 0xE9 at line 1, column 4; save the file as UTF-8)",
                u.getMessage());
    }

    @Test
    void invisibleCharactersAreNamedByCodePoint() {
        MapFormatException e = assertThrows(MapFormatException.class,
                () -> GridMapParser.parse("bom.txt", "#####\n\uFEFF#S.G#\n#####\n"));
        assertTrue(e.getMessage().contains("bom.txt:2:1: unknown tile U+FEFF (a byte-order mark"), e.getMessage());
        MapFormatException z = assertThrows(MapFormatException.class,
                () -> GridMapParser.parse("zw.txt", "#####\n#S\u200B.G#\n#####\n"));
        assertTrue(z.getMessage().contains("zw.txt:2:3: unknown tile U+200B"), z.getMessage());
    }
}
