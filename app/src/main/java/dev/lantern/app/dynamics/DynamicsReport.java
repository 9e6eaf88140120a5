package dev.lantern.app.dynamics;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.lantern.app.analyze.Figures;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * {@code lantern dynamics}'s report over runs of one grid world: runs the {@link DynamicsSection}s in order (each one
 * member of {@code dynamics.json}), then writes the figures ({@code DIR/figures/*.png}) and {@code DIR/dynamics.json},
 * each file atomically and only after every section has succeeded. The summary printed names each section's
 * wall-clock time; the files hold none, so the same runs give the same {@code dynamics.json}.
 */
public final class DynamicsReport {

    /** The report's file, in its folder. */
    public static final String FILE = "dynamics.json";

    private final List<DynamicsSection> sections;

    /** A report of these sections, in this order. */
    public DynamicsReport(List<DynamicsSection> sections) {
        this.sections = List.copyOf(sections);
    }

    /** Every section Lantern has, in the order of {@code docs/dynamics.md}. */
    public static DynamicsReport standard() {
        return new DynamicsReport(List.of(new RunsSection(), new GeneralisationSection(), new ComparisonSection(),
                new PhasesSection(), new LcaSection(), new CkaSection(), new ModeConnectivitySection()));
    }

    /**
     * The report of an instability analysis (Frankle et al. 2020) over the children of forks of one run at several
     * steps: what each child is, and the linear mode connectivity of every pair of children of one fork step, with the
     * barrier against the fork step.
     */
    public static DynamicsReport instability() {
        return new DynamicsReport(List.of(new RunsSection(), new ModeConnectivitySection()));
    }

    /** The default folder of a report: {@code RUN/analysis/dynamics} of the first run. */
    public static Path defaultFolder(List<DynamicsRun> runs) {
        return runs.get(0).dir().resolve("analysis").resolve("dynamics");
    }

    /**
     * Analyses {@code runs} and writes the report into {@code dir}.
     *
     * @return the files written: the figures, then {@code dynamics.json}
     * @throws UncheckedIOException naming the file or folder that could not be written
     */
    public List<Path> write(List<DynamicsRun> runs, DynamicsOptions options, PrintWriter out, Path dir) {
        long start = System.nanoTime();
        Figures figures = new Figures();
        DynamicsContext context = new DynamicsContext(runs, out, figures, options);
        JsonObject root = new JsonObject();
        JsonArray dirs = new JsonArray();
        runs.forEach(r -> dirs.add(r.dir().toString()));
        root.add("runs", dirs);
        root.addProperty("env", context.world().spec().id());
        root.addProperty("states", context.states().size());
        out.printf(Locale.ROOT, "lantern dynamics: %d run%s on %s, %d states%n", runs.size(),
                runs.size() == 1 ? "" : "s", context.world().spec().id(), context.states().size());
        for (DynamicsSection section : sections) {
            long t = System.nanoTime();
            root.add(section.member(), section.write(context));
            out.printf(Locale.ROOT, "  (%s: %.2f s)%n", section.member(), (System.nanoTime() - t) / 1e9);
        }
        List<Path> written = figures.writeReport(dir, options.figures(), FILE, root);
        out.printf(Locale.ROOT, "  (dynamics took %.1f s)%n", (System.nanoTime() - start) / 1e9);
        return written;
    }
}
