package dev.lantern.app.config;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads typed fields of one JSON object, applying defaults and collecting every problem (wrong type, unknown key)
 * with its field path instead of stopping at the first.
 */
final class JsonFields {

    private final JsonObject object;
    private final String path;
    private final List<String> problems;
    private final Set<String> known = new LinkedHashSet<>();

    /**
     * @param object   the object to read (null reads as empty: every field takes its default)
     * @param path     its path, e.g. {@code agent}, or "" for the root
     * @param problems where problems go
     */
    JsonFields(JsonObject object, String path, List<String> problems) {
        this.object = object == null ? new JsonObject() : object;
        this.path = path;
        this.problems = problems;
    }

    private String field(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    private JsonElement get(String key) {
        known.add(key);
        JsonElement e = object.get(key);
        return e == null || e.isJsonNull() ? null : e;
    }

    /** Adds a problem about field {@code key} of this object. */
    void problem(String key, String message) {
        problems.add(field(key) + ": " + message);
    }

    private void wrongType(String key, String expected, JsonElement got) {
        problems.add(field(key) + ": expected " + expected + ", got " + got);
    }

    String string(String key, String fallback) {
        JsonElement e = get(key);
        if (e == null) {
            return fallback;
        }
        if (e.isJsonPrimitive() && e.getAsJsonPrimitive().isString()) {
            return e.getAsString();
        }
        wrongType(key, "a string", e);
        return fallback;
    }

    double number(String key, double fallback) {
        JsonElement e = get(key);
        if (e == null) {
            return fallback;
        }
        if (e.isJsonPrimitive() && e.getAsJsonPrimitive().isNumber()) {
            return e.getAsDouble();
        }
        wrongType(key, "a number", e);
        return fallback;
    }

    long integer(String key, long fallback) {
        JsonElement e = get(key);
        if (e == null) {
            return fallback;
        }
        if (e.isJsonPrimitive() && e.getAsJsonPrimitive().isNumber()) {
            try {
                return e.getAsJsonPrimitive().getAsBigDecimal().longValueExact();
            } catch (ArithmeticException notWhole) {
                // reported below
            }
        }
        wrongType(key, "a whole number", e);
        return fallback;
    }

    int integer(String key, int fallback) {
        long v = integer(key, (long) fallback);
        if (v > Integer.MAX_VALUE || v < Integer.MIN_VALUE) {
            problems.add(field(key) + ": out of range, got " + v);
            return fallback;
        }
        return (int) v;
    }

    boolean bool(String key, boolean fallback) {
        JsonElement e = get(key);
        if (e == null) {
            return fallback;
        }
        if (e.isJsonPrimitive() && e.getAsJsonPrimitive().isBoolean()) {
            return e.getAsBoolean();
        }
        wrongType(key, "true or false", e);
        return fallback;
    }

    List<Integer> integers(String key, List<Integer> fallback) {
        JsonElement e = get(key);
        if (e == null) {
            return fallback;
        }
        if (!e.isJsonArray()) {
            wrongType(key, "an array of whole numbers", e);
            return fallback;
        }
        JsonArray a = e.getAsJsonArray();
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < a.size(); i++) {
            JsonElement x = a.get(i);
            if (x.isJsonPrimitive() && x.getAsJsonPrimitive().isNumber()
                    && x.getAsDouble() == Math.rint(x.getAsDouble()) && Math.abs(x.getAsDouble()) < Integer.MAX_VALUE) {
                out.add(x.getAsInt());
            } else {
                problems.add(field(key) + "[" + i + "]: expected a whole number, got " + x);
                return fallback;
            }
        }
        return out;
    }

    /** A nested object, or null when absent; a non-object value is a problem. */
    JsonObject object(String key) {
        JsonElement e = get(key);
        if (e == null) {
            return null;
        }
        if (e.isJsonObject()) {
            return e.getAsJsonObject();
        }
        wrongType(key, "an object", e);
        return null;
    }

    /** Reports every key of the object that was never asked for, with the known ones. */
    void rejectUnknown() {
        for (String key : object.keySet()) {
            if (!known.contains(key)) {
                problems.add(field(key) + ": unknown key (known: " + String.join(", ", known) + ")");
            }
        }
    }

    static JsonPrimitive primitive(Number n) {
        return new JsonPrimitive(n);
    }
}
