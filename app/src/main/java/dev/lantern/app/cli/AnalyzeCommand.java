package dev.lantern.app.cli;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.lantern.agents.api.InspectableNetwork;
import dev.lantern.agents.api.Readout;
import dev.lantern.agents.api.Site;
import dev.lantern.agents.run.AtomicFiles;
import dev.lantern.agents.run.RunDirectory;
import dev.lantern.analysis.attribution.AttributedOutput;
import dev.lantern.analysis.attribution.Attribution;
import dev.lantern.analysis.attribution.Attributor;
import dev.lantern.analysis.attribution.Baselines;
import dev.lantern.analysis.circuits.AblationEffect;
import dev.lantern.analysis.circuits.AblationKind;
import dev.lantern.analysis.circuits.ActivationAtlas;
import dev.lantern.analysis.circuits.Concept;
import dev.lantern.analysis.circuits.ConceptProbe;
import dev.lantern.analysis.circuits.NeuronAblation;
import dev.lantern.analysis.circuits.NeuronHealth;
import dev.lantern.analysis.circuits.ActivationPatching;
import dev.lantern.analysis.circuits.PatchEffect;
import dev.lantern.analysis.circuits.ProbeScore;
import dev.lantern.analysis.circuits.StatePairs;
import dev.lantern.analysis.circuits.StateBatch;
import dev.lantern.app.console.LanternCommand;
import dev.lantern.app.engine.CheckpointNetwork;
import dev.lantern.environments.grid.GridWorld;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code lantern analyze RUN [--checkpoint STEP] [--out DIR]}: reads a grid-world run's checkpointed network (the
 * newest by default) and writes {@code DIR/circuits.json} (default {@code RUN/analysis/step-<9 digits>/}) with the
 * circuit analyses of {@code docs/circuits.md} and {@code docs/attribution.md}: layer health over every state,
 * zero- and mean-ablation tables, concept probes with their controls, and integrated gradients of the value at the
 * start with their completeness error. The run directory is only read (besides the new file).
 */
@Command(name = "analyze", description = "Analyze a grid-world run's checkpointed network; writes circuits.json.")
final class AnalyzeCommand extends LanternCommand {

    /** Seed of the probes' train/held-out split. */
    static final long PROBE_SEED = 0;

    @Parameters(index = "0", paramLabel = "RUN", description = "the run directory")
    private Path run;

    @Option(names = "--checkpoint", paramLabel = "STEP", description = "the checkpoint's env step (default: newest)")
    private Long checkpoint;

    @Option(names = "--out", paramLabel = "DIR", description = "where circuits.json goes (default: "
            + "RUN/analysis/step-<9 digits>/)")
    private Path out;

