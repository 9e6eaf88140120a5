package dev.lantern.app.analyze;

import com.google.gson.JsonArray;

/** Small JSON builders the sections share. */
public final class Json {

    private Json() {
    }

    /** The ints as a JSON array. */
    public static JsonArray ints(int[] values) {
        JsonArray a = new JsonArray();
        for (int v : values) {
            a.add(v);
        }
        return a;
    }

    /** The longs as a JSON array. */
    public static JsonArray longs(long[] values) {
        JsonArray a = new JsonArray();
        for (long v : values) {
            a.add(v);
        }
        return a;
    }

    /** The doubles as a JSON array (NaN written as Gson writes it with special values allowed). */
    public static JsonArray doubles(double[] values) {
        JsonArray a = new JsonArray();
        for (double v : values) {
            a.add(v);
        }
        return a;
    }
}
