package dev.lantern.agents.run;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * A run's {@code metrics.jsonl} read back ({@link MetricsFile} writes it): every metric's values in the order they
 * were written, with their env steps. An incomplete last line (a run killed mid-write) is skipped, as the format
 * allows; any other line that is not a metric object is an error naming the file and line.
 */
public final class MetricsLog {

    /**
     * One metric's values in file order.
     *
     * @param steps  env steps at which each value was measured, {@code [n]}
     * @param values the values, {@code [n]} (NaN and infinities where the file holds their strings)
     */
    public record Series(long[] steps, double[] values) {

        /** The number of values. */
        public int size() {
            return values.length;
        }

        /** The last value, or empty when there is none. */
        public OptionalDouble last() {
            return values.length == 0 ? OptionalDouble.empty() : OptionalDouble.of(values[values.length - 1]);
        }
    }

    private final Path file;
    private final Map<String, Series> series;

    private MetricsLog(Path file, Map<String, Series> series) {
        this.file = file;
        this.series = series;
    }

    /**
     * Reads {@code file}.
     *
     * @throws IllegalArgumentException naming {@code file:line} when a line other than an incomplete last one is not
     *                                  a metric object
     * @throws UncheckedIOException     when the file cannot be read
     */
    public static MetricsLog read(Path file) {
        List<String> lines;
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            lines = r.lines().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": cannot read (" + e.getMessage() + ")", e);
        }
        boolean endsComplete;
        try {
            long size = Files.size(file);
            endsComplete = size == 0 || lastByte(file, size) == '\n';
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": cannot read (" + e.getMessage() + ")", e);
        }
        Map<String, List<long[]>> stepsByName = new LinkedHashMap<>();
        Map<String, List<Double>> valuesByName = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            boolean last = i == lines.size() - 1;
            JsonObject o;
            String name;
            long step;
            double value;
            try {
                o = JsonParser.parseString(line).getAsJsonObject();
                name = o.get("name").getAsString();
                step = o.get("step").getAsLong();
                value = number(o.get("value").getAsString());
            } catch (RuntimeException e) {
                if (last && !endsComplete) {
                    break; // killed mid-write: the format allows one incomplete last line
                }
                throw new IllegalArgumentException(file + ":" + (i + 1) + ": not a metric line (" + e.getMessage()
                        + ")", e);
            }
            stepsByName.computeIfAbsent(name, k -> new ArrayList<>()).add(new long[] {step});
            valuesByName.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
        }
        Map<String, Series> series = new LinkedHashMap<>();
        for (Map.Entry<String, List<long[]>> e : stepsByName.entrySet()) {
            long[] steps = e.getValue().stream().mapToLong(a -> a[0]).toArray();
            double[] values = valuesByName.get(e.getKey()).stream().mapToDouble(Double::doubleValue).toArray();
            series.put(e.getKey(), new Series(steps, values));
        }
        return new MetricsLog(file, series);
    }

    private static int lastByte(Path file, long size) throws IOException {
        try (var ch = Files.newByteChannel(file)) {
            ch.position(size - 1);
            java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(1);
            ch.read(b);
            return b.get(0);
        }
    }

    private static double number(String text) {
        return switch (text) {
            case "NaN" -> Double.NaN;
            case "Infinity" -> Double.POSITIVE_INFINITY;
            case "-Infinity" -> Double.NEGATIVE_INFINITY;
            default -> Double.parseDouble(text);
        };
    }

    /** The file read. */
    public Path file() {
        return file;
    }

    /** Every metric name, in the order each first appears. */
    public List<String> names() {
        return List.copyOf(series.keySet());
    }

    /** Whether the file has at least one value of {@code name}. */
    public boolean has(String name) {
        return series.containsKey(name);
    }

    /** The values of {@code name} (empty when the file has none). */
    public Series series(String name) {
        Series s = series.get(name);
        return s == null ? new Series(new long[0], new double[0]) : new Series(s.steps().clone(), s.values().clone());
    }

    /** The last value of {@code name}, or empty. */
    public OptionalDouble last(String name) {
        Series s = series.get(name);
        return s == null ? OptionalDouble.empty() : s.last();
    }

    @Override
    public String toString() {
        return "MetricsLog[" + file + ", " + series.size() + " metrics: " + Arrays.toString(series.keySet().toArray())
                + "]";
    }
}
