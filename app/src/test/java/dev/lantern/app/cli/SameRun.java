package dev.lantern.app.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.util.ModelSerializer;

/**
 * Checks that a run that was stopped, failed or killed and then resumed ended with exactly what a run never stopped
 * wrote: {@code metrics.jsonl} without wall-clock values ({@code time}, {@code time/*}), every {@code lca/} file byte for
 * byte, and the final network's parameters and updater state; and that no leftover of an interrupted write remains.
 */
final class SameRun {

    private SameRun() {
    }

    static void assertSameResult(Path whole, Path other) throws Exception {
        assertEquals(metricsWithoutTime(whole), metricsWithoutTime(other), "metrics.jsonl of " + other);
        for (String f : List.of("lca/steps.jsonl", "lca/neurons.jsonl", "lca/parameters.f64", "lca/summary.json")) {
            assertArrayEquals(Files.readAllBytes(whole.resolve(f)), Files.readAllBytes(other.resolve(f)), f);
        }
        String last = lastCheckpoint(whole);
        assertEquals(last, lastCheckpoint(other));
        ComputationGraph a = ModelSerializer.restoreComputationGraph(
                whole.resolve("checkpoints").resolve(last).resolve("network.zip").toFile(), true);
        ComputationGraph b = ModelSerializer.restoreComputationGraph(
                other.resolve("checkpoints").resolve(last).resolve("network.zip").toFile(), true);
        assertArrayEquals(a.params().data().asFloat(), b.params().data().asFloat(), "final parameters");
        assertArrayEquals(a.getUpdater().getStateViewArray().data().asFloat(),
                b.getUpdater().getStateViewArray().data().asFloat(), "final updater state");
        assertEquals(List.of(), checkpoints(other).stream().filter(n -> n.startsWith(".")).toList(),
                "leftovers in the checkpoints of " + other);
    }

    static List<String> metricsWithoutTime(Path run) throws Exception {
        return Files.readAllLines(run.resolve("metrics.jsonl")).stream()
                .filter(l -> !l.contains("\"name\": \"time/"))
                .map(l -> l.replaceFirst("\"time\": [^,]+, ", "")).toList();
    }

    /** The names of the run's {@code checkpoints/} entries, leftovers of interrupted writes included. */
    static List<String> checkpoints(Path run) throws Exception {
        if (!Files.isDirectory(run.resolve("checkpoints"))) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(run.resolve("checkpoints"))) {
            return s.map(c -> c.getFileName().toString()).sorted().toList();
        }
    }

    private static String lastCheckpoint(Path run) throws Exception {
        return checkpoints(run).stream().filter(n -> n.startsWith("step-")).max(String::compareTo).orElseThrow();
    }

    /** The number of lines {@code metrics.jsonl} held when checkpoint {@code step} was written. */
    static long metricsLinesAt(Path run, String step) throws Exception {
        String state = Files.readString(run.resolve("checkpoints").resolve(step).resolve("state.json"));
        long bytes = Long.parseLong(state.replaceAll("(?s).*\"metricsBytes\": (\\d+).*", "$1"));
        byte[] metrics = Files.readAllBytes(run.resolve("metrics.jsonl"));
        long lines = 0;
        for (int i = 0; i < bytes; i++) {
            lines += metrics[i] == '\n' ? 1 : 0;
        }
        return lines;
    }
}