    @Override
    protected int execute() {
        PrintWriter stdout = out();
        CheckpointNetwork cn = CheckpointNetwork.load(run, checkpoint);
        InspectableNetwork net = cn.trained();
        StateBatch states = StateBatch.of(cn.world());
        ActivationAtlas atlas = ActivationAtlas.record(net, states);
        JsonObject root = new JsonObject();
        root.addProperty("run", run.toString());
        root.addProperty("checkpoint", cn.checkpoint().getFileName().toString());
        root.addProperty("envSteps", cn.envSteps());
        root.addProperty("env", cn.world().spec().id());
        root.addProperty("agent", cn.experiment().agentType());
        root.addProperty("states", states.size());
        stdout.printf(Locale.ROOT, "lantern analyze: %s, %s on %s, %d states%n", cn.checkpoint(),
                cn.experiment().agentType(), cn.world().spec().id(), states.size());

        JsonArray health = new JsonArray();
        for (NeuronHealth h : atlas.layerHealth()) {
            JsonObject o = new JsonObject();
            o.addProperty("site", h.site());
            o.addProperty("width", h.width());
            o.add("dead", ints(h.dead()));
            o.add("saturated", ints(h.saturated()));
            health.add(o);
            stdout.printf(Locale.ROOT, "  layer %-16s %3d neurons, %d dead, %d saturated%n", h.site(), h.width(),
                    h.deadCount(), h.saturatedCount());
        }
        root.add("layerHealth", health);

        NeuronAblation ablation = new NeuronAblation(atlas);
        JsonObject ablations = new JsonObject();
        for (AblationKind kind : AblationKind.values()) {
            JsonArray rows = new JsonArray();
            AblationEffect top = null;
            for (AblationEffect a : ablation.table(kind)) {
                JsonObject o = new JsonObject();
                o.addProperty("site", a.site());
                o.addProperty("neuron", a.neuron());
                o.addProperty("replacement", a.replacement());
                o.addProperty("policyKl", a.policyKl());
                o.addProperty("greedyChanged", a.greedyChanged());
                o.addProperty("meanAbsValue", a.meanAbsValue());
                rows.add(o);
                if (top == null || rank(a) > rank(top)) {
                    top = a;
                }
            }
            ablations.add(kind.name().toLowerCase(Locale.ROOT), rows);
            if (top != null) {
                stdout.printf(Locale.ROOT, "  %s ablation: largest effect at %s #%d: policy KL %.4g, greedy action "
                        + "changed in %.1f%% of decision states, mean |value change| %.4g%n",
                        kind.name().toLowerCase(Locale.ROOT), top.site(), top.neuron(), top.policyKl(),
                        100 * top.greedyChanged(), top.meanAbsValue());
            }
        }
        root.add("ablation", ablations);

        ConceptProbe probe = new ConceptProbe(atlas, PROBE_SEED)
                .withRandomControl(ActivationAtlas.record(cn.fresh(), states));
        List<Concept> concepts = List.of(Concept.agentRow(states), Concept.agentColumn(states), Concept.hasKey(states));
        JsonArray probes = new JsonArray();
        for (ProbeScore p : probe.table(concepts)) {
            JsonObject o = new JsonObject();
            o.addProperty("concept", p.concept());
            o.addProperty("site", p.site());
            o.addProperty("kind", p.kind().name().toLowerCase(Locale.ROOT));
            o.addProperty("score", p.score());
            o.addProperty("shuffled", p.shuffled());
            o.addProperty("random", p.random());
            o.addProperty("chance", p.chance());
            o.addProperty("train", p.train());
            o.addProperty("test", p.test());
            if (!p.defined()) {
                o.addProperty("undefined", p.undefined()); // present only when there is no score
            }
            probes.add(o);
            if (p.site().endsWith(Site.PRE)) {
                continue; // in the file; the summary shows the layers' outputs
            }
            if (p.defined()) {
                stdout.printf(Locale.ROOT, "  probe %-12s at %-16s %.3f (shuffled labels %.3f, random init %.3f, "
                        + "chance %.3f; %d held out)%n", p.concept(), p.site(), p.score(), p.shuffled(), p.random(),
                        p.chance(), p.test());
            } else {
                stdout.printf(Locale.ROOT, "  probe %-12s at %-16s undefined: %s%n", p.concept(), p.site(),
                        p.undefined());
            }
        }
        root.add("probes", probes);

        root.add("patching", patching(atlas, states, stdout));
        root.add("integratedGradients", integratedGradients(net, cn.world(), stdout));

        Path dir = out != null ? out : run.resolve("analysis").resolve(String.format("step-%09d", cn.envSteps()));
        Path file = dir.resolve("circuits.json");
        fromInput(() -> {
            try {
                java.nio.file.Files.createDirectories(dir);
            } catch (java.io.IOException ex) {
                throw new java.io.UncheckedIOException(dir + ": cannot create (" + ex.getMessage() + ")", ex);
            }
            AtomicFiles.writeString(file, RunDirectory.GSON.toJson(root) + "\n");
            return file;
        });
        stdout.printf("wrote %s%n", file);
        return 0;
    }

