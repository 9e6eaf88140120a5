package dev.lantern.app.dynamics;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.lantern.agents.api.InspectableNetwork;
import dev.lantern.agents.run.AtomicFiles;
import dev.lantern.agents.run.RunDirectory;
import dev.lantern.analysis.circuits.ActivationAtlas;
import dev.lantern.analysis.circuits.ExactConcepts;
import dev.lantern.analysis.circuits.StateBatch;
import dev.lantern.analysis.dynamics.LayerDistance;
import dev.lantern.analysis.dynamics.NeuronChange;
import dev.lantern.analysis.dynamics.NeuronDrift;
import dev.lantern.analysis.dynamics.ParameterDistance;
import dev.lantern.analysis.dynamics.PolicyComparison;
import dev.lantern.analysis.dynamics.PolicyTable;
import dev.lantern.app.analyze.Figures;
import dev.lantern.environments.grid.GridState;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code lantern diff}'s report: two checkpoints of the same architecture on the same grid world (a, then b; of one
 * run or of two) set side by side over every state. {@code diff.json} holds the per-layer parameter change, the policy
 * comparison ({@link PolicyComparison}), the states whose greedy action or value changed most, and the neurons whose
 * description or mean-ablation effect changed most ({@link NeuronDrift}); figures (optional) draw the greedy actions
 * and the value change on the grid and the parameter change per layer ({@link DiffCharts}). Files are written
 * atomically after everything has been computed.
 */
public final class CheckpointDiff {

    /** The report's file, in its folder. */
    public static final String FILE = "diff.json";

    private static final String[] ACTIONS = {"up", "down", "right", "left"};

    private CheckpointDiff() {
    }

    /**
     * The default folder: {@code A/analysis/diff-<stepA>-<stepB>} when both checkpoints are of run A, else
     * {@code A/analysis/diff-<stepA>-<B's directory name>-<stepB>}.
     */
    public static Path defaultFolder(DynamicsRun a, long stepA, DynamicsRun b, long stepB) {
        boolean same = a.dir().toAbsolutePath().normalize().equals(b.dir().toAbsolutePath().normalize());
        return a.dir().resolve("analysis").resolve(same ? "diff-" + stepA + "-" + stepB
                : "diff-" + stepA + "-" + b.label() + "-" + stepB);
    }

    /**
     * Diffs {@code a@stepA} against {@code b@stepB} (same world and architecture, checked by the caller) and writes
     * {@code dir/diff.json} and, with {@code figures}, {@code dir/figures/*.png}.
     *
     * @param top how many states and neurons each ranked table lists
     * @return the files written, {@code diff.json} last
     */
    public static List<Path> write(DynamicsRun a, long stepA, DynamicsRun b, long stepB, int top, boolean figures,
            PrintWriter out, Path dir) {
        StateBatch states = StateBatch.of(a.newest().world());
        InspectableNetwork na = a.network(stepA);
        InspectableNetwork nb = b.network(stepB);
        ActivationAtlas atlasA = ActivationAtlas.record(na, states);
        ActivationAtlas atlasB = ActivationAtlas.record(nb, states);
        PolicyTable ta = PolicyTable.of(atlasA);
        PolicyTable tb = PolicyTable.of(atlasB);
        PolicyComparison c = PolicyComparison.of(ta, tb);
        List<LayerDistance> layers = ParameterDistance.perLayer(na, nb);
        double gamma = a.experiment().agent().discount().orElse(1.0);
        List<NeuronChange> neurons = NeuronDrift.of(atlasA, atlasB, ExactConcepts.builtIn(states, gamma));
        String la = a.label() + "@" + stepA;
        String lb = b.label() + "@" + stepB;

        JsonObject root = new JsonObject();
        root.add("a", side(a, stepA));
        root.add("b", side(b, stepB));
        root.addProperty("env", states.world().spec().id());
        root.addProperty("states", states.size());
        root.addProperty("policyKind", ta.qNetwork() ? "greedy (Q-network)" : "softmax");
        root.add("parameters", ComparisonJson.layers(layers));
        root.add("policy", ComparisonJson.policy(c));
        root.add("topPolicyChanges", states(states, ta, tb, c, c.topPolicyChanges(top)));
        root.add("topValueChanges", states(states, ta, tb, c, c.topValueChanges(top)));
        JsonObject n = new JsonObject();
        n.addProperty("neurons", neurons.size());
        n.addProperty("conceptChanged", neurons.stream().filter(NeuronChange::conceptChanged).count());
        n.addProperty("ablation", "mean");
        n.add("byEffect", neuronRows(NeuronDrift.byEffect(neurons), top));
        n.add("byDescription", neuronRows(NeuronDrift.byDescription(neurons), top));
        root.add("neurons", n);

        out.printf(Locale.ROOT, "lantern diff: %s -> %s on %s, %d states%n", la, lb, states.world().spec().id(),
                states.size());
        for (LayerDistance d : layers) {
            out.printf(Locale.ROOT, "  %-14s L2 %.4g  relative %.4f  max |d| %.4g  (%,d parameters)%n", d.layer(),
                    d.l2(), d.relative(), d.maxAbs(), d.parameters());
        }
        out.printf(Locale.ROOT, "  policy: greedy action changed in %d of %d decision states (agreement %.4f), TV %.4f, "
                + "KL(a||b) %s, KL(b||a) %s, mean |dV| %.4f (max %.4f)%n", c.disagreements(), c.decisionStates(),
                c.agreement(), c.totalVariation(), num(c.klForward()), num(c.klBackward()), c.meanAbsValue(),
                c.maxAbsValue());
        for (int s : c.topValueChanges(Math.min(top, 5))) {
            out.printf(Locale.ROOT, "    value %s: %.4f -> %.4f, greedy %s -> %s%n", label(states, s), ta.value(s),
                    tb.value(s), ACTIONS[ta.greedy(s)], ACTIONS[tb.greedy(s)]);
        }
        out.printf(Locale.ROOT, "  neurons: %d of %d changed their top concept; largest ablation-effect change:%n",
                neurons.stream().filter(NeuronChange::conceptChanged).count(), neurons.size());
        for (NeuronChange ch : NeuronDrift.byEffect(neurons).subList(0, Math.min(Math.min(top, 5), neurons.size()))) {
            out.printf(Locale.ROOT, "    %s #%d: ablation KL %s -> %s, greedy changed %.3f -> %.3f; %s (r %s) -> %s "
                    + "(r %s)%n", ch.site(), ch.neuron(), num(ch.ablationKlA()), num(ch.ablationKlB()),
                    ch.greedyChangedA(), ch.greedyChangedB(), ch.conceptA(), num(ch.rA()), ch.conceptB(),
                    num(ch.rB()));
        }

        Figures fig = new Figures();
        if (figures) {
            fig.image("diff-policy", GridPictures.agreement(states, c, String.format(Locale.ROOT,
                    "Greedy actions, %s vs %s: %d of %d changed", la, lb, c.disagreements(), c.decisionStates()),
                    la, lb));
            fig.image("diff-value", GridPictures.valueChange(states, c, String.format(Locale.ROOT,
                    "V(%s) - V(%s): mean |dV| %.4f, max %.4f", lb, la, c.meanAbsValue(), c.maxAbsValue())));
            DiffCharts.parameters(fig, layers, la, lb);
            DiffCharts.neurons(fig, NeuronDrift.byEffect(neurons), top, la, lb);
        }
        try {
            Files.createDirectories(dir);
        } catch (IOException ex) {
            throw new UncheckedIOException(dir + ": cannot create (" + ex.getMessage() + ")", ex);
        }
        List<Path> written = new ArrayList<>(figures ? fig.writeAll(dir) : List.of());
        Path file = dir.resolve(FILE);
        AtomicFiles.writeString(file, RunDirectory.GSON.toJson(root) + "\n");
        written.add(file);
        return written;
    }

