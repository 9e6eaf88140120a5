package dev.lantern.app.lab;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The fork lineage of the opened runs as a tree laid out in rows: each run one row, a horizontal line from its start
 * (0, or its fork step for a fork's child) to its last step; a child's row comes under its parent's subtree and
 * branches off the parent's line at its fork step. Runs whose parent is not opened are roots. Where the parent's
 * {@code analysis/dynamics/dynamics.json} has a {@code modeConnectivity} member, the barrier of every pair of its
 * opened children is attached (read defensively: anything missing or malformed gives no barrier).
 *
 * @param nodes    one per run, in row order (row 0 first)
 * @param barriers the barriers between children found
 */
record Lineage(List<Node> nodes, List<Barrier> barriers) {

    /** The barrier metric shown: the normalised greedy return's ({@code returnError}, docs/dynamics.md). */
    static final String BARRIER_METRIC = "returnError";

    /**
     * One run's line.
     *
     * @param run       the run
     * @param row       its row, 0 at the top
     * @param start     the env step its line starts at
     * @param end       its last env step
     * @param parentRow the row of its parent's line, -1 for a root
     */
    record Node(OpenedRun run, int row, long start, long end, int parentRow) {
    }

    /**
     * The barrier of two children of one parent on the straight line between their networks.
     *
     * @param rowA  one child's row
     * @param rowB  the other's
     * @param step  the checkpoint compared (the pair's {@code step}, else the later child's last step)
     * @param value the {@link #BARRIER_METRIC} barrier
     */
    record Barrier(int rowA, int rowB, long step, double value) {
    }

    /** The tree of {@code runs} (the order given decides among roots and among children of one fork step). */
    static Lineage of(List<OpenedRun> runs) {
        Map<Path, OpenedRun> byDir = new HashMap<>();
        runs.forEach(r -> byDir.putIfAbsent(r.dir(), r));
        List<Node> nodes = new ArrayList<>();
        Map<Path, Integer> rows = new HashMap<>();
        for (OpenedRun r : runs) {
            boolean root = r.fork() == null || !byDir.containsKey(r.fork().parent()) || r.fork().parent().equals(r.dir());
            if (root && !rows.containsKey(r.dir())) {
                place(r, -1, runs, nodes, rows);
            }
        }
        for (OpenedRun r : runs) { // a cycle of forks (only by hand-edited manifests): still one row each
            if (!rows.containsKey(r.dir())) {
                place(r, -1, runs, nodes, rows);
            }
        }
        List<Barrier> barriers = new ArrayList<>();
        for (Node n : nodes) {
            barriers.addAll(barriers(n.run(), rows));
        }
        return new Lineage(List.copyOf(nodes), List.copyOf(barriers));
    }

    private static void place(OpenedRun r, int parentRow, List<OpenedRun> runs, List<Node> nodes,
            Map<Path, Integer> rows) {
        int row = nodes.size();
        rows.put(r.dir(), row);
        nodes.add(new Node(r, row, r.startStep(), Math.max(r.startStep(), r.lastStep()), parentRow));
        runs.stream()
                .filter(c -> c.fork() != null && c.fork().parent().equals(r.dir()) && !rows.containsKey(c.dir()))
                .sorted(Comparator.comparingLong(c -> c.fork().atStep()))
                .forEach(c -> place(c, row, runs, nodes, rows));
    }

    /** The barriers between opened children of {@code parent} in its dynamics.json; none when absent. */
    private static List<Barrier> barriers(OpenedRun parent, Map<Path, Integer> rows) {
        Path file = parent.dir().resolve("analysis").resolve("dynamics").resolve("dynamics.json");
        List<Barrier> out = new ArrayList<>();
        if (!Files.isRegularFile(file)) {
            return out;
        }
        try {
            JsonElement mc = JsonParser.parseString(Files.readString(file)).getAsJsonObject().get("modeConnectivity");
            if (mc == null || !mc.isJsonObject() || !mc.getAsJsonObject().has("pairs")) {
                return out;
            }
            for (JsonElement e : mc.getAsJsonObject().getAsJsonArray("pairs")) {
                JsonObject p = e.getAsJsonObject();
                Integer a = rowOf(p.get("a"), parent.dir(), rows);
                Integer b = rowOf(p.get("b"), parent.dir(), rows);
                JsonElement barriers = p.get("barriers");
                if (a == null || b == null || barriers == null || !barriers.isJsonObject()) {
                    continue;
                }
                JsonElement v = barriers.getAsJsonObject().get(BARRIER_METRIC);
                if (v == null || !v.isJsonPrimitive() || !v.getAsJsonPrimitive().isNumber()) {
                    continue;
                }
                long step = p.has("step") && p.get("step").isJsonPrimitive() ? p.get("step").getAsLong() : -1;
                out.add(new Barrier(a, b, step, v.getAsDouble()));
            }
        } catch (java.io.IOException | RuntimeException ex) {
            return List.of(); // a corrupt or foreign dynamics.json: no annotation rather than a wrong one
        }
        return out;
    }

    /** The row of the opened run at {@code path} (absolute, or relative to the current or the parent's folder). */
    private static Integer rowOf(JsonElement path, Path parentDir, Map<Path, Integer> rows) {
        if (path == null || !path.isJsonPrimitive()) {
            return null;
        }
        Path p = Path.of(path.getAsString());
        Integer row = rows.get(p.toAbsolutePath().normalize());
        return row != null || p.isAbsolute() ? row : rows.get(parentDir.resolve(p).normalize());
    }
}
