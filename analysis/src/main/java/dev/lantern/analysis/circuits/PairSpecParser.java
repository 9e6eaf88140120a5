package dev.lantern.analysis.circuits;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a pair file ({@link PairSpec#parse}) strictly (RFC 8259 JSON) and checks every field, collecting every
 * problem with its location ({@code pairs.json: [1].clean.row: ...}) before throwing them as one
 * {@link PairSpecException}.
 */
final class PairSpecParser {

    private static final List<String> SPEC_FIELDS = List.of("name", "clean", "corrupted", "match");
    private static final Pattern LOCATION = Pattern.compile("line (\\d+) column (\\d+)");
    private static final int MAX_SHOWN = 40;

    private final String source;
    private final List<String> problems = new ArrayList<>();

    private PairSpecParser(String source) {
        this.source = source;
    }

    static List<PairSpec> parse(String source, String json) {
        PairSpecParser p = new PairSpecParser(source);
        JsonElement root = p.read(json);
        List<PairSpec> specs = new ArrayList<>();
        if (root.isJsonObject()) {
            specs.add(p.spec(root.getAsJsonObject(), ""));
        } else if (root.isJsonArray() && !root.getAsJsonArray().isEmpty()) {
            JsonArray a = root.getAsJsonArray();
            for (int i = 0; i < a.size(); i++) {
                String at = "[" + i + "]";
                if (a.get(i).isJsonObject()) {
                    specs.add(p.spec(a.get(i).getAsJsonObject(), at));
                } else {
                    p.problem(at, "expected a pair set object {\"clean\": ..., \"corrupted\": ...}, got "
                            + shown(a.get(i)));
                }
            }
        } else {
            p.problem("", "expected a pair set object {\"clean\": ..., \"corrupted\": ...} or a non-empty array of "
                    + "them, got " + shown(root));
        }
        if (!p.problems.isEmpty()) {
            throw new PairSpecException(p.problems);
        }
        return List.copyOf(specs);
    }

    private JsonElement read(String json) {
        if (json.isBlank()) {
            throw new PairSpecException(List.of(source + ": the file is empty (expected a pair set object "
                    + "{\"clean\": ..., \"corrupted\": ...} or an array of them)"));
        }
        JsonReader reader = new JsonReader(new StringReader(json));
        reader.setStrictness(Strictness.STRICT);
        JsonElement root;
        try {
            root = JsonParser.parseReader(reader);
        } catch (JsonParseException | IllegalStateException e) {
            String msg = String.valueOf(e.getCause() != null ? e.getCause().getMessage() : e.getMessage());
            String what = msg.replaceAll(" at line \\d+ column \\d+ path \\S*", "")
                    .replaceAll("\\s*See https://\\S+", "").trim();
            throw new PairSpecException(List.of(located(msg) + ": invalid JSON: " + what));
        }
        String after = located(reader.toString());
        boolean end;
        try {
            end = reader.peek() == JsonToken.END_DOCUMENT;
        } catch (IOException | IllegalStateException e) {
            end = false; // a strict reader fails on a second value
        }
        if (!end) {
            throw new PairSpecException(List.of(after + ": unexpected text after the JSON"));
        }
        return root;
    }

    /** {@code source:line:column} when {@code text} names a line and column, else {@code source}. */
    private String located(String text) {
        Matcher m = LOCATION.matcher(text);
        return m.find() ? source + ":" + m.group(1) + ":" + m.group(2) : source;
    }

    private PairSpec spec(JsonObject o, String at) {
        for (String key : o.keySet()) {
            if (!SPEC_FIELDS.contains(key)) {
                problem(path(at, key), "unknown field (known: " + String.join(", ", SPEC_FIELDS) + ")");
            }
        }
        String name = "";
        if (o.has("name")) {
            JsonElement n = o.get("name");
            if (n.isJsonPrimitive() && n.getAsJsonPrimitive().isString()) {
                name = n.getAsString();
            } else {
                problem(path(at, "name"), "expected a string, got " + shown(n));
            }
        }
        StatePredicate clean = predicate(o, at, "clean");
        StatePredicate corrupted = predicate(o, at, "corrupted");
        List<StateField> match = match(o.get("match"), path(at, "match"));
        return clean == null || corrupted == null ? null : new PairSpec(name, clean, corrupted, match);
    }

    private StatePredicate predicate(JsonObject spec, String at, String side) {
        String here = path(at, side);
        if (!spec.has(side)) {
            problem(at, "missing \"" + side + "\" (a predicate object over the exact state; {} for every state)");
            return null;
        }
        if (!spec.get(side).isJsonObject()) {
            problem(here, "expected a predicate object such as {\"hasKey\": true}, got " + shown(spec.get(side)));
            return null;
        }
        JsonObject o = spec.getAsJsonObject(side);
        List<StatePredicate.Condition> conditions = new ArrayList<>();
        for (Map.Entry<String, JsonElement> e : o.entrySet()) {
            StateField field = StateField.byJsonName(e.getKey());
            if (field == null) {
                problem(path(here, e.getKey()), "unknown field (known: " + String.join(", ", StateField.jsonNames())
                        + ")");
                continue;
            }
            long[] ranges = switch (field.kind()) {
                case NUMBER -> number(e.getValue(), path(here, e.getKey()));
                case BOOLEAN -> bool(e.getValue(), path(here, e.getKey()));
                case CELL -> cells(e.getValue(), path(here, e.getKey()));
            };
            if (ranges != null) {
                conditions.add(new StatePredicate.Condition(field, ranges));
            }
        }
        return new StatePredicate(conditions, o.toString());
    }

    private long[] number(JsonElement v, String at) {
        Long one = whole(v);
        if (one != null) {
            return new long[] {one, one};
        }
        if (v.isJsonArray() && v.getAsJsonArray().size() == 2) {
            Long low = whole(v.getAsJsonArray().get(0));
            Long high = whole(v.getAsJsonArray().get(1));
            if (low != null && high != null) {
                if (low > high) {
                    problem(at, "range [" + low + ", " + high + "] is empty (low > high)");
                    return null;
                }
                return new long[] {low, high};
            }
        }
        problem(at, "expected a whole number >= 0 or an inclusive range [low, high], got " + shown(v));
        return null;
    }

    private long[] bool(JsonElement v, String at) {
        if (v.isJsonPrimitive() && v.getAsJsonPrimitive().isBoolean()) {
            long b = v.getAsBoolean() ? 1 : 0;
            return new long[] {b, b};
        }
        problem(at, "expected true or false, got " + shown(v));
        return null;
    }

    private long[] cells(JsonElement v, String at) {
        long[] one = cell(v);
        if (one != null) {
            return one;
        }
        if (v.isJsonArray() && !v.getAsJsonArray().isEmpty()) {
            JsonArray a = v.getAsJsonArray();
            long[] ranges = new long[2 * a.size()];
            boolean ok = true;
            for (int i = 0; i < a.size() && ok; i++) {
                long[] c = cell(a.get(i));
                ok = c != null;
                if (ok) {
                    System.arraycopy(c, 0, ranges, 2 * i, 2);
                }
            }
            if (ok) {
                return ranges;
            }
        }
        problem(at, "expected a cell [row, column] or a list of cells [[row, column], ...] (whole numbers >= 0), "
                + "got " + shown(v));
        return null;
    }

    /** {@code [row, column]} as a one-value range, or null. */
    private static long[] cell(JsonElement v) {
        if (v.isJsonArray() && v.getAsJsonArray().size() == 2) {
            Long row = whole(v.getAsJsonArray().get(0));
            Long column = whole(v.getAsJsonArray().get(1));
            if (row != null && column != null && column < 65536) {
                long c = StateField.cell(row, column);
                return new long[] {c, c};
            }
        }
        return null;
    }

    private List<StateField> match(JsonElement v, String at) {
        List<StateField> fields = new ArrayList<>();
        if (v == null) {
            return fields;
        }
        if (!v.isJsonArray()) {
            problem(at, "expected an array of field names such as [\"row\", \"column\"], got " + shown(v));
            return fields;
        }
        JsonArray a = v.getAsJsonArray();
        for (int i = 0; i < a.size(); i++) {
            JsonElement e = a.get(i);
            StateField f = e.isJsonPrimitive() && e.getAsJsonPrimitive().isString()
                    ? StateField.byJsonName(e.getAsString()) : null;
            if (f == null) {
                problem(at + "[" + i + "]", "unknown field " + shown(e) + " (known: "
                        + String.join(", ", StateField.jsonNames()) + ")");
            } else if (fields.contains(f)) {
                problem(at + "[" + i + "]", "\"" + f.jsonName() + "\" is named twice");
            } else {
                fields.add(f);
            }
        }
        return fields;
    }

    /** A whole number in [0, Integer.MAX_VALUE], or null. */
    private static Long whole(JsonElement v) {
        if (!v.isJsonPrimitive() || !v.getAsJsonPrimitive().isNumber()) {
            return null;
        }
        BigDecimal d = v.getAsBigDecimal();
        if (d.signum() < 0 || d.compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) > 0
                || d.stripTrailingZeros().scale() > 0) {
            return null;
        }
        return d.longValueExact();
    }

    private static String path(String at, String key) {
        return at.isEmpty() ? key : at + "." + key;
    }

    private void problem(String at, String what) {
        problems.add(source + ": " + (at.isEmpty() ? "" : at + ": ") + what);
    }

    private static String shown(JsonElement v) {
        String s = v.toString();
        return s.length() <= MAX_SHOWN ? s : s.substring(0, MAX_SHOWN) + "...";
    }
}
