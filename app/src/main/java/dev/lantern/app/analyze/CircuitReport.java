package dev.lantern.app.analyze;

import com.google.gson.JsonObject;
import dev.lantern.app.engine.CheckpointNetwork;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * {@code lantern analyze}'s report of one checkpoint: runs the {@link ReportSection}s in order (each one member of
 * {@code circuits.json}), then writes the figures ({@code DIR/figures/*.png}) and {@code DIR/circuits.json}, each
 * file atomically and only after every section has succeeded. The summary printed names each section's wall-clock
 * time; the files hold none, so the same checkpoint gives the same {@code circuits.json}.
 */
public final class CircuitReport {

    /** The report's file, in its folder. */
    public static final String FILE = "circuits.json";

    private final List<ReportSection> sections;

    /** A report of these sections, in this order. */
    public CircuitReport(List<ReportSection> sections) {
        this.sections = List.copyOf(sections);
    }

    /** Every section Lantern has, in the order of {@code docs/circuits.md}. */
    public static CircuitReport standard() {
        return new CircuitReport(List.of(new HealthSection(), new AblationSection(), new ProbeSection(),
                new WhatWhenWhereSection(), new PatchingSection(), new AttributionSection(), new SteeringSection(),
                new CircuitSection(), new NeuronSection()));
    }

    /** The default folder of a checkpoint's report: {@code RUN/analysis/step-<9 digits>}. */
    public static Path defaultFolder(CheckpointNetwork checkpoint) {
        return checkpoint.run().resolve("analysis").resolve(String.format("step-%09d", checkpoint.envSteps()));
    }

    /**
     * Analyses {@code checkpoint} and writes the report into {@code dir}.
     *
     * @return the files written: the figures, then {@code circuits.json}
     * @throws UncheckedIOException naming the file or folder that could not be written
     */
    public List<Path> write(CheckpointNetwork checkpoint, AnalyzeOptions options, PrintWriter out, Path dir) {
        long start = System.nanoTime();
        Figures figures = new Figures();
        AnalysisContext context = new AnalysisContext(checkpoint, out, figures, options);
        JsonObject root = new JsonObject();
        root.addProperty("run", checkpoint.run().toString());
        root.addProperty("checkpoint", checkpoint.checkpoint().getFileName().toString());
        root.addProperty("envSteps", checkpoint.envSteps());
        root.addProperty("env", checkpoint.world().spec().id());
        root.addProperty("agent", checkpoint.experiment().agentType());
        root.addProperty("states", context.states().size());
        out.printf(Locale.ROOT, "lantern analyze: %s, %s on %s, %d states%n", checkpoint.checkpoint(),
                checkpoint.experiment().agentType(), checkpoint.world().spec().id(), context.states().size());
        for (ReportSection section : sections) {
            long t = System.nanoTime();
            root.add(section.member(), section.write(context));
            out.printf(Locale.ROOT, "  (%s: %.2f s)%n", section.member(), (System.nanoTime() - t) / 1e9);
        }
        List<Path> written = figures.writeReport(dir, options.figures(), FILE, root);
        out.printf(Locale.ROOT, "  (analysis took %.1f s)%n", (System.nanoTime() - start) / 1e9);
        return written;
    }
}
