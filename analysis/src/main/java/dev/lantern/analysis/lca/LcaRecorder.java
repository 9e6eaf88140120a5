package dev.lantern.analysis.lca;

import com.google.gson.JsonObject;
import dev.lantern.agents.api.ComputePath;
import dev.lantern.agents.api.PinnedLoss;
import dev.lantern.agents.api.SupportLoss;
import dev.lantern.agents.run.state.StateReader;
import dev.lantern.agents.run.state.StateWriter;
import dev.lantern.agents.api.ParameterLayout;
import dev.lantern.agents.train.MetricSink;
import dev.lantern.agents.train.Recorder;
import dev.lantern.agents.train.RunContext;
import dev.lantern.agents.run.RunDirectory;
import dev.lantern.agents.train.RunOutcome;
import dev.lantern.agents.train.UpdateEvent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Computes loss change allocation online, at every update of a training run, on the agent's pinned probe loss.
 *
 * <p>The end gradient of a step is the start gradient of the next while the probe window stays the same; a new
 * window costs one extra evaluation at its first step. The probe points are evaluated on the probe's private network
 * ({@link PinnedLoss}); the trained network is only read. A probe that depends on some parameters only
 * ({@link SupportLoss}) is integrated over those, on the {@link ComputePath#HOST_BUFFERS} path: every other parameter's
 * allocation is exactly zero, as it is when the full gradient is integrated.
 *
 * <p><b>Metrics</b> at the end of every iteration (sums over its updates): {@code lca/total} (Σ allocations),
 * {@code lca/actual} (the real probe-loss change), {@code lca/error} (actual − total), {@code lca/layer/<layer>},
 * {@code lca/helped_fraction} (mean over steps of the fraction of parameters with negative allocation),
 * {@code lca/helped}, {@code lca/hurt}, {@code lca/zero} (mean counts per step), {@code lca/helped_among_moved},
 * {@code lca/pieces_max}, and with {@link LcaSettings#perTerm()} {@code lca/term/<term>} with {@code /actual} and
 * {@code /error} per term of a {@link dev.lantern.agents.api.TermedLoss} (the total is then the terms' sum).
 * Per-parameter sign oscillation ({@link Oscillation}) and the terms' totals are part of the saved state.
 *
 * <p><b>Files</b> in {@code lca/} of the run directory:
 * <ul>
 *   <li>{@code steps.jsonl}: one object per update: {@code update, step, window, loss_before, loss_after, actual,
 *       allocated, error, pieces, evaluations, helped_fraction, helped, hurt, zero, layers: {name: allocation},
 *       terms: {name: {actual, allocated, error}}}</li>
 *   <li>{@code neurons.jsonl}: one object per window: {@code window, step, layers: {name: [allocation per neuron]}}
 *       (a neuron's allocation is the sum over its incoming weights and bias)</li>
 *   <li>{@code parameters.f64}: cumulative allocation per parameter over the run, little-endian IEEE 754 doubles
 *       in the network's flat layout (see {@code summary.json}'s {@code layout})</li>
 *   <li>{@code summary.json}: totals, relative error, per-layer cumulative allocation, pieces histogram, the probe
 *       description, the layout</li>
 * </ul>
 */
public final class LcaRecorder implements Recorder {

    private final LossChangeAllocator allocator;
    private TermOracle oracle;
    private PinnedLoss oracleProbe;
    private List<String> termNames = List.of();
    // what steps are allocated over: the probe's support (SupportLoss, host path), else every parameter; and what the
    // carried end gradients are expressed on (the full layout after a restore)
    private ParameterSupport support;
    private ParameterSupport carriedOn;
    private final LcaSettings settings;
    private ParameterLayout layout;
    private MetricSink metrics;
    private LcaFiles files;
    private Map<String, Object> manifest;

    private long window = Long.MIN_VALUE;
    private double[] carriedGradient;
    // Buffers reused from update to update, on the support: the parameters before and after, and the next end gradient.
    private double[] theta0;
    private double[] theta1;
    private double[][] endGradients;
    private double carriedLoss;
    private AllocationTotals totals;
    private long windowStep;
    private final Map<Integer, Integer> piecesHistogram = new LinkedHashMap<>();
    private String probeDescription = "";

    private double totalAllocated;
    private double totalActual;
    private double totalAbsError;
    private long steps;
    private long evaluations;
    private long unallocated;
    private final List<Double> allocatedCurve = new ArrayList<>();
    private final List<Double> actualCurve = new ArrayList<>();

    private IterationSums iteration;
    private final TermTotals terms = new TermTotals();

    /** Allocates with the given settings (which must be enabled). */
    public LcaRecorder(LcaSettings settings) {
        this.settings = settings;
        this.allocator = new LossChangeAllocator(settings.errorThreshold(), settings.maxPieces());
    }

    @Override
    public boolean needsParameterHistory() {
        return true;
    }

    @Override
    public void runStarted(RunContext run) {
        layout = run.layout();
        metrics = run.metrics();
        manifest = run.manifest();
        totals = new AllocationTotals(layout);
        iteration = new IterationSums(layout);
        if (run.runDir() != null) {
            files = new LcaFiles(run.runDir(), layout);
        }
    }

    @Override
    public void updateApplied(UpdateEvent event) {
        PinnedLoss probe = event.probe();
        if (probe == null) {
            // The learner had no probe for this update (DQN before its replay holds a probe's worth): nothing to
            // allocate against; counted in the summary as unallocated.
            unallocated++;
            return;
        }
        if (probe.windowId() != window) {
            closeWindow();
            window = probe.windowId();
            windowStep = event.envStep();
            carriedGradient = null;
            terms.newWindow();
            probeDescription = probe.description();
        }
        INDArray live = event.paramsAfter();
        if (oracleProbe != probe) {
            useProbe(probe, live);
        }
        support.read(event.paramsBefore(), theta0);
        support.read(live, theta1);
        List<String> names = termNames;
        terms.use(names);
        StepAllocation step;
        StepAllocation[] perTerm;
        if (names.size() > 1) {
            double[][] ends = new double[names.size()][theta1.length];
            perTerm = allocator.allocateTerms(oracle, theta0, theta1, terms.carried(), terms.carriedLoss(), ends);
            terms.add(perTerm, ends);
            step = StepAllocation.sum(perTerm);
        } else {
            // two end-gradient buffers in turn: the one not carried in receives this step's end
            double[] end = carriedGradient == endGradients[0] ? endGradients[1] : endGradients[0];
            step = allocator.allocateTerms(oracle, theta0, theta1,
                    carriedGradient == null ? null : new double[][] {carriedGradient}, new double[] {carriedLoss},
                    new double[][] {end})[0];
            carriedGradient = end;
            carriedLoss = step.lossAfter();
            perTerm = names.isEmpty() ? new StepAllocation[0] : new StepAllocation[] {step};
            terms.add(perTerm, null);
        }
        carriedOn = support;
        record(event, step, perTerm);
    }

    /**
     * Evaluates {@code probe} from now on: on its support when it has one and the host path is in force (the loss's
     * own fast evaluation there), else over every parameter through its INDArray interface. Gradients carried from the
     * same window move onto the new support.
     */
    private void useProbe(PinnedLoss probe, INDArray params) {
        int n = layout.size();
        termNames = PinnedLossOracle.termNames(probe, settings.perTerm());
        if (probe instanceof SupportLoss onSupport && ComputePath.select().hostBuffers()) {
            support = ParameterSupport.of(n, onSupport.support());
            oracle = new SupportOracle(onSupport, termNames);
        } else {
            support = ParameterSupport.all(n);
            oracle = new PinnedLossOracle(probe, params.dataType(), n, settings.perTerm());
        }
        oracleProbe = probe;
        if (carriedOn != null && carriedOn != support) {
            ParameterSupport from = carriedOn;
            if (carriedGradient != null) {
                carriedGradient = support.gather(from.scatter(carriedGradient));
            }
            terms.mapCarried(g -> support.gather(from.scatter(g)));
        }
        carriedOn = support;
        int m = support.size();
        theta0 = new double[m];
        theta1 = new double[m];
        endGradients = new double[2][m];
    }

    private void record(UpdateEvent event, StepAllocation step, StepAllocation[] perTerm) {
        AllocationTotals.Step sums = totals.add(support, step.allocation());
        double[] layers = sums.layers();
        AllocationCounts counts = sums.counts();
        int n = layout.size();
        double helped = n == 0 ? 0 : counts.helped() / (double) n; // step.helpedFraction(), counted once
        iteration.add(step, layers, helped, counts, terms.names(), perTerm);
        steps++;
        evaluations += step.gradientEvaluations();
        totalAllocated += step.allocated();
        totalActual += step.actual();
        totalAbsError += Math.abs(step.error());
        allocatedCurve.add(totalAllocated);
        actualCurve.add(totalActual);
        piecesHistogram.merge(step.pieces(), 1, Integer::sum);
        if (files != null) {
            files.step(event, window, step, helped, layers, counts, terms.names(), perTerm);
        }
    }

    @Override
    public void iterationEnded(long iteration, long envStep) {
        if (this.iteration.emit(metrics, envStep)) {
            flush();
        }
    }

    @Override
    public boolean hasState() {
        return true;
    }

    /**
     * {@inheritDoc} The run's totals and curves, the open probe window (its allocation so far and the carried end
     * gradient) and the lengths of {@code steps.jsonl} and {@code neurons.jsonl}.
     */
    @Override
    public void saveState(StateWriter out) {
        flush();
        out.section("lca");
        out.writeInt(layout.size());
        out.writeLong(window);
        out.writeLong(windowStep);
        out.writeBoolean(carriedGradient != null);
        if (carriedGradient != null) {
            out.writeDoubles(full(carriedGradient)); // in the full layout: a checkpoint does not depend on the path
        }
        out.writeDouble(carriedLoss);
        out.writeDoubles(totals.cumulative());
        out.writeDoubles(totals.window());
        int[] pieces = new int[piecesHistogram.size() * 2];
        int k = 0;
        for (Map.Entry<Integer, Integer> e : piecesHistogram.entrySet()) {
            pieces[k++] = e.getKey();
            pieces[k++] = e.getValue();
        }
        out.writeInts(pieces);
        out.writeString(probeDescription);
        out.writeDoubles(new double[] {totalAllocated, totalActual, totalAbsError});
        out.writeLongs(new long[] {steps, evaluations, unallocated});
        out.writeDoubles(allocatedCurve.stream().mapToDouble(Double::doubleValue).toArray());
        out.writeDoubles(actualCurve.stream().mapToDouble(Double::doubleValue).toArray());
        out.writeLongs(files == null ? new long[2] : files.lengths());
        terms.save(out, this::full);
        totals.oscillation().save(out);
    }

    /** A carried gradient in the full layout. */
    private double[] full(double[] carried) {
        return carriedOn == null || carriedOn.whole() ? carried : carriedOn.scatter(carried);
    }

    @Override
    public void restoreState(StateReader in) {
        in.section("lca");
        double[] cumulative = totals.cumulative();
        int n = in.expectInt(cumulative.length, "the number of parameters");
        window = in.readLong();
        windowStep = in.readLong();
        carriedGradient = in.readBoolean() ? in.readDoubles(n, "the carried gradient") : null;
        carriedLoss = in.readDouble();
        double[] cum = in.readDoubles(n, "the cumulative allocation");
        double[] win = in.readDoubles(n, "the window allocation");
        System.arraycopy(cum, 0, cumulative, 0, n);
        System.arraycopy(win, 0, totals.window(), 0, n);
        int[] pieces = in.readInts();
        piecesHistogram.clear();
        for (int k = 0; k + 1 < pieces.length; k += 2) {
            piecesHistogram.put(pieces[k], pieces[k + 1]);
        }
        probeDescription = in.readString();
        double[] sums = in.readDoubles(3, "the totals");
        totalAllocated = sums[0];
        totalActual = sums[1];
        totalAbsError = sums[2];
        long[] counts = in.readLongs();
        if (counts.length != 3) {
            throw in.fail("expected 3 counters, found " + counts.length);
        }
        steps = counts[0];
        evaluations = counts[1];
        unallocated = counts[2];
        allocatedCurve.clear();
        actualCurve.clear();
        for (double v : in.readDoubles()) {
            allocatedCurve.add(v);
        }
        for (double v : in.readDoubles()) {
            actualCurve.add(v);
        }
        long[] lengths = in.readLongs();
        if (lengths.length != 2) {
            throw in.fail("expected 2 file lengths, found " + lengths.length);
        }
        if (files != null) {
            try {
                files.truncate(lengths);
            } catch (IllegalArgumentException e) {
                throw in.fail(e.getMessage());
            }
        }
        terms.restore(in, n);
        totals.oscillation().restore(in);
        carriedOn = ParameterSupport.all(n); // what was read is in the full layout; the next probe moves it
        oracleProbe = null;
    }

    private void closeWindow() {
        if (window == Long.MIN_VALUE) {
            return;
        }
        if (files != null) {
            files.window(window, windowStep, totals.window());
        }
        totals.clearWindow();
    }

    @Override
    public void runEnded(RunOutcome outcome) {
        closeWindow();
        JsonObject summary = summary();
        manifest.put("lca", Map.of("probe", probeDescription, "probeSize", settings.probeSize(),
                "errorThreshold", settings.errorThreshold(), "maxPieces", settings.maxPieces(),
                "perTerm", settings.perTerm(), "terms", terms.names(),
                "window", "one iteration (a new probe from each rollout)"));
        if (files != null) {
            files.finish(totals.cumulative(), summary);
        }
    }

    /** Totals so far as JSON (the content of {@code summary.json}). */
    public JsonObject summary() {
        double[] cumulative = totals.cumulative();
        JsonObject s = new JsonObject();
        s.addProperty("steps", steps);
        s.addProperty("gradientEvaluations", evaluations);
        s.addProperty("unallocatedUpdates", unallocated);
        s.addProperty("allocated", totalAllocated);
        s.addProperty("actual", totalActual);
        s.addProperty("error", totalActual - totalAllocated);
        s.addProperty("relativeError", relativeError());
        s.addProperty("sumAbsStepError", totalAbsError);
        JsonObject layers = new JsonObject();
        double[] perLayer = layout.sumPerLayer(cumulative);
        for (int l = 0; l < perLayer.length; l++) {
            layers.addProperty(layout.layers().get(l).name(), perLayer[l]);
        }
        s.add("layers", layers);
        int helped = 0;
        for (double v : cumulative) {
            if (v < 0) {
                helped++;
            }
        }
        s.addProperty("helpedFraction", cumulative.length == 0 ? 0 : helped / (double) cumulative.length);
        AllocationCounts counts = AllocationCounts.of(cumulative);
        s.addProperty("cumulativeHelped", counts.helped());
        s.addProperty("cumulativeHurt", counts.hurt());
        s.addProperty("cumulativeZero", counts.zero());
        s.add("terms", terms.summary());
        s.add("oscillation", totals.oscillation().summary(layout));
        s.add("piecesHistogram", RunDirectory.GSON.toJsonTree(piecesHistogram));
        s.addProperty("probe", probeDescription);
        s.add("layout", RunDirectory.GSON.toJsonTree(layout.layers()));
        return s;
    }

    /** |Σ allocations − real change| / |real change| over the run so far (NaN before any step, ∞ if the change is 0). */
    public double relativeError() {
        return Math.abs(totalActual - totalAllocated) / Math.abs(totalActual);
    }

    /** Σ allocations over the run so far. */
    public double totalAllocated() {
        return totalAllocated;
    }

    /** The real probe-loss change summed over the run's steps. */
    public double totalActual() {
        return totalActual;
    }

    /** Cumulative Σ allocations after each step. */
    public double[] allocatedCurve() {
        return allocatedCurve.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** Cumulative real probe-loss change after each step. */
    public double[] actualCurve() {
        return actualCurve.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** Cumulative allocation per parameter (a copy). */
    public double[] cumulative() {
        return totals.cumulative().clone();
    }

    private void flush() {
        if (files != null) {
            files.flush();
        }
    }

    /** {@inheritDoc} Always: it writes part of the run directory. */
    @Override
    public boolean writesRunFiles() {
        return true;
    }
}
