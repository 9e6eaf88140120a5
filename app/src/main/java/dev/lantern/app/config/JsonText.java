package dev.lantern.app.config;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import com.google.gson.Strictness;
import com.google.gson.internal.LazilyParsedNumber;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads an experiment file's text into a JSON tree, strictly: RFC 8259 JSON, one object, and every key at most once
 * per object (Gson alone keeps the last of two equal keys, so a second {@code "training"} object would silently
 * replace the first). Problems are located as {@code file:line:column} and worded for a person, not as the parser's
 * internal messages.
 */
final class JsonText {

    /** Deeper than this is not an experiment file (the deepest real one is 3 levels). */
    static final int MAX_DEPTH = 64;

    private static final Pattern LOCATION = Pattern.compile("line (\\d+) column (\\d+)");

    /** Parser messages and what they mean, checked in order; the first that the message contains wins. */
    private static final Map<String, String> WORDS = new java.util.LinkedHashMap<>();

    static {
        WORDS.put("setStrictness", "names and strings need double quotes; comments, single quotes, unquoted words "
                + "and NaN are not JSON");
        WORDS.put("Unterminated object", "an object is not closed, or a ',' is missing between two of its fields");
        WORDS.put("Unterminated array", "an array is not closed, or a ',' is missing between two of its values");
        WORDS.put("Unterminated string", "a string is not closed with '\"'");
        WORDS.put("Expected name", "expected a field name in double quotes (a trailing ',' before '}'?)");
        WORDS.put("Expected ':'", "expected ':' after a field name");
        WORDS.put("Expected value", "expected a value (a trailing ',' before ']'?)");
        WORDS.put("End of input", "the text ends in the middle of the JSON");
    }

    private final String source;
    private final JsonReader reader;
    private final List<String> duplicates = new ArrayList<>();

    private JsonText(String source, String json) {
        this.source = source;
        this.reader = new JsonReader(new StringReader(json));
        reader.setStrictness(Strictness.STRICT);
    }

    /**
     * Parses {@code json}, which must be one JSON object.
     *
     * @param source names the text in messages (the file)
     * @throws ConfigException with every duplicate key, or the first syntax error, located
     */
    static JsonObject readObject(String source, String json) {
        if (json.isBlank()) {
            throw new ConfigException(List.of(source + ": the file is empty (an experiment is a JSON object; {} runs "
                    + "the defaults)"));
        }
        JsonText text = new JsonText(source, json);
        JsonElement root;
        try {
            if (text.reader.peek() != JsonToken.BEGIN_OBJECT) {
                throw new ConfigException(List.of(source + ": expected a JSON object { ... }, got "
                        + text.describe(text.reader.peek())));
            }
            root = text.value(0);
            text.expectEnd();
        } catch (IOException | IllegalStateException | NumberFormatException e) {
            throw new ConfigException(List.of(text.syntaxError(e)));
        }
        if (!text.duplicates.isEmpty()) {
            throw new ConfigException(text.duplicates);
        }
        return root.getAsJsonObject();
    }

    /** Nothing but white space may follow the object (a strict reader fails on a second value: same message). */
    private void expectEnd() {
        String after = where();
        boolean end;
        try {
            end = reader.peek() == JsonToken.END_DOCUMENT;
        } catch (IOException e) {
            end = false;
        }
        if (!end) {
            throw new ConfigException(List.of(after + ": unexpected text after the JSON object"));
        }
    }

    private JsonElement value(int depth) throws IOException {
        if (depth > MAX_DEPTH) {
            throw new ConfigException(List.of(where() + ": nested deeper than " + MAX_DEPTH + " levels"));
        }
        switch (reader.peek()) {
            case BEGIN_OBJECT -> {
                JsonObject o = new JsonObject();
                reader.beginObject();
                while (reader.hasNext()) {
                    String location = where();
                    String name = reader.nextName();
                    JsonElement v = value(depth + 1);
                    if (o.has(name)) {
                        String path = reader.getPath().replaceFirst("^\\$\\.?", "");
                        duplicates.add(location + ": " + (path.isEmpty() ? name : path) + ": duplicate key \"" + name
                                + "\" (JSON keeps only one; a second value would silently replace the first)");
                    } else {
                        o.add(name, v);
                    }
                }
                reader.endObject();
                return o;
            }
            case BEGIN_ARRAY -> {
                JsonArray a = new JsonArray();
                reader.beginArray();
                while (reader.hasNext()) {
                    a.add(value(depth + 1));
                }
                reader.endArray();
                return a;
            }
            case STRING -> {
                return new JsonPrimitive(reader.nextString());
            }
            case NUMBER -> {
                return new JsonPrimitive(new LazilyParsedNumber(reader.nextString()));
            }
            case BOOLEAN -> {
                return new JsonPrimitive(reader.nextBoolean());
            }
            case NULL -> {
                reader.nextNull();
                return JsonNull.INSTANCE;
            }
            default -> throw new ConfigException(List.of(where() + ": expected a value, got " + describe(reader.peek())));
        }
    }

    /** {@code file:line:column} of the reader's position. */
    private String where() {
        Matcher m = LOCATION.matcher(reader.toString());
        return m.find() ? source + ":" + m.group(1) + ":" + m.group(2) : source;
    }

    private String syntaxError(Exception e) {
        String msg = String.valueOf(e.getMessage());
        Matcher m = LOCATION.matcher(msg);
        String at = m.find() ? source + ":" + m.group(1) + ":" + m.group(2) : where();
        for (Map.Entry<String, String> w : WORDS.entrySet()) {
            if (msg.contains(w.getKey())) {
                return at + ": invalid JSON: " + w.getValue();
            }
        }
        String what = msg.replaceAll(" at line \\d+ column \\d+ path \\S+", "").replaceAll("\\s*See https://\\S+", "");
        return at + ": invalid JSON: " + what.trim();
    }

    private static String describe(JsonToken token) {
        return switch (token) {
            case BEGIN_ARRAY -> "an array [ ... ]";
            case STRING -> "a string";
            case NUMBER -> "a number";
            case BOOLEAN -> "true or false";
            case NULL -> "null";
            default -> token.toString();
        };
    }
}
