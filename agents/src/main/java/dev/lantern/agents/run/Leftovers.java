package dev.lantern.agents.run;

import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * What a run killed or failed at a bad moment leaves in its directory, and how it is cleared: temporary files and
 * checkpoint folders of a write that never finished, and the whole content of a run that stopped before its first
 * checkpoint (it holds no completed work: nothing to continue from, nothing worth keeping).
 */
final class Leftovers {

    /** The entries a run directory may hold before its first checkpoint (plus temporary {@code .*.tmp} files). */
    private static final Set<String> RUN_ENTRIES = Set.of("manifest.json", "config.json", "metrics.jsonl", "lca",
            "checkpoints", RunLock.FILE);

    private Leftovers() {
    }

    /**
     * Null if the non-empty directory {@code root} holds only a run that stopped before its first checkpoint (it may be
     * reused for a new run), else why not, to follow "already exists and ".
     */
    static String whyNotReusable(Path root) throws IOException {
        for (Path p : list(root)) {
            String name = p.getFileName().toString();
            if (!RUN_ENTRIES.contains(name) && !isTemporary(name)) {
                return "is not empty";
            }
        }
        Path checkpoints = root.resolve("checkpoints");
        if (Files.exists(checkpoints) && !Files.isDirectory(checkpoints)) {
            return "is not empty";
        }
        if (Files.isDirectory(checkpoints)) {
            for (Path p : list(checkpoints)) {
                String name = p.getFileName().toString();
                if (name.startsWith("step-")) {
                    return "holds a run with checkpoints (lantern resume continues a run that did not complete)";
                }
                if (!isCheckpointLeftover(name)) {
                    return "is not empty";
                }
            }
        }
        return null;
    }

    /**
     * Deletes every file of the run in {@code root} but its lock, and {@code config.json} and {@code manifest.json} when
     * {@code keepConfig} (a run started again from scratch keeps its configuration; the manifest is rewritten when it
     * starts). Entries that are not run files are left alone.
     */
    static void clearRun(Path root, boolean keepConfig) throws IOException {
        for (Path p : list(root)) {
            String name = p.getFileName().toString();
            boolean kept = name.equals(RunLock.FILE) || keepConfig && (name.equals("config.json")
                    || name.equals("manifest.json"));
            if (!kept && (RUN_ENTRIES.contains(name) || isTemporary(name))) {
                deleteTree(p);
            }
        }
        Files.createDirectories(root.resolve("checkpoints"));
    }

    /**
     * Removes what interrupted writes left: {@code checkpoints/.tmp-step-*} folders and temporary {@code .*.tmp} files
     * (in the run directory and {@code lca/}). A {@code checkpoints/.old-step-*} folder (a checkpoint moved aside to be
     * replaced) is put back when its replacement never arrived, else deleted.
     *
     * @return the leftovers removed or put back, relative to {@code root}
     */
    static List<String> remove(Path root) throws IOException {
        List<String> removed = new java.util.ArrayList<>();
        Path checkpoints = root.resolve("checkpoints");
        for (Path p : list(checkpoints)) {
            String name = p.getFileName().toString();
            if (name.startsWith(".old-step-")) {
                Path back = originalOf(p);
                if (back != null && !Files.exists(back)) {
                    AtomicFiles.move(p, back);
                    removed.add("checkpoints/" + name + " (put back as " + back.getFileName() + ")");
                    continue;
                }
            }
            if (isCheckpointLeftover(name)) {
                deleteTree(p);
                removed.add("checkpoints/" + name);
            }
        }
        for (Path dir : List.of(root, root.resolve("lca"))) {
            if (Files.isDirectory(dir)) {
                for (Path p : list(dir)) {
                    if (isTemporary(p.getFileName().toString()) && Files.isRegularFile(p)) {
                        Files.delete(p);
                        removed.add(root.relativize(p).toString());
                    }
                }
            }
        }
        return removed;
    }

    /** The {@code step-*} folder a checkpoint moved aside came from, from its counters; null if unreadable. */
    private static Path originalOf(Path old) {
        try {
            long envSteps = JsonParser.parseString(Files.readString(old.resolve(RunDirectory.STATE),
                    StandardCharsets.UTF_8)).getAsJsonObject().get("envSteps").getAsLong();
            return old.resolveSibling(String.format("step-%09d", envSteps));
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static boolean isCheckpointLeftover(String name) {
        return name.startsWith(".tmp-step-") || name.startsWith(".old-step-");
    }

    /** {@link AtomicFiles}' temporary files: {@code .<name><random>.tmp}. */
    private static boolean isTemporary(String name) {
        return name.startsWith(".") && name.endsWith(".tmp");
    }

    private static List<Path> list(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.sorted().toList();
        }
    }

    static void deleteTree(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> s = Files.walk(path)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