    private static JsonObject side(DynamicsRun run, long step) {
        JsonObject o = new JsonObject();
        o.addProperty("run", run.dir().toString());
        o.addProperty("step", step);
        return o;
    }

    private static JsonArray states(StateBatch states, PolicyTable ta, PolicyTable tb, PolicyComparison c,
            int[] which) {
        JsonArray rows = new JsonArray();
        double[] tv = c.stateTv();
        double[] kl = c.stateKl();
        for (int s : which) {
            JsonObject o = new JsonObject();
            o.addProperty("state", s);
            o.addProperty("label", label(states, s));
            o.addProperty("greedyA", ACTIONS[ta.greedy(s)]);
            o.addProperty("greedyB", ACTIONS[tb.greedy(s)]);
            o.addProperty("totalVariation", tv[s]);
            o.addProperty("klSymmetric", kl[s]);
            o.addProperty("valueA", ta.value(s));
            o.addProperty("valueB", tb.value(s));
            o.addProperty("valueChange", tb.value(s) - ta.value(s));
            rows.add(o);
        }
        return rows;
    }

    private static JsonArray neuronRows(List<NeuronChange> ranked, int top) {
        JsonArray rows = new JsonArray();
        for (NeuronChange ch : ranked.subList(0, Math.min(top, ranked.size()))) {
            JsonObject o = new JsonObject();
            o.addProperty("site", ch.site());
            o.addProperty("neuron", ch.neuron());
            o.addProperty("conceptA", ch.conceptA());
            o.addProperty("rA", ch.rA());
            o.addProperty("conceptB", ch.conceptB());
            o.addProperty("rB", ch.rB());
            o.addProperty("conceptChanged", ch.conceptChanged());
            o.addProperty("ablationKlA", ch.ablationKlA());
            o.addProperty("ablationKlB", ch.ablationKlB());
            o.addProperty("greedyChangedA", ch.greedyChangedA());
            o.addProperty("greedyChangedB", ch.greedyChangedB());
            o.addProperty("effectChange", ch.effectChange());
            o.addProperty("descriptionChange", ch.descriptionChange());
            rows.add(o);
        }
        return rows;
    }

    /** {@code (r,c)}, with {@code key} when the state holds one. */
    static String label(StateBatch states, int s) {
        GridState g = states.state(s);
        return "(" + g.row() + "," + g.col() + ")" + (states.world().map().keyCount() > 0
                ? g.holdsKey() ? " with key" : " no key" : "");
    }

    private static String num(double v) {
        return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%.4g", v);
    }
}
