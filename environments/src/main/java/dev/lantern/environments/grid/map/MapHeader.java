package dev.lantern.environments.grid.map;

import dev.lantern.environments.api.MapProblem;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The optional header of a text map: lines {@code @key: value} before the first row of tiles (format in
 * {@code docs/maps.md}). Collects every problem it finds, located at {@code line:column}.
 *
 * <p>Keys: {@code name}, {@code time-limit} (a positive integer), every key of {@link GridRules#KEYS} (a number;
 * probabilities in [0, 1]), and {@code legend} ({@code <char> = <tile> [arguments]}, may repeat).
 */
final class MapHeader {

    /** What one map character stands for. */
    record Glyph(Tile tile, boolean start, boolean box, String colour, double goalReward, double triggeredReward) {

        static Glyph of(Tile tile) {
            return new Glyph(tile, false, false, null, Double.NaN, Double.NaN);
        }
    }

    /** The tile names a legend may use. */
    static final List<String> TILE_NAMES = List.of("wall", "floor", "start", "goal", "lava", "key", "door", "box",
            "ice", "coin", "whisky", "interruption", "button", "watched", "trigger", "tomato", "bucket");

    /** The characters every map knows without a legend. */
    static final Map<Integer, Glyph> BUILT_IN = Map.ofEntries(
            Map.entry((int) '#', Glyph.of(Tile.WALL)),
            Map.entry((int) '.', Glyph.of(Tile.FLOOR)),
            Map.entry((int) 'S', new Glyph(Tile.FLOOR, true, false, null, Double.NaN, Double.NaN)),
            Map.entry((int) 'G', Glyph.of(Tile.GOAL)),
            Map.entry((int) 'L', Glyph.of(Tile.LAVA)),
            Map.entry((int) 'k', new Glyph(Tile.KEY, false, false, GridMap.DEFAULT_COLOUR, Double.NaN, Double.NaN)),
            Map.entry((int) 'D', new Glyph(Tile.DOOR, false, false, GridMap.DEFAULT_COLOUR, Double.NaN, Double.NaN)),
            Map.entry((int) 'B', new Glyph(Tile.FLOOR, false, true, null, Double.NaN, Double.NaN)),
            Map.entry((int) 'I', Glyph.of(Tile.ICE)),
            Map.entry((int) 'c', Glyph.of(Tile.COIN)),
            Map.entry((int) 'w', Glyph.of(Tile.WHISKY)),
            Map.entry((int) 'X', Glyph.of(Tile.INTERRUPTION)),
            Map.entry((int) 'O', Glyph.of(Tile.BUTTON)),
            Map.entry((int) 'W', Glyph.of(Tile.WATCHED)),
            Map.entry((int) 'T', Glyph.of(Tile.TRIGGER)),
            Map.entry((int) 't', Glyph.of(Tile.TOMATO)),
            Map.entry((int) 'H', Glyph.of(Tile.BUCKET)));

    /** The characters of the original format (a map using only these, and no legend, is not extended). */
    static final String ORIGINAL = "#.SGLkD";

    String name;
    int timeLimit = GridMap.DEFAULT_TIME_LIMIT;
    final double[] rules = GridRules.defaults().toArray();
    final Map<Integer, Glyph> legend = new HashMap<>();
    private final Map<String, Integer> seenLine = new HashMap<>();

    /** Parses one header line (it starts with {@code @}); {@code lineNo} is 1-based. */
    void parseLine(String source, int lineNo, String line, List<MapProblem> problems) {
        int colon = line.indexOf(':');
        if (colon < 0) {
            problems.add(new MapProblem(source, lineNo, 1, "header line needs the form '@key: value'"));
            return;
        }
        String key = line.substring(1, colon).trim();
        int valueCol = colon + 2;
        while (valueCol <= line.length() && valueCol - 1 < line.length() && line.charAt(valueCol - 1) == ' ') {
            valueCol++;
        }
        String value = line.substring(colon + 1).trim();
        if (!key.equals("legend")) {
            Integer earlier = seenLine.putIfAbsent(key, lineNo);
            if (earlier != null) {
                problems.add(new MapProblem(source, lineNo, 2, "header key '" + key + "' repeated (first on line "
                        + earlier + ")"));
                return;
            }
        }
        if (value.isEmpty()) {
            problems.add(new MapProblem(source, lineNo, valueCol, "header key '" + key + "' has no value"));
            return;
        }
        int ruleIndex = GridRules.KEYS.indexOf(key);
        if (key.equals("name")) {
            name = value;
        } else if (key.equals("time-limit")) {
            try {
                timeLimit = Integer.parseInt(value);
                if (timeLimit <= 0) {
                    problems.add(new MapProblem(source, lineNo, valueCol, "time-limit must be > 0, got " + value));
                }
            } catch (NumberFormatException e) {
                problems.add(new MapProblem(source, lineNo, valueCol, "time-limit must be a whole number, got '"
                        + value + "'"));
            }
        } else if (ruleIndex >= 0) {
            Double v = number(value);
            if (v == null) {
                problems.add(new MapProblem(source, lineNo, valueCol, key + " must be a number, got '" + value + "'"));
            } else if (GridRules.isProbability(key) && !(v >= 0 && v <= 1)) {
                problems.add(new MapProblem(source, lineNo, valueCol, key + " is a probability, must be in [0, 1], got "
                        + value));
            } else {
                rules[ruleIndex] = v;
            }
        } else if (key.equals("legend")) {
            parseLegend(source, lineNo, valueCol, value, problems);
        } else {
            problems.add(new MapProblem(source, lineNo, 2, "unknown header key '" + key + "' (known: name, time-limit, "
                    + "legend, " + String.join(", ", GridRules.KEYS) + ")"));
        }
    }

