package dev.lantern.app.sweep;

import com.google.gson.JsonElement;
import com.google.gson.Gson;
import com.google.gson.TypeAdapter;
import com.google.gson.JsonPrimitive;
import com.google.gson.stream.JsonReader;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

/**
 * One {@code --set PATH=V1,V2,...} of {@code lantern sweep}: an experiment field path and the values the sweep tries
 * for it. Values are split at commas outside brackets, braces and quotes, so {@code agent.hiddenSizes=[32,32],[64,64]}
 * is two values. Each value is read as JSON when it is JSON (a number such as {@code 1e-3}, {@code true}, an array, a
 * quoted string) and as a plain string otherwise ({@code env.id=grid/key-door-v1}).
 *
 * @param text   the option as given, e.g. {@code agent.learningRate=1e-3,3e-3}
 * @param path   the field path, e.g. {@code agent.learningRate}
 * @param values the values as given, in order
 */
public record SetOption(String text, String path, List<String> values) {

    private static final TypeAdapter<JsonElement> ADAPTER = new Gson().getAdapter(JsonElement.class);

    public SetOption {
        values = List.copyOf(values);
    }

    /**
     * Parses one {@code --set} argument.
     *
     * @param problems receives what is wrong with it, each naming {@code --set <text>}
     * @return the option, or null when it has a problem
     */
    public static SetOption parse(String text, List<String> problems) {
        int eq = text.indexOf('=');
        String where = "--set " + text;
        if (eq < 0) {
            problems.add(where + ": expected PATH=VALUE[,VALUE...], e.g. agent.learningRate=1e-3,3e-3");
            return null;
        }
        String path = text.substring(0, eq).trim();
        if (!path.matches("[A-Za-z][A-Za-z0-9]*(\\.[A-Za-z][A-Za-z0-9]*)*")) {
            problems.add(where + ": '" + path + "' is not a field path (names joined by '.', e.g. agent.learningRate)");
            return null;
        }
        if (path.equals("seed")) {
            problems.add(where + ": the seeds of a sweep are given by --seeds, not --set");
            return null;
        }
        List<String> values = split(text.substring(eq + 1));
        if (values.stream().anyMatch(String::isEmpty)) {
            problems.add(where + ": an empty value (values are separated by ',')");
            return null;
        }
        if (values.stream().distinct().count() < values.size()) {
            problems.add(where + ": a value is given twice");
            return null;
        }
        return new SetOption(text, path, values);
    }

    /** The value as JSON: itself when it is one whole JSON value, else a JSON string of its text. */
    public static JsonElement json(String value) {
        try (JsonReader reader = new JsonReader(new StringReader(value))) {
            reader.setStrictness(com.google.gson.Strictness.STRICT);
            JsonElement e = ADAPTER.read(reader);
            if (reader.peek() == com.google.gson.stream.JsonToken.END_DOCUMENT) {
                return e;
            }
        } catch (IOException | RuntimeException notJson) {
            // a plain string such as grid/key-door-v1
        }
        return new JsonPrimitive(value);
    }

    /** Splits at commas that are outside brackets, braces and double quotes; each piece trimmed. */
    static List<String> split(String text) {
        List<String> out = new ArrayList<>();
        int depth = 0;
        boolean quoted = false;
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' && (i == 0 || text.charAt(i - 1) != '\\')) {
                quoted = !quoted;
            } else if (!quoted && (c == '[' || c == '{')) {
                depth++;
            } else if (!quoted && (c == ']' || c == '}')) {
                depth--;
            } else if (!quoted && depth == 0 && c == ',') {
                out.add(text.substring(start, i).trim());
                start = i + 1;
            }
        }
        out.add(text.substring(start).trim());
        return out;
    }
}
