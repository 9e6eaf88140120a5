package dev.lantern.environments.grid.map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lantern.environments.api.MapFormatException;
import dev.lantern.environments.api.MapProblem;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Map input a parser meets in the wild: huge rows, too many rows or cells, several mistakes at once, byte-order marks,
 * old-Mac line endings, binary files and directories. Each gets located, plain-worded problems, never another
 * exception (issue 9).
 */
class HostileMapInputTest {

    private static List<String> problemsOf(Path file) {
        MapFormatException e = assertThrows(MapFormatException.class, () -> GridMapParser.parse(file));
        assertFalse(e.getMessage().contains("Exception"), e.getMessage());
        return e.problems().stream().map(MapProblem::toString).toList();
    }

    private static Path write(Path file, String text) throws IOException {
        return Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    @Test
    void aTenMillionCharacterRowIsRefusedAtItsLineNamingTheLimit(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("wide.txt");
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write("#####\n".getBytes(StandardCharsets.US_ASCII));
            byte[] row = new byte[1_000_000];
            java.util.Arrays.fill(row, (byte) '.');
            row[0] = 'S';
            for (int i = 0; i < 10; i++) {
                out.write(row);
                row[0] = '.';
            }
            out.write("G\n".getBytes(StandardCharsets.US_ASCII));
        }
        assertEquals(List.of(file + ":2:4097: line has 10000001 characters; a map may be at most 4096 columns wide "
                + "(docs/maps.md, \"Limits\"; the rest of the line was not read)"), problemsOf(file));
    }