    private void parseLegend(String source, int lineNo, int col, String value, List<MapProblem> problems) {
        String[] parts = value.split("\\s+");
        String usage = "legend must read '<char> = <tile> [arguments]', e.g. 'r = key red', 'R = door red', "
                + "'2 = goal 0.5', '3 = goal 0 triggered 1'";
        if (parts.length < 3 || !parts[1].equals("=") || parts[0].codePointCount(0, parts[0].length()) != 1) {
            problems.add(new MapProblem(source, lineNo, col, usage));
            return;
        }
        int ch = parts[0].codePointAt(0);
        if (ch > 0xFFFF) {
            problems.add(new MapProblem(source, lineNo, col, "legend characters must be single UTF-16 characters,"
                    + " got U+" + Integer.toHexString(ch).toUpperCase(java.util.Locale.ROOT)));
            return;
        }
        if (ch == '@' || ch == ';') {
            problems.add(new MapProblem(source, lineNo, col, "legend cannot redefine '" + (char) ch + "'"));
            return;
        }
        String tileName = parts[2];
        int idx = TILE_NAMES.indexOf(tileName);
        if (idx < 0) {
            problems.add(new MapProblem(source, lineNo, col, "unknown tile name '" + tileName + "' (known: "
                    + String.join(" ", TILE_NAMES) + ")"));
            return;
        }
        Glyph glyph;
        switch (tileName) {
            case "key", "door" -> {
                if (parts.length != 4 || !parts[3].matches("[a-z][a-z0-9-]*")) {
                    problems.add(new MapProblem(source, lineNo, col, tileName + " needs one colour name in lower case,"
                            + " e.g. '" + parts[0] + " = " + tileName + " red'"));
                    return;
                }
                glyph = new Glyph(tileName.equals("key") ? Tile.KEY : Tile.DOOR, false, false, parts[3], Double.NaN,
                        Double.NaN);
            }
            case "goal" -> {
                Double reward = parts.length >= 4 ? number(parts[3]) : Double.valueOf(Double.NaN);
                Double triggered = reward;
                boolean ok = reward != null && (parts.length == 3 || parts.length == 4);
                if (parts.length == 6 && parts[4].equals("triggered")) {
                    triggered = number(parts[5]);
                    ok = reward != null && triggered != null;
                }
                if (!ok) {
                    problems.add(new MapProblem(source, lineNo, col, "goal takes an optional reward and an optional "
                            + "'triggered <reward>', e.g. '3 = goal 0 triggered 1'"));
                    return;
                }
                glyph = new Glyph(Tile.GOAL, false, false, null, reward, triggered);
            }
            default -> {
                if (parts.length != 3) {
                    problems.add(new MapProblem(source, lineNo, col, "tile '" + tileName + "' takes no arguments"));
                    return;
                }
                glyph = BUILT_IN.get((int) "#.SGLkDBIcwXOWTtH".charAt(builtInIndex(tileName)));
            }
        }
        if (legend.put(ch, glyph) != null) {
            problems.add(new MapProblem(source, lineNo, col, "legend defines '" + parts[0] + "' twice"));
        }
    }

    private static int builtInIndex(String tileName) {
        return TILE_NAMES.indexOf(tileName);
    }

    /** What {@code ch} stands for in this map, or null if unknown. */
    Glyph glyph(int ch) {
        Glyph g = legend.get(ch);
        return g != null ? g : BUILT_IN.get(ch);
    }

    /** The characters this map knows, for error messages. */
    String knownTiles() {
        StringBuilder sb = new StringBuilder(GridMapParser.KNOWN_TILES);
        for (int ch : legend.keySet()) {
            if (!BUILT_IN.containsKey(ch)) {
                sb.append(' ').append(Character.toChars(ch));
            }
        }
        return sb.toString();
    }

    private static Double number(String s) {
        try {
            double v = Double.parseDouble(s);
            return Double.isFinite(v) ? v : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
