package dev.lantern.analysis.lca;

import com.google.gson.JsonObject;
import dev.lantern.agents.api.ParameterLayout;
import dev.lantern.agents.run.AppendFile;
import dev.lantern.agents.run.AtomicFiles;
import dev.lantern.agents.run.MetricsFile;
import dev.lantern.agents.run.RunDirectory;
import dev.lantern.agents.train.UpdateEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The files {@link LcaRecorder} writes in a run directory's {@code lca/}: {@code steps.jsonl} and
 * {@code neurons.jsonl} (appended line by line; cut back to a checkpoint's lengths on resume), then
 * {@code parameters.f64} and {@code summary.json} at the end of the run (atomically). Formats: {@link LcaRecorder}.
 */
final class LcaFiles {

    private static final String STEPS = "steps.jsonl";
    private static final String NEURONS = "neurons.jsonl";

    private final Path dir;
    private final ParameterLayout layout;
    private AppendFile stepsOut;
    private AppendFile neuronsOut;

    /** Opens (creating or appending to) the files in {@code runDir/lca}. */
    LcaFiles(Path runDir, ParameterLayout layout) {
        this.dir = runDir.resolve("lca");
        this.layout = layout;
        try {
            Files.createDirectories(dir);
            // Appending: a fresh run directory has no such files; a resumed run cuts them back in truncate.
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dir + ": " + e.getMessage(), e);
        }
        stepsOut = AppendFile.open(dir.resolve(STEPS));
        neuronsOut = AppendFile.open(dir.resolve(NEURONS));
    }

    /**
     * Appends one update's line to {@code steps.jsonl}: the totals, the helped / hurt / zero counts, the per-layer
     * sums and, when the loss is split into terms, each term's {@code actual, allocated, error}.
     */
    void step(UpdateEvent event, long window, StepAllocation step, double helped, double[] layers,
            AllocationCounts counts, List<String> termNames, StepAllocation[] perTerm) {
        StringBuilder line = new StringBuilder(256);
        line.append("{\"update\": ").append(event.update()).append(", \"step\": ").append(event.envStep())
                .append(", \"window\": ").append(window);
        number(line.append(", \"loss_before\": "), step.lossBefore());
        number(line.append(", \"loss_after\": "), step.lossAfter());
        number(line.append(", \"actual\": "), step.actual());
        number(line.append(", \"allocated\": "), step.allocated());
        number(line.append(", \"error\": "), step.error());
        line.append(", \"pieces\": ").append(step.pieces()).append(", \"evaluations\": ")
                .append(step.gradientEvaluations()).append(", \"helped_fraction\": ").append(helped)
                .append(", \"helped\": ").append(counts.helped()).append(", \"hurt\": ").append(counts.hurt())
                .append(", \"zero\": ").append(counts.zero())
                .append(", \"layers\": {");
        for (int l = 0; l < layers.length; l++) {
            line.append(l == 0 ? "" : ", ").append('"').append(layout.layers().get(l).name()).append("\": ");
            number(line, layers[l]);
        }
        line.append('}');
        if (!termNames.isEmpty()) {
            line.append(", \"terms\": {");
            for (int t = 0; t < termNames.size(); t++) {
                line.append(t == 0 ? "" : ", ").append('"').append(termNames.get(t)).append("\": {\"actual\": ");
                number(line, perTerm[t].actual());
                number(line.append(", \"allocated\": "), perTerm[t].allocated());
                number(line.append(", \"error\": "), perTerm[t].error());
                line.append('}');
            }
            line.append('}');
        }
        line.append("}\n");
        write(stepsOut, line.toString());
    }

    /** Appends one window's per-neuron allocation to {@code neurons.jsonl}. */
    void window(long window, long windowStep, double[] windowAllocation) {
        StringBuilder line = new StringBuilder(4096);
        line.append("{\"window\": ").append(window).append(", \"step\": ").append(windowStep).append(", \"layers\": {");
        boolean first = true;
        for (ParameterLayout.Block b : layout.layers()) {
            line.append(first ? "" : ", ").append('"').append(b.name()).append("\": [");
            double[] perNeuron = ParameterLayout.sumPerNeuron(b, windowAllocation);
            for (int j = 0; j < perNeuron.length; j++) {
                number(line.append(j == 0 ? "" : ", "), perNeuron[j]);
            }
            line.append(']');
            first = false;
        }
        line.append("}}\n");
        write(neuronsOut, line.toString());
    }

    /** The byte lengths of {@code steps.jsonl} and {@code neurons.jsonl}, after a flush. */
    long[] lengths() {
        flush();
        return new long[] {size(STEPS), size(NEURONS)};
    }

    /** Cuts both files back to {@code lengths} (from {@link #lengths()}) and appends from there. */
    void truncate(long[] lengths) {
        stepsOut.close();
        neuronsOut.close();
        MetricsFile.truncate(dir.resolve(STEPS), lengths[0]);
        MetricsFile.truncate(dir.resolve(NEURONS), lengths[1]);
        stepsOut = AppendFile.open(dir.resolve(STEPS));
        neuronsOut = AppendFile.open(dir.resolve(NEURONS));
    }

    /** Closes the line files and writes {@code parameters.f64} (little-endian doubles) and {@code summary.json}. */
    void finish(double[] cumulative, JsonObject summary) {
        stepsOut.close();
        neuronsOut.close();
        ByteBuffer buf = ByteBuffer.allocate(cumulative.length * Double.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        for (double v : cumulative) {
            buf.putDouble(v);
        }
        AtomicFiles.writeBytes(dir.resolve("parameters.f64"), buf.array());
        AtomicFiles.writeString(dir.resolve("summary.json"), RunDirectory.GSON.toJson(summary) + "\n");
    }

    /** Flushes both line files. */
    void flush() {
        stepsOut.flush();
        neuronsOut.flush();
    }

    private long size(String name) {
        try {
            return Files.size(dir.resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the size of " + dir.resolve(name) + ": " + e.getMessage(), e);
        }
    }

    private static void number(StringBuilder line, double value) {
        MetricsFile.appendNumber(line, value);
    }

    private static void write(AppendFile out, String text) {
        out.append(text);
    }
}