    @Test
    void aThreeMillionCellRowIsRefusedAtItsLine(@TempDir Path dir) throws IOException {
        Path file = write(dir.resolve("row.txt"), "S" + ".".repeat(2_999_998) + "G\n");
        List<String> problems = problemsOf(file);
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith(file + ":1:4097: line has 3000000 characters; a map may be at most "
                + GridMap.MAX_COLUMNS + " columns wide"), problems.toString());
        // The same from text in memory.
        MapFormatException e = assertThrows(MapFormatException.class,
                () -> GridMapParser.parse("row.txt", "S" + ".".repeat(2_999_998) + "G\n"));
        assertEquals(problems.get(0).replace(file.toString(), "row.txt"), e.problems().get(0).toString());
    }

    @Test
    void tooManyRowsAndTooManyCellsAreLocatedAtTheRowThatPassesTheLimit() {
        String tall = "S\n" + ".\n".repeat(GridMap.MAX_ROWS - 1) + "G\n" + ".\n".repeat(10);
        assertEquals(List.of("m.txt:4097:1: map has 4107 rows; a map may have at most 4096 (docs/maps.md, \"Limits\";"
                + " this is row 4097, the rest of the map was not read)"), MapFixtures.problems(tall));
        String big = ("S" + ".".repeat(999) + "\n") + (".".repeat(1000) + "\n").repeat(1000) + ".".repeat(999) + "G\n";
        assertEquals(List.of("m.txt:1001:1: map has 1002 x 1000 = 1002000 cells; a map may have at most 1000000 (e.g. "
                + "1000 x 1000; docs/maps.md, \"Limits\"; this row passes the limit, the rest of the map was not read)"),
                MapFixtures.problems(big));
    }

    @Test
    void aLongCommentIsIgnoredButALongHeaderLineIsRefused() {
        assertEquals("S.G\n", GridMapParser.parse("m.txt", ";" + "-".repeat(100_000) + "\nS.G\n").text());
        assertEquals(List.of("m.txt:1:4097: header line has 5006 characters; a line may have at most 4096 (docs/maps.md,"
                + " \"Limits\")"), MapFixtures.problems("@name: " + "x".repeat(4999) + "\nS.G\n"));
    }

    @Test
    void aThousandByThousandOpenMapIsAccepted() {
        String text = ("S" + ".".repeat(999) + "\n") + (".".repeat(1000) + "\n").repeat(998) + ".".repeat(999) + "G\n";
        GridMap map = GridMapParser.parse("open.txt", text);
        assertEquals(1000, map.height());
        assertEquals(1000, map.width());
        assertEquals(Tile.GOAL, map.tile(999, 999));
    }

    @Test
    void semanticChecksRunOnAMalformedGridSoFiveMistakesGiveFiveMessages() {
        String text = String.join("\n",
                "#######",
                "#S.Q#G#",
                "#..#",
                "#S...?#",
                "#######",
                "");
        // The goal at 2:6 is walled in: the missing cells of line 3 count as walls, as do the unknown tiles.
        assertEquals(List.of(
                "m.txt:2:2: no goal 'G' is reachable from the start (walls, lava and doors without a reachable key"
                        + " block every path)",
                "m.txt:2:4: unknown tile 'Q' (known: # . S G L k D B I c w X O W T t H)",
                "m.txt:3:5: row has 4 cells, expected 7 (the width of line 1)",
                "m.txt:4:2: a second start 'S' (the start is already at 2:2)",
                "m.txt:4:6: unknown tile '?' (known: # . S G L k D B I c w X O W T t H)"),
                MapFixtures.problems(text));
        // A goal that is reachable once the unknown tile counts as a wall is not reported as unreachable.
        assertEquals(List.of("m.txt:1:2: unknown tile 'Q' (known: # . S G L k D B I c w X O W T t H)",
                "m.txt:2:3: row has 2 cells, expected 3 (the width of line 1)"), MapFixtures.problems("SQ.\n.G\n"));
    }

    @Test
    void aByteOrderMarkIsSkipped(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("bom.txt");
        Files.write(file, new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, 'S', '.', 'G', '\r', '\n'});
        GridMap map = GridMapParser.parse(file);
        assertEquals(3, map.width());
        assertEquals("S.G\n", map.text());
        assertEquals("S.G\n", GridMapParser.parse("bom.txt", "\uFEFFS.G\n").text());
    }

    @Test
    void anUnpairedSurrogateInTextIsAnUnknownTileEvenWhereALegendDefinesQuestionMark() {
        assertEquals(List.of("m.txt:3:2: unknown tile '\uFFFD' (known: # . S G L k D B I c w X O W T t H ?)"),
                MapFixtures.problems("@legend: ? = wall\nS.G\n.\uD800.\n"));
    }

    @Test
    void crOnlyLineEndingsAreNamed(@TempDir Path dir) throws IOException {
        Path file = write(dir.resolve("mac.txt"), "#####\r#S.G#\r#####\r");
        assertEquals(List.of(file + ": line endings are CR only (old Mac); use LF or CRLF"), problemsOf(file));
        // A stray CR inside a line of an LF file is a character of that line, named as usual.
        assertEquals(List.of("m.txt:1:2: unknown tile U+000D (known: # . S G L k D B I c w X O W T t H)"),
                MapFixtures.problems("S\r.G\n....\n"));
    }

    @Test
    void binaryInputAndDirectoriesGetPlainWords(@TempDir Path dir) throws IOException {
        Path nul = dir.resolve("nul.txt");
        Files.write(nul, new byte[] {'S', '.', 'G', '\n', '.', '.', '.', '\n', '.', 0, '.', '\n'});
        assertEquals(List.of(nul + ": is not a text file (byte 0x00 at line 3)"), problemsOf(nul));

        Path png = dir.resolve("picture.png");
        Files.write(png, new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13});
        assertEquals(List.of(png + ": is not UTF-8 text (byte 0x89 at line 1, column 1; save the file as UTF-8)"),
                problemsOf(png));

        Path maps = Files.createDirectory(dir.resolve("maps"));
        assertEquals(List.of(maps + ": is a directory, not a map file"), problemsOf(maps));
    }

    @Test
    void aFileLargerThanTheLimitIsRefusedWithoutReadingItAll(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("huge.txt");
        try (OutputStream out = Files.newOutputStream(file)) {
            byte[] comments = ";;;;;;;;;;;;;;;\n".repeat(1 << 16).getBytes(StandardCharsets.US_ASCII);
            for (long written = 0; written <= GridMapParser.MAX_FILE_BYTES; written += comments.length) {
                out.write(comments);
            }
        }
        assertEquals(List.of(file + ": is larger than 16 MiB, the most a map file may be (docs/maps.md, \"Limits\")"),
                problemsOf(file));
    }

    @Test
    void atMostAHundredProblemsAreListedThenACount() {
        MapFormatException e = assertThrows(MapFormatException.class,
                () -> GridMapParser.parse("m.txt", "SG" + "?".repeat(500) + "\n"));
        assertEquals(500, e.count());
        List<String> problems = e.problems().stream().map(MapProblem::toString).toList();
        assertEquals(MapAssembler.MAX_LISTED_PROBLEMS + 1, problems.size());
        assertEquals("m.txt:1:102: unknown tile '?' (known: # . S G L k D B I c w X O W T t H)", problems.get(99));
        assertEquals("m.txt:1:102: ... and 400 more problems (only the first 100 are listed)", problems.get(100));
    }
}
