package dev.lantern.app.config;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

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

    /**
     * The value of {@code key} converted by {@code convert} when it {@code fits}; {@code fallback} when it is absent
     * or null, and also, with a problem naming the {@code expected} type, when it does not fit.
     */
    private <T> T read(String key, T fallback, String expected, Predicate<JsonElement> fits,
            Function<JsonElement, T> convert) {
        JsonElement e = get(key);
        if (e == null) {
            return fallback;
        }
        if (fits.test(e)) {
            return convert.apply(e);
        }
        wrongType(key, expected, e);
        return fallback;
    }

    private static boolean isPrimitive(JsonElement e, Predicate<JsonPrimitive> kind) {
        return e.isJsonPrimitive() && kind.test(e.getAsJsonPrimitive());
    }

    private static boolean isWholeLong(JsonElement e) {
        if (!isPrimitive(e, JsonPrimitive::isNumber)) {
            return false;
        }
        try {
            e.getAsJsonPrimitive().getAsBigDecimal().longValueExact();
            return true;
        } catch (ArithmeticException notWhole) {
            return false;
        }
    }

    String string(String key, String fallback) {
        return read(key, fallback, "a string", e -> isPrimitive(e, JsonPrimitive::isString), JsonElement::getAsString);
    }

    double number(String key, double fallback) {
        return read(key, fallback, "a number", e -> isPrimitive(e, JsonPrimitive::isNumber), JsonElement::getAsDouble);
    }

    long integer(String key, long fallback) {
        return read(key, fallback, "a whole number", JsonFields::isWholeLong,
                e -> e.getAsJsonPrimitive().getAsBigDecimal().longValueExact());
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
        return read(key, fallback, "true or false", e -> isPrimitive(e, JsonPrimitive::isBoolean),
                JsonElement::getAsBoolean);
    }

    List<Integer> integers(String key, List<Integer> fallback) {
        JsonArray a = read(key, null, "an array of whole numbers", JsonElement::isJsonArray, JsonElement::getAsJsonArray);
        if (a == null) {
            return fallback;
        }
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < a.size(); i++) {
            JsonElement x = a.get(i);
            if (isPrimitive(x, JsonPrimitive::isNumber)
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
        return read(key, null, "an object", JsonElement::isJsonObject, JsonElement::getAsJsonObject);
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
