package dev.lantern.environments.grid.map;

import dev.lantern.environments.api.MapFormatException;
import dev.lantern.environments.api.MapProblem;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Reads the text map format into a {@link GridMap}, checking everything and reporting every problem at once.
 *
 * <p>Format (full description in {@code docs/maps.md}): one character per cell, {@code #} wall, {@code .} floor,
 * {@code S} start (floor), {@code G} goal, {@code L} lava, {@code k} key, {@code D} door. Lines are separated by
 * {@code \n}; a trailing {@code \r} on a line is dropped (CRLF files work); the final newline of the file is optional;
 * a leading byte-order mark is skipped.
 * A line starting with {@code ;} is a comment, ignored but counted for line numbers. Any other empty line is an
 * error. The border need not be walls: moving off the grid is a bump, like moving into a wall.
 *
 * <p>Input that is not map text at all gives one problem without a line, in plain words: a directory, a missing or
 * unreadable file, a NUL byte ({@code is not a text file (byte 0x00 at line 3)}), bytes that are not UTF-8, line
 * endings that are CR only, more than {@value #MAX_FILE_BYTES} bytes. Reading is bounded: a line is kept up to
 * {@value GridMap#MAX_COLUMNS} characters, rows up to {@value GridMap#MAX_ROWS} and {@value GridMap#MAX_CELLS} cells.
 *
 * <p>Checks, each reported as a {@link MapProblem} with a 1-based {@code line:column}:
 * <ul>
 *   <li>at most {@value GridMap#MAX_COLUMNS} columns, {@value GridMap#MAX_ROWS} rows and {@value GridMap#MAX_CELLS}
 *       cells; a map over a limit gets the line-by-line checks of the part that was read, not the whole-map checks
 *       below (its start or goal may lie in the rest);</li>
 *   <li>the map has at least one row;</li>
 *   <li>no blank line inside the map;</li>
 *   <li>every character is a known tile;</li>
 *   <li>every row is as wide as the first;</li>
 *   <li>exactly one {@code S} (every extra one is located);</li>
 *   <li>at least one {@code G};</li>
 *   <li>at most {@value GridMap#MAX_KEYS} keys (the first key too many is located);</li>
 *   <li>some {@code G} is reachable from {@code S}, searching over (cell, holding a key), so a door counts as open only
 *       once a key was reachable before it; lava is impassable for this search. It runs on a malformed grid too,
 *       with unknown and missing cells taken as walls, so a map with five mistakes gets five messages.</li>
 * </ul>
 * At most 100 problems are listed, then a count of the rest ({@link MapFormatException#count()} has them all).
 */
public final class GridMapParser {

    /** The known tile characters, in the order error messages list them. */
    public static final String KNOWN_TILES = "# . S G L k D B I c w X O W T t H";

    /** The most bytes a map file may have (16 MiB: the largest map at 4 bytes a cell, with room for comments). */
    public static final int MAX_FILE_BYTES = 16 << 20;

    private GridMapParser() {
    }

    /**
     * Parses a map file read as UTF-8; the map's source name is the path as given.
     *
     * @throws MapFormatException listing every problem; input that is not map text at all (a directory, an unreadable
     *                            or binary file) gives one problem at line 0, column 0, in plain words
     */
    public static GridMap parse(Path file) {
        Objects.requireNonNull(file, "file");
        String name = file.toString();
        if (Files.isDirectory(file)) {
            throw whole(name, "is a directory, not a map file");
        }
        MapAssembler assembler = new MapAssembler(name);
        String notText;
        try (InputStream in = Files.newInputStream(file)) {
            notText = MapLineReader.read(in, assembler);
        } catch (NoSuchFileException e) {
            throw whole(name, "no such file");
        } catch (AccessDeniedException e) {
            throw whole(name, "cannot be read (permission denied)");
        } catch (FileSystemException e) {
            throw whole(name, "cannot be read (" + (e.getReason() != null ? e.getReason() : "input/output error") + ")");
        } catch (IOException e) {
            throw whole(name, "cannot be read (" + (e.getMessage() != null ? e.getMessage() : "input/output error")
                    + ")");
        }
        if (notText != null) {
            throw whole(name, notText);
        }
        return assembler.finish();
    }

    /**
     * Parses a map from text, with the same checks and limits as a file.
     *
     * @param sourceName where the text came from, used in problem locations (e.g. {@code maps/rooms.txt})
     * @param text       the map, in the format described in the class comment
     * @return the validated map
     * @throws MapFormatException listing every problem found, sorted by line then column
     */
    public static GridMap parse(String sourceName, String text) {
        Objects.requireNonNull(sourceName, "sourceName");
        Objects.requireNonNull(text, "text");
        MapAssembler assembler = new MapAssembler(sourceName);
        String notText;
        try {
            // An unpaired surrogate becomes U+FFFD (an unknown tile), not the '?' that String.getBytes would make.
            ByteBuffer bytes = StandardCharsets.UTF_8.newEncoder()
                    .onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE)
                    .replaceWith(new byte[] {(byte) 0xEF, (byte) 0xBF, (byte) 0xBD})
                    .encode(CharBuffer.wrap(text));
            notText = MapLineReader.read(new ByteArrayInputStream(bytes.array(), bytes.arrayOffset() + bytes.position(),
                    bytes.remaining()), assembler);
        } catch (IOException e) {
            throw new UncheckedIOException("reading a byte array failed", e); // cannot happen
        }
        if (notText != null) {
            throw whole(sourceName, notText);
        }
        return assembler.finish();
    }

    /** One problem about the input as a whole (line 0, column 0). */
    private static MapFormatException whole(String source, String message) {
        return new MapFormatException(List.of(new MapProblem(source, 0, 0, message)));
    }
}
