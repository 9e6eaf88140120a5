package dev.lantern.environments.grid.map;

import dev.lantern.environments.api.MapFormatException;
import dev.lantern.environments.api.MapProblem;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Builds a {@link GridMap} from the lines of a map, one line at a time, and collects every problem (the checks are
 * listed on {@link GridMapParser}). Memory stays bounded by the size limits: a row past
 * {@value GridMap#MAX_ROWS} rows or {@value GridMap#MAX_CELLS} cells is counted, not kept.
 */
final class MapAssembler implements MapLineReader.LineSink {

    /** At most this many problems are listed; the rest are counted in one last line. */
    static final int MAX_LISTED_PROBLEMS = 100;

    private final String source;
    private final List<MapProblem> problems = new ArrayList<>();
    private int unlisted;
    private final MapHeader header = new MapHeader();
    private final List<int[]> rows = new ArrayList<>();
    private final List<Integer> rowLines = new ArrayList<>();
    private final List<Boolean> rowCut = new ArrayList<>();
    private boolean blankProblems;
    private int rowCount;
    private int firstExtraRowLine;
    private int cellLimitLine;
    private boolean overSize;

    MapAssembler(String source) {
        this.source = source;
    }

    private void problem(int line, int column, String message) {
        if (problems.size() < MAX_LISTED_PROBLEMS) {
            problems.add(new MapProblem(source, line, column, message));
        } else {
            unlisted++;
        }
    }

    @Override
    public void line(int lineNo, String line, long characters) {
        boolean cut = characters > GridMap.MAX_COLUMNS;
        if (line.startsWith(";")) {
            return; // a comment may be of any length: only its first characters were kept, and it is ignored
        }
        if (line.startsWith("@")) {
            if (cut) {
                problem(lineNo, GridMap.MAX_COLUMNS + 1, "header line has " + characters + " characters; a line may"
                        + " have at most " + GridMap.MAX_COLUMNS + " (docs/maps.md, \"Limits\")");
            } else if (rowCount == 0) {
                List<MapProblem> found = new ArrayList<>();
                header.parseLine(source, lineNo, line, found);
                found.forEach(p -> problem(p.line(), p.column(), p.message()));
            } else {
                problem(lineNo, 1, "header line after the first row of tiles (headers go above the map)");
            }
            return;
        }
        if (line.isEmpty()) {
            blankProblems = true;
            problem(lineNo, 1, "blank line inside the map (start a comment line with ';')");
            return;
        }
        if (cut) {
            overSize = true;
            problem(lineNo, GridMap.MAX_COLUMNS + 1, "line has " + characters + " characters; a map may be at most "
                    + GridMap.MAX_COLUMNS + " columns wide (docs/maps.md, \"Limits\"; the rest of the line was not"
                    + " read)");
        }
        rowCount++;
        if (rowCount > GridMap.MAX_ROWS) {
            overSize = true;
            if (firstExtraRowLine == 0) {
                firstExtraRowLine = lineNo;
            }
            return;
        }
        if (cellLimitLine != 0) {
            return;
        }
        int width = rows.isEmpty() ? (int) Math.min(characters, GridMap.MAX_COLUMNS) : rows.get(0).length;
        if ((long) rowCount * width > GridMap.MAX_CELLS) {
            overSize = true;
            cellLimitLine = lineNo;
            return;
        }
        rows.add(line.codePoints().toArray());
        rowLines.add(lineNo);
        rowCut.add(cut);
    }

    /**
     * The map, once every line was given.
     *
     * @throws MapFormatException listing every problem found, sorted by line then column
     */
    GridMap finish() {
        if (rows.isEmpty()) { // blank lines are not worth mentioning then
            if (blankProblems) {
                problems.removeIf(p -> p.message().startsWith("blank line"));
            }
            problems.add(new MapProblem(source, 1, 1, "empty map: no rows of tiles"));
            throw sorted();
        }
        int height = rows.size();
        int width = rows.get(0).length;
        int firstLine = rowLines.get(0);
        boolean widthKnown = !rowCut.get(0);
        if (firstExtraRowLine != 0) {
            problems.add(new MapProblem(source, firstExtraRowLine, 1, "map has " + rowCount + " rows; a map may have"
                    + " at most " + GridMap.MAX_ROWS + " (docs/maps.md, \"Limits\"; this is row "
                    + (GridMap.MAX_ROWS + 1) + ", the rest of the map was not read)"));
        }
        if (cellLimitLine != 0) {
            long rowsUpToLimit = Math.min(rowCount, GridMap.MAX_ROWS);
            problems.add(new MapProblem(source, cellLimitLine, 1, "map has " + rowsUpToLimit + " x " + width + " = "
                    + rowsUpToLimit * width + " cells; a map may have at most " + GridMap.MAX_CELLS + " (e.g. 1000 x "
                    + "1000; docs/maps.md, \"Limits\"; this row passes the limit, the rest of the map was not read)"));
        }
        Tile[] tiles = new Tile[height * width];
        char[] symbols = new char[height * width];
        int[] colour = new int[height * width];
        double[] goalReward = new double[height * width];
        double[] triggeredReward = new double[height * width];
        List<String> colours = new ArrayList<>(List.of(GridMap.DEFAULT_COLOUR));
        List<Cell> boxes = new ArrayList<>();
        GridRules rules = GridRules.fromArray(header.rules);
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
            if (row.length != width && widthKnown && !rowCut.get(r)) {
                problem(lineNo, Math.min(row.length, width) + 1, "row has " + row.length + " cells, expected "
                        + width + " (the width of line " + firstLine + ")");
            }
            for (int c = 0; c < row.length; c++) {
                int ch = row[c];
                MapHeader.Glyph g = header.glyph(ch);
                if (g == null) {
                    problem(lineNo, c + 1, "unknown tile " + describe(ch) + " (known: " + header.knownTiles() + ")");
                    if (c < width) {
                        tiles[r * width + c] = Tile.WALL; // for the reachability check
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
                        problem(lineNo, c + 1, "too many keys: this is key " + keys + ", a map may hold at most "
                                + GridMap.MAX_KEYS);
                    }
                } else if (tile == Tile.COIN && ++coins == GridMap.MAX_COINS + 1) {
                    problem(lineNo, c + 1, "too many coins: this is coin " + coins + ", a map may hold at most "
                            + GridMap.MAX_COINS);
                } else if (tile == Tile.TOMATO && ++tomatoes == GridMap.MAX_TOMATOES + 1) {
                    problem(lineNo, c + 1, "too many tomatoes: this is tomato " + tomatoes
                            + ", a map may hold at most " + GridMap.MAX_TOMATOES);
                }
                if (g.box()) {
                    boxes.add(new Cell(r, c));
                    if (boxes.size() == GridMap.MAX_BOXES + 1) {
                        problem(lineNo, c + 1, "too many boxes: this is box " + boxes.size()
                                + ", a map may hold at most " + GridMap.MAX_BOXES);
                    }
                }
                if (g.start()) {
                    if (startRow < 0) {
                        startRow = r;
                        startCol = c;
                    } else {
                        problem(lineNo, c + 1, "a second start 'S' (the start is already at " + rowLines.get(startRow)
                                + ":" + (startCol + 1) + ")");
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
                                problem(lineNo, c + 1, "too many colours: '" + g.colour() + "' is colour "
                                        + colours.size() + ", a map may use at most " + GridMap.MAX_COLOURS);
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
                tiles[r * width + c] = Tile.WALL; // a missing cell is a wall for the reachability check
                symbols[r * width + c] = '#';
            }
        }
        if (!overSize) { // a map cut at a limit is checked line by line only: its start or goal may be in the rest
            if (!boxes.isEmpty() && height * width > GridMap.MAX_BOX_MAP_CELLS) {
                problems.add(new MapProblem(source, firstLine, 1, "a map with boxes may have at most "
                        + GridMap.MAX_BOX_MAP_CELLS + " cells, this one has " + height * width));
            }
            if (coins + tomatoes > GridMap.MAX_COINS && coins <= GridMap.MAX_COINS
                    && tomatoes <= GridMap.MAX_TOMATOES) {
                problems.add(new MapProblem(source, firstLine, 1, "coins and tomatoes together may be at most "
                        + GridMap.MAX_COINS + ", this map has " + (coins + tomatoes)));
            }
            if (startRow < 0) {
                problems.add(new MapProblem(source, firstLine, 1, "no start 'S' in the map"));
            }
            if (goals == 0) {
                problems.add(new MapProblem(source, firstLine, 1, "no goal 'G' in the map"));
            }
            // Runs on malformed grids too: unknown and missing cells are walls, cells past the width are not there.
            if (startRow >= 0 && startCol < width && goals > 0 && colours.size() <= GridMap.MAX_COLOURS
                    && !GoalSearch.goalReachable(tiles, colour, colours.size(), height, width, startRow, startCol)) {
                problems.add(new MapProblem(source, rowLines.get(startRow), startCol + 1,
                        "no goal 'G' is reachable from the start (walls, lava and doors without a reachable key"
                                + " block every path)"));
            }
        }
        if (!problems.isEmpty() || unlisted > 0) {
            throw sorted();
        }
        StringBuilder mapText = new StringBuilder(height * (width + 1));
        for (int[] row : rows) {
            mapText.append(new String(row, 0, row.length)).append('\n');
        }
        return new GridMap(source, height, width, tiles, new Cell(startRow, startCol), mapText.toString(),
                symbols, colour, colours, goalReward, triggeredReward, boxes, header.name, header.timeLimit, rules,
                extended);
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

    private MapFormatException sorted() {
        List<MapProblem> all = new ArrayList<>(problems);
        all.sort(Comparator.comparingInt(MapProblem::line).thenComparingInt(MapProblem::column));
        if (unlisted > 0) {
            MapProblem last = all.get(all.size() - 1);
            all.add(new MapProblem(source, last.line(), last.column(), "... and " + unlisted + " more problem"
                    + (unlisted == 1 ? "" : "s") + " (only the first " + MAX_LISTED_PROBLEMS + " are listed)"));
        }
        return new MapFormatException(all, problems.size() + unlisted);
    }
}