    /**
     * Activation patching of the value for the built-in pairs at each torso layer (every neuron of the layer patched
     * at once); a pair set that is empty on this map is reported with why.
     */
    private static JsonArray patching(ActivationAtlas atlas, StateBatch states, PrintWriter stdout) {
        JsonArray rows = new JsonArray();
        boolean hasValue = atlas.sites().stream().map(Site::name).anyMatch(NeuronAblation.VALUE::equals);
        for (StatePairs pairs : List.of(StatePairs.movedOneCellRight(states), StatePairs.withVersusWithoutKey(states))) {
            if (pairs.size() == 0 || !hasValue) {
                JsonObject o = new JsonObject();
                o.addProperty("pairs", pairs.description());
                o.addProperty("undefined", !hasValue ? "the network has no " + NeuronAblation.VALUE + " head"
                        : "no such pairs on " + states.world().spec().id());
                rows.add(o);
                stdout.printf(Locale.ROOT, "  patching %-20s undefined: %s%n", pairs.description(),
                        o.get("undefined").getAsString());
                continue;
            }
            ActivationPatching patching = new ActivationPatching(atlas, pairs);
            for (Site layer : atlas.layers()) {
                if (!layer.name().startsWith("torso.")) {
                    continue;
                }
                PatchEffect e = patching.patchSite(layer.name(), new Readout(NeuronAblation.VALUE, 0));
                JsonObject o = new JsonObject();
                o.addProperty("pairs", e.pairs());
                o.addProperty("site", e.site());
                o.addProperty("output", NeuronAblation.VALUE);
                o.addProperty("meanRestored", e.meanRestored());
                o.addProperty("standardError", e.standardError());
                o.addProperty("definedPairs", e.definedCount());
                o.addProperty("undefinedPairs", e.undefinedCount());
                o.addProperty("epsilon", e.epsilon());
                rows.add(o);
                stdout.printf(Locale.ROOT, "  patching %-20s at %-16s restores %.3f +- %.3f of the value "
                        + "(standard error; %d pairs defined, %d undefined)%n", e.pairs(), e.site(), e.meanRestored(),
                        e.standardError(), e.definedCount(), e.undefinedCount());
            }
        }
        return rows;
    }

    /** Integrated gradients of the value at the start state from the without-agent baseline, if there is a value. */
    private static JsonObject integratedGradients(InspectableNetwork net, GridWorld world, PrintWriter stdout) {
        JsonObject o = new JsonObject();
        boolean hasValue = net.sites().stream().map(Site::name).anyMatch(NeuronAblation.VALUE::equals);
        if (!hasValue) {
            o.addProperty("undefined", "the network has no " + NeuronAblation.VALUE + " head");
            return o;
        }
        float[] f = world.reset(0);
        double[] x = new double[f.length];
        for (int i = 0; i < f.length; i++) {
            x[i] = f[i];
        }
        int channels = f.length / (world.map().height() * world.map().width());
        Attribution ig = new Attributor(net).integratedGradients(x, Baselines.withoutAgent(x, channels),
                AttributedOutput.of(new Readout(NeuronAblation.VALUE, 0)), Attributor.DEFAULT_STEPS);
        o.addProperty("output", NeuronAblation.VALUE);
        o.addProperty("state", "start");
        o.addProperty("baseline", "without agent");
        o.addProperty("steps", ig.steps());
        o.addProperty("outputValue", ig.outputValue());
        o.addProperty("baselineValue", ig.baselineValue());
        o.addProperty("sum", ig.sum());
        o.addProperty("completenessError", ig.completenessError());
        JsonArray cells = new JsonArray();
        for (double v : Attributor.perCell(ig.values(), channels)) {
            cells.add(v);
        }
        o.addProperty("height", world.map().height());
        o.addProperty("width", world.map().width());
        o.add("perCell", cells);
        stdout.printf(Locale.ROOT, "  integrated gradients of the value at the start: V %.4f - V(without agent) %.4f"
                + " = %.4f, attributions sum to %.4f (relative completeness error %.2g, %d steps)%n", ig.outputValue(),
                ig.baselineValue(), ig.outputValue() - ig.baselineValue(), ig.sum(), ig.completenessError(),
                ig.steps());
        return o;
    }

    /** An ablation's size: its policy KL, or for a Q-network (no policy, KL NaN) its mean value change. */
    private static double rank(AblationEffect a) {
        return Double.isNaN(a.policyKl()) ? a.meanAbsValue() : a.policyKl();
    }

    private static JsonArray ints(int[] v) {
        JsonArray a = new JsonArray();
        for (int i : v) {
            a.add(i);
        }
        return a;
    }
}
