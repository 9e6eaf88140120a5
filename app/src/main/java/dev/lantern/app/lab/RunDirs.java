package dev.lantern.app.lab;

import dev.lantern.agents.run.RunDirectory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The quick check of the run directories given to {@code lantern lab --runs}, made before the window opens: each must
 * be a folder with {@code config.json}, {@code manifest.json}, {@code metrics.jsonl} and at least one checkpoint with a
 * network. What is inside is read later, on the lab's run thread ({@link RunLibrary}).
 */
public final class RunDirs {

    private RunDirs() {
    }

    /**
     * Every problem with {@code dirs} (each a run, or a folder whose sub-folders are runs: a fork's or a sweep's),
     * each naming its directory; empty when all look like runs.
     */
    public static List<String> problems(List<Path> dirs) {
        List<String> problems = new ArrayList<>();
        for (Path given : dirs) {
            if (!Files.isDirectory(given)) {
                problems.add(given + ": no such run directory");
                continue;
            }
            List<Path> runs = runsIn(given);
            if (runs.isEmpty()) {
                problems.add(given + ": not a run directory (no config.json), and no sub-folder of it is a run");
            }
            for (Path d : runs) {
                problems.addAll(problemsOfRun(d));
            }
        }
        return problems;
    }

    /** The problems of one run directory. */
    private static List<String> problemsOfRun(Path d) {
        List<String> problems = new ArrayList<>();
        for (String f : List.of("config.json", "manifest.json", "metrics.jsonl")) {
            if (!Files.isRegularFile(d.resolve(f))) {
                problems.add(d + ": not a run directory (no " + f + ")");
            }
        }
        if (!hasCheckpoint(d)) {
            problems.add(d + ": no checkpoint with a " + RunDirectory.NETWORK + " under " + d.resolve("checkpoints"));
        }
        return problems;
    }

    /** The runs in {@code dir}: itself if it is one, else its sub-folders that are (a fork's or a sweep's folder). */
    static List<Path> runsIn(Path dir) {
        if (Files.isRegularFile(dir.resolve("config.json"))) {
            return List.of(dir);
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> Files.isRegularFile(p.resolve("config.json"))).sorted().toList();
        } catch (IOException e) {
            return List.of(dir);
        }
    }

    private static boolean hasCheckpoint(Path d) {
        Path c = d.resolve("checkpoints");
        if (!Files.isDirectory(c)) {
            return false;
        }
        try (Stream<Path> s = Files.list(c)) {
            return s.anyMatch(p -> Files.isRegularFile(p.resolve(RunDirectory.NETWORK)));
        } catch (IOException e) {
            return false;
        }
    }
}
