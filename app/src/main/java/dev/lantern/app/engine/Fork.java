package dev.lantern.app.engine;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.lantern.agents.run.AtomicFiles;
import dev.lantern.agents.run.RunDirectory;
import dev.lantern.app.config.ConfigException;
import dev.lantern.environments.random.Seeds;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Branches a run at one of its checkpoints into children that share everything up to it and differ only in the
 * random streams named ({@code lantern fork}). Each child is a run directory of its own, laid out as the parent would
 * be had it been stopped right after that checkpoint: the parent's {@code config.json} (byte for byte), its
 * {@code metrics.jsonl} and {@code lca/*.jsonl} up to the checkpoint, the checkpoint itself, and a manifest with status
 * {@code forked} and a {@code fork} object (parent, checkpoint, step, seed, streams, child index, new seeds, lineage).
 * {@code lantern resume CHILD} then trains it to the end of the budget; {@link ExperimentRun} reseeds the varied
 * streams right after it restores the fork-point checkpoint ({@link ForkOrigin}).
 *
 * <p>{@link #prepare} checks everything and writes nothing; {@link #write} creates the children, each in a temporary
 * folder renamed into place, and removes all of them when one cannot be written.
 */
public final class Fork {

    /**
     * What to fork.
     *
     * @param parent   the run directory to branch
     * @param atStep   the env step of the checkpoint to branch at
     * @param children how many children, at least 1
     * @param seed     the fork's seed: child {@code i}'s stream {@code X} gets {@link ForkStreams#seedOf}
     * @param vary     {@code all}, {@code none}, or stream names separated by commas
     * @param out      the folder that receives {@code child-<i>/}, or null for {@link #defaultOut}
     */
    public record Plan(Path parent, long atStep, int children, long seed, String vary, Path out) {
    }

    /** The most children one fork makes. */
    public static final int MAX_CHILDREN = 1000;

    private final Plan plan;
    private final ForkSource source;
    private final List<String> varied;
    private final Path out;

    private Fork(Plan plan, ForkSource source, List<String> varied, Path out) {
        this.plan = plan;
        this.source = source;
        this.varied = varied;
        this.out = out;
    }

    /** The default folder of a fork's children: {@code RUN/forks/step-<atStep>-seed-<seed>}. */
    public static Path defaultOut(Path parent, long atStep, long seed) {
        return parent.resolve("forks").resolve("step-" + atStep + "-seed-" + seed);
    }

    /**
     * Checks that {@code plan} can be carried out, writing nothing.
     *
     * @throws ConfigException with every problem: the run or checkpoint cannot be forked (no agent state, the final
     *                         checkpoint of a completed run, no such step: the forkable ones are listed), an unknown
     *                         stream, {@code init}, a stream the learner lacks, bad counts, children that exist
     */
    public static Fork prepare(Plan plan) {
        List<String> problems = new ArrayList<>();
        if (plan.children() < 1 || plan.children() > MAX_CHILDREN) {
            problems.add("--children: must be in [1, " + MAX_CHILDREN + "], got " + plan.children());
        }
        ForkSource source = ForkSource.read(plan.parent(), plan.atStep(), problems);
        List<String> varied = List.of();
        if (source != null) {
            varied = ForkStreams.parse(plan.vary(), source.streams(), source.experiment().agentType(), problems);
        }
        Path out = plan.out() != null ? plan.out() : defaultOut(plan.parent(), plan.atStep(), plan.seed());
        if (Files.exists(out) && !Files.isDirectory(out)) {
            problems.add("--out: " + out + " exists and is not a directory");
        } else {
            for (int i = 0; i < Math.min(plan.children(), MAX_CHILDREN); i++) {
                if (Files.exists(childDir(out, i))) {
                    problems.add("--out: " + childDir(out, i) + " already exists (choose another --out or --seed)");
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
        return new Fork(plan, source, varied, out);
    }

    /** Child {@code i}'s run directory under {@code out}. */
    public static Path childDir(Path out, int i) {
        return out.resolve("child-" + i);
    }

    /** The children's run directories, in index order (written by {@link #write}). */
    public List<Path> children() {
        List<Path> dirs = new ArrayList<>();
        for (int i = 0; i < plan.children(); i++) {
            dirs.add(childDir(out, i));
        }
        return dirs;
    }

    /** The folder that holds the children. */
    public Path out() {
        return out;
    }

    /** The streams varied, in the order of {@link Seeds#STREAMS}. */
    public List<String> varied() {
        return varied;
    }

    /** The streams the run has, which {@code --vary all} means. */
    public List<String> streams() {
        return source.streams();
    }

    /** The parent's checkpoint folder forked at. */
    public Path checkpoint() {
        return source.checkpoint();
    }

    /** The parent's learner type ({@code ppo}, ...). */
    public String learner() {
        return source.experiment().agentType();
    }

    /**
     * Writes every child's run directory, ready for {@code lantern resume}; when one cannot be written, the ones
     * written are removed again.
     *
     * @throws UncheckedIOException naming what could not be written
     */
    public void write() {
        List<Path> made = new ArrayList<>();
        boolean createdOut = !Files.exists(out);
        try {
            Files.createDirectories(out);
            for (int i = 0; i < plan.children(); i++) {
                Path tmp = Files.createTempDirectory(out, ".tmp-child-" + i + "-");
                made.add(tmp);
                writeChild(tmp, i);
                AtomicFiles.move(tmp, childDir(out, i));
                made.set(made.size() - 1, childDir(out, i));
            }
        } catch (IOException | RuntimeException e) {
            for (Path p : made) {
                deleteQuietly(p);
            }
            if (createdOut) {
                deleteQuietly(out);
            }
            String why = e instanceof UncheckedIOException u ? u.getMessage() : e.getMessage();
            throw new UncheckedIOException(new IOException("cannot write the fork's children in " + out + ": " + why
                    + "; nothing was written", e));
        }
    }

    private void writeChild(Path dir, int child) throws IOException {
        Path parent = source.parent();
        Files.copy(parent.resolve("config.json"), dir.resolve("config.json"));
        Path cp = dir.resolve("checkpoints").resolve(source.checkpoint().getFileName());
        Files.createDirectories(cp);
        try (Stream<Path> files = Files.list(source.checkpoint())) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Files.copy(f, cp.resolve(f.getFileName()));
            }
        }
        JsonObject state = com.google.gson.JsonParser.parseString(Files.readString(cp.resolve(RunDirectory.STATE)))
                .getAsJsonObject();
        JsonObject appended = state.has("appended") ? state.getAsJsonObject("appended") : new JsonObject();
        if (!appended.has("metrics.jsonl") && state.has("metricsBytes")) { // a checkpoint from before checksums
            JsonObject m = new JsonObject();
            m.addProperty("bytes", state.get("metricsBytes").getAsLong());
            appended.add("metrics.jsonl", m);
        }
        for (String name : RunDirectory.APPENDED_FILES) {
            Path from = parent.resolve(name);
            if (!Files.exists(from)) {
                continue;
            }
            long bytes = appended.has(name) ? appended.getAsJsonObject(name).get("bytes").getAsLong() : Long.MAX_VALUE;
            copyPrefix(from, dir.resolve(name), bytes); // a resume cuts an older format's lca files back itself
        }
        Files.writeString(dir.resolve("manifest.json"), RunDirectory.GSON.toJson(childManifest(child)) + "\n");
    }

    /** The parent's manifest without how its training went on, as {@code forked}, with the {@code fork} object. */
    private JsonObject childManifest(int child) {
        JsonObject m = source.manifest().deepCopy();
        for (String k : List.of("status", "endTime", "trainingSeconds", "envSteps", "updates", "episodes", "failure",
                "divergence", "recorders", "resumes", ForkOrigin.MEMBER)) {
            m.remove(k);
        }
        m.addProperty("status", "forked");
        m.add(ForkOrigin.MEMBER, forkObject(child));
        return m;
    }

    /** The manifest's {@code fork} object of child {@code child} (docs/forks.md). */
    private JsonObject forkObject(int child) {
        JsonObject f = new JsonObject();
        f.addProperty("parent", source.parent().toAbsolutePath().normalize().toString());
        f.addProperty("parentCheckpoint", source.checkpoint().toAbsolutePath().normalize().toString());
        f.addProperty("checkpoint", source.checkpoint().getFileName().toString());
        f.addProperty("atStep", source.atStep());
        f.addProperty("seed", plan.seed());
        JsonArray vary = new JsonArray();
        varied.forEach(vary::add);
        f.add("vary", vary);
        f.addProperty("child", child);
        f.addProperty("children", plan.children());
        JsonObject seeds = new JsonObject();
        seedsOf(child).forEach(seeds::addProperty);
        f.add("seeds", seeds);
        ForkOrigin earlier = ForkOrigin.of(source.manifest());
        Long eval = seeds.has(Seeds.EVAL) ? Long.valueOf(seeds.get(Seeds.EVAL).getAsLong())
                : earlier == null ? null : earlier.evalSeed();
        if (eval != null) {
            f.addProperty("evalSeed", eval);
        }
        JsonArray lineage = new JsonArray();
        if (source.manifest().has(ForkOrigin.MEMBER)) {
            JsonObject before = source.manifest().getAsJsonObject(ForkOrigin.MEMBER).deepCopy();
            if (before.has("lineage")) {
                before.getAsJsonArray("lineage").forEach(lineage::add);
                before.remove("lineage");
            }
            lineage.add(before);
        }
        f.add("lineage", lineage);
        f.addProperty("time", Instant.now().toString());
        return f;
    }

    private static void copyPrefix(Path from, Path to, long bytes) throws IOException {
        Files.createDirectories(to.getParent());
        try (InputStream in = Files.newInputStream(from); OutputStream o = Files.newOutputStream(to)) {
            byte[] buf = new byte[1 << 16];
            long left = bytes;
            int n;
            while (left > 0 && (n = in.read(buf, 0, (int) Math.min(buf.length, left))) > 0) {
                o.write(buf, 0, n);
                left -= n;
            }
        }
    }

    private static void deleteQuietly(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException ignored) {
            // best effort: a leftover .tmp-child-* folder is no child
        }
    }

    /** The plan. */
    public Plan plan() {
        return plan;
    }

    /** The new seeds of child {@code child}'s varied streams, in the order of {@link Seeds#STREAMS}. */
    public Map<String, Long> seedsOf(int child) {
        java.util.LinkedHashMap<String, Long> m = new java.util.LinkedHashMap<>();
        for (String s : varied) {
            m.put(s, ForkStreams.seedOf(plan.seed(), source.atStep(), child, s));
        }
        return m;
    }
}
