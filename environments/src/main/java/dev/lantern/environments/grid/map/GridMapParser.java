package dev.lantern.environments.grid.map;

import dev.lantern.environments.api.MapFormatException;
import dev.lantern.environments.api.MapProblem;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Reads the text map format into a {@link GridMap}, checking everything and reporting every problem at once.
 *
 * <p>Format (full description in {@code docs/maps.md}): one character per cell, {@code #} wall, {@code .} floor,
 * {@code S} start (floor), {@code G} goal, {@code L} lava, {@code k} key, {@code D} door. Lines are separated by
 * {@code \n}; a trailing {@code \r} on a line is dropped (CRLF files work); the final newline of the file is optional.
 * A line starting with {@code ;} is a comment, ignored but counted for line numbers. Any other empty line is an
 * error. The border need not be walls: moving off the grid is a bump, like moving into a wall.
 *
 * <p>Checks, each reported as a {@link MapProblem} with a 1-based {@code line:column}:
 * <ul>
 *   <li>the map has at least one row;</li>
 *   <li>no blank line inside the map;</li>
 *   <li>every character is a known tile;</li>
 *   <li>every row is as wide as the first;</li>
 *   <li>exactly one {@code S} (every extra one is located);</li>
 *   <li>at least one {@code G};</li>
 *   <li>at most {@value GridMap#MAX_KEYS} keys (the first key too many is located);</li>
 *   <li>some {@code G} is reachable from {@code S}, searching over (cell, holding a key), so a door counts as open only
 *       once a key was reachable before it; lava is impassable for this search. This check runs only when the map is
 *       otherwise well formed (rectangular, known tiles, a start and a goal), to avoid consequential errors.</li>
 * </ul>
 */
public final class GridMapParser {

    /** The known tile characters, in the order error messages list them. */
    public static final String KNOWN_TILES = "# . S G L k D B I c w X O W T t H";

    private GridMapParser() {
    }

    /**
     * Parses a map file read as UTF-8; the map's source name is the path as given.
     *
     * @throws MapFormatException listing every problem; a file that cannot be read or is not valid UTF-8 gives one
     *                            problem at line 0, column 0 (so the command line reports every map error alike)
     */
    public static GridMap parse(Path file) {
        Objects.requireNonNull(file, "file");
        String name = file.toString();
        String text;
        try {
            byte[] bytes = Files.readAllBytes(file);
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new MapFormatException(List.of(new MapProblem(name, 0, 0, "not valid UTF-8 text: " + e)));
        } catch (IOException e) {
            throw new MapFormatException(List.of(new MapProblem(name, 0, 0, "cannot read map file: " + e)));
        }
        return parse(name, text);
    }

    /**
     * Parses a map from text.
     *
     * @param sourceName where the text came from, used in problem locations (e.g. {@code maps/rooms.txt})
     * @param text       the map, in the format described in the class comment
     * @return the validated map
     * @throws MapFormatException listing every problem found, sorted by line then column
     */
    public static GridMap parse(String sourceName, String text) {
        Objects.requireNonNull(sourceName, "sourceName");
        Objects.requireNonNull(text, "text");
        List<MapProblem> problems = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        int lineCount = lines.length;
        for (int i = 0; i < lineCount; i++) {
            if (lines[i].endsWith("\r")) {
                lines[i] = lines[i].substring(0, lines[i].length() - 1);
            }
        }
        if (lineCount > 0 && lines[lineCount - 1].isEmpty()) {
            lineCount--; // the final newline of the file, or an empty text
        }

        MapHeader header = new MapHeader();
        List<int[]> rows = new ArrayList<>();
        List<Integer> rowLines = new ArrayList<>();
        for (int i = 0; i < lineCount; i++) {
            String line = lines[i];
            if (line.startsWith(";")) {
                continue;
            }
            if (line.startsWith("@")) {
                if (rows.isEmpty()) {
                    header.parseLine(sourceName, i + 1, line, problems);
                } else {
                    problems.add(new MapProblem(sourceName, i + 1, 1,
                            "header line after the first row of tiles (headers go above the map)"));
                }
                continue;
            }
            if (line.isEmpty()) {
                problems.add(new MapProblem(sourceName, i + 1, 1,
                        "blank line inside the map (start a comment line with ';')"));
                continue;
            }
            rows.add(line.codePoints().toArray());
            rowLines.add(i + 1);
        }
        if (rows.isEmpty()) { // blank lines are not worth mentioning then
            problems.removeIf(p -> p.message().startsWith("blank line"));
            problems.add(new MapProblem(sourceName, 1, 1, "empty map: no rows of tiles"));
            throw sorted(problems);
        }

        int height = rows.size();
        int width = rows.get(0).length;
        int firstLine = rowLines.get(0);
        Tile[] tiles = new Tile[height * width];
        char[] symbols = new char[height * width];
        int[] colour = new int[height * width];
        double[] goalReward = new double[height * width];
        double[] triggeredReward = new double[height * width];
        List<String> colours = new ArrayList<>(List.of(GridMap.DEFAULT_COLOUR));
        List<Cell> boxes = new ArrayList<>();
        GridRules rules = GridRules.fromArray(header.rules);
        boolean rectangular = true;
        boolean unknownTiles = false;
        boolean extended = !header.legend.isEmpty();
        int startRow = -1;
        int startCol = -1;
        int goals = 0;
        int keys = 0;
        int coins = 0;
        int tomatoes = 0;
        for (int r = 0; r < height; r++) {
            int[] row = rows.get(r);
            int lineNo = rowLines.get(r);
            if (row.length != width) {
                rectangular = false;
                problems.add(new MapProblem(sourceName, lineNo, Math.min(row.length, width) + 1, "row has "
                        + row.length + " cells, expected " + width + " (the width of line " + firstLine + ")"));
            }
            for (int c = 0; c < row.length; c++) {
                int ch = row[c];
                MapHeader.Glyph g = header.glyph(ch);
                if (g == null) {
                    unknownTiles = true;
                    problems.add(new MapProblem(sourceName, lineNo, c + 1,
                            "unknown tile " + describe(ch) + " (known: " + header.knownTiles() + ")"));
                    if (c < width) {
                        tiles[r * width + c] = Tile.WALL;
                    }
                    continue;
                }
                extended |= MapHeader.ORIGINAL.indexOf(ch) < 0;
                Tile tile = g.tile();
                if (tile == Tile.GOAL) {
                    goals++;
                } else if (tile == Tile.KEY) {
                    keys++;
                    if (keys == GridMap.MAX_KEYS + 1) {
                        problems.add(new MapProblem(sourceName, lineNo, c + 1, "too many keys: this is key "
                                + keys + ", a map may hold at most " + GridMap.MAX_KEYS));
                    }
                } else if (tile == Tile.COIN && ++coins == GridMap.MAX_COINS + 1) {
                    problems.add(new MapProblem(sourceName, lineNo, c + 1, "too many coins: this is coin " + coins
                            + ", a map may hold at most " + GridMap.MAX_COINS));
                } else if (tile == Tile.TOMATO && ++tomatoes == GridMap.MAX_TOMATOES + 1) {
                    problems.add(new MapProblem(sourceName, lineNo, c + 1, "too many tomatoes: this is tomato "
                            + tomatoes + ", a map may hold at most " + GridMap.MAX_TOMATOES));
                }
                if (g.box()) {
                    boxes.add(new Cell(r, c));
                    if (boxes.size() == GridMap.MAX_BOXES + 1) {
                        problems.add(new MapProblem(sourceName, lineNo, c + 1, "too many boxes: this is box "
                                + boxes.size() + ", a map may hold at most " + GridMap.MAX_BOXES));
                    }
                }
                if (g.start()) {
                    if (startRow < 0) {
                        startRow = r;
                        startCol = c;
                    } else {
                        problems.add(new MapProblem(sourceName, lineNo, c + 1, "a second start 'S' (the start is "
                                + "already at " + rowLines.get(startRow) + ":" + (startCol + 1) + ")"));
                    }
                }
                if (c < width) {
                    int i = r * width + c;
                    tiles[i] = tile;
                    symbols[i] = g.start() || g.box() ? '.' : new String(Character.toChars(ch)).charAt(0);
                    colour[i] = -1;
                    if (g.colour() != null) {
                        int id = colours.indexOf(g.colour());
                        if (id < 0) {
                            id = colours.size();
                            colours.add(g.colour());
                            if (colours.size() == GridMap.MAX_COLOURS + 1) {
                                problems.add(new MapProblem(sourceName, lineNo, c + 1, "too many colours: '"
                                        + g.colour() + "' is colour " + colours.size() + ", a map may use at most "
                                        + GridMap.MAX_COLOURS));
                            }
                        }
                        colour[i] = id;
                    }
                    goalReward[i] = tile != Tile.GOAL ? Double.NaN
                            : Double.isNaN(g.goalReward()) ? rules.goalReward() : g.goalReward();
                    triggeredReward[i] = tile != Tile.GOAL ? Double.NaN
                            : Double.isNaN(g.triggeredReward()) ? goalReward[i] : g.triggeredReward();
                }
            }
            for (int c = row.length; c < width; c++) {
                tiles[r * width + c] = Tile.WALL;
                symbols[r * width + c] = '#';
            }
        }
        if (!boxes.isEmpty() && height * width > GridMap.MAX_BOX_MAP_CELLS) {
            problems.add(new MapProblem(sourceName, firstLine, 1, "a map with boxes may have at most "
                    + GridMap.MAX_BOX_MAP_CELLS + " cells, this one has " + height * width));
        }
        if (coins + tomatoes > GridMap.MAX_COINS && coins <= GridMap.MAX_COINS && tomatoes <= GridMap.MAX_TOMATOES) {
            problems.add(new MapProblem(sourceName, firstLine, 1, "coins and tomatoes together may be at most "
                    + GridMap.MAX_COINS + ", this map has " + (coins + tomatoes)));
        }
        if (startRow < 0) {
            problems.add(new MapProblem(sourceName, firstLine, 1, "no start 'S' in the map"));
        }
        if (goals == 0) {
            problems.add(new MapProblem(sourceName, firstLine, 1, "no goal 'G' in the map"));
        }
        if (rectangular && !unknownTiles && startRow >= 0 && goals > 0 && colours.size() <= GridMap.MAX_COLOURS
                && !goalReachable(tiles, colour, height, width, startRow, startCol)) {
            problems.add(new MapProblem(sourceName, rowLines.get(startRow), startCol + 1,
                    "no goal 'G' is reachable from the start (walls, lava and doors without a reachable key"
                            + " block every path)"));
        }
        if (!problems.isEmpty()) {
            throw sorted(problems);
        }
        StringBuilder mapText = new StringBuilder(height * (width + 1));
        for (int[] row : rows) {
            mapText.append(new String(row, 0, row.length)).append('\n');
        }
        return new GridMap(sourceName, height, width, tiles, new Cell(startRow, startCol), mapText.toString(),
                symbols, colour, colours, goalReward, triggeredReward, boxes, header.name, header.timeLimit, rules,
                extended);
    }

    /**
     * Breadth-first search over (cell, colours of the keys held); lava and walls are impassable, a door needs a key of
     * its colour. Boxes are ignored (treated as floor).
     */
    private static boolean goalReachable(Tile[] tiles, int[] colour, int height, int width, int startRow,
            int startCol) {
        int masks = 1 << GridMap.MAX_COLOURS;
        boolean[] seen = new boolean[tiles.length * masks];
        ArrayDeque<int[]> queue = new ArrayDeque<>();
        int start = startRow * width + startCol;
        seen[start * masks] = true;
        queue.add(new int[] {start, 0});
        int[] dr = {-1, 1, 0, 0};
        int[] dc = {0, 0, 1, -1};
        while (!queue.isEmpty()) {
            int[] s = queue.poll();
            int cell = s[0];
            int held = s[1];
            if (tiles[cell] == Tile.GOAL) {
                return true;
            }
            int r = cell / width;
            int c = cell % width;
            for (int a = 0; a < 4; a++) {
                int nr = r + dr[a];
                int nc = c + dc[a];
                if (nr < 0 || nr >= height || nc < 0 || nc >= width) {
                    continue;
                }
                int next = nr * width + nc;
                Tile t = tiles[next];
                if (t == Tile.WALL || t == Tile.LAVA || (t == Tile.DOOR && (held & (1 << colour[next])) == 0)) {
                    continue;
                }
                int nextHeld = t == Tile.KEY ? held | (1 << colour[next]) : held;
                if (!seen[next * masks + nextHeld]) {
                    seen[next * masks + nextHeld] = true;
                    queue.add(new int[] {next, nextHeld});
                }
            }
        }
        return false;
    }

    private static String describe(int ch) {
        if (ch == '\t') {
            return "'\\t' (tab)";
        }
        if (ch == 0xFEFF) {
            return "U+FEFF (a byte-order mark: save the file as UTF-8 without BOM)";
        }
        if (Character.isISOControl(ch) || !Character.isDefined(ch) || Character.getType(ch) == Character.FORMAT) {
            return String.format("U+%04X", ch); // invisible: name it by code point
        }
        if (Character.isWhitespace(ch) || Character.isSpaceChar(ch)) {
            return "'" + new String(Character.toChars(ch)) + "' (" + String.format("U+%04X", ch) + ", a space)";
        }
        return "'" + new String(Character.toChars(ch)) + "'";
    }

    private static MapFormatException sorted(List<MapProblem> problems) {
        problems.sort(Comparator.comparingInt(MapProblem::line).thenComparingInt(MapProblem::column));
        return new MapFormatException(problems);
    }
}
