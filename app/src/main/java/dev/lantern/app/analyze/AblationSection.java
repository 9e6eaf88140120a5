package dev.lantern.app.analyze;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.lantern.analysis.circuits.AblationEffect;
import dev.lantern.analysis.circuits.AblationKind;
import dev.lantern.analysis.circuits.AblationOutcome;
import dev.lantern.analysis.circuits.GreedyOutcome;
import dev.lantern.analysis.circuits.NeuronAblation;
import java.awt.Color;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * {@code ablation}: per ablation kind (zero, mean, resample), every hidden neuron's effect over the whole state space
 * ({@link NeuronAblation#table}), most effective first, with the value error against V* and V^pi at the agent's
 * discount and the greedy outcome from the start; {@code clean} holds the clean network's numbers. The top
 * {@value #PRINTED} neurons of each kind are printed with their effects, and the figures {@code ablation-<kind>} draw
 * the top {@value #CHARTED} as ranked bars (policy KL, or a Q-network's mean |dV|).
 */
public final class AblationSection implements ReportSection {

    /** Neurons printed per kind. */
    static final int PRINTED = 5;
    /** Neurons drawn per kind. */
    static final int CHARTED = 20;

    @Override
    public String member() {
        return "ablation";
    }

    @Override
    public JsonElement write(AnalysisContext context) {
        OptionalDouble gamma = context.checkpoint().experiment().agent().discount();
        long seed = context.resampleSeed();
        NeuronAblation ablation = context.ablation();
        JsonObject ablations = new JsonObject();
        ablations.add("clean", clean(ablation, gamma, seed, context));
        for (AblationKind kind : AblationKind.values()) {
            String name = kind.name().toLowerCase(Locale.ROOT);
            List<AblationEffect> table = context.ablationTable(kind);
            JsonArray rows = new JsonArray();
            for (AblationEffect a : table) {
                rows.add(row(a));
            }
            ablations.add(name, rows);
            for (AblationEffect a : table.subList(0, Math.min(PRINTED, table.size()))) {
                AblationOutcome o = a.outcome();
                context.out().printf(Locale.ROOT, "  %s ablation %s #%d: policy KL %.4g, greedy changed %.1f%%, "
                        + "|dV| %.4g, d|V-V*| %+.4g, d|V-V^pi| %+.4g, d return %+.4f, d success %+.3f%n", name,
                        a.site(), a.neuron(), a.policyKl(), 100 * a.greedyChanged(), a.meanAbsValue(),
                        o.errorStarChange(), o.errorPiChange(), o.returnChange(), o.successChange());
            }
            chart(context, name, table);
        }
        return ablations;
    }

    private static JsonObject clean(NeuronAblation ablation, OptionalDouble gamma, long seed, AnalysisContext context) {
        JsonObject o = new JsonObject();
        GreedyOutcome g = ablation.cleanOutcome();
        o.addProperty("gamma", gamma.isPresent() ? gamma.getAsDouble() : Double.NaN);
        o.addProperty("resampleSeed", seed);
        o.addProperty("valueErrorStar", ablation.cleanErrorStar());
        o.addProperty("valueErrorPi", ablation.cleanErrorPi());
        ablation.truth().ifPresent(t -> {
            o.addProperty("starStatus", t.starStatus().label());
            o.addProperty("piStatus", t.piStatus().label());
        });
        o.add("greedy", SteeringSection.outcome(g));
        context.out().printf(Locale.ROOT, "  clean network: mean |V-V*| %.4g, mean |V-V^pi| %.4g (gamma %s), greedy "
                + "return from the start %.4f, success %.3f%s%n", ablation.cleanErrorStar(),
                ablation.cleanErrorPi(), gamma.isPresent() ? gamma.getAsDouble() : "none", g.expectedReturn(),
                g.success(), g.hiddenPerformance() ? String.format(Locale.ROOT, ", hidden performance %.4f",
                        g.performance()) : "");
        return o;
    }

    private static JsonObject row(AblationEffect a) {
        JsonObject o = new JsonObject();
        AblationOutcome out = a.outcome();
        o.addProperty("site", a.site());
        o.addProperty("neuron", a.neuron());
        o.addProperty("replacement", a.replacement());
        o.addProperty("policyKl", a.policyKl());
        o.addProperty("greedyChanged", a.greedyChanged());
        o.addProperty("meanAbsValue", a.meanAbsValue());
        o.addProperty("valueErrorStarChange", out.errorStarChange());
        o.addProperty("valueErrorPiChange", out.errorPiChange());
        o.addProperty("returnChange", out.returnChange());
        o.addProperty("successChange", out.successChange());
        o.addProperty("performanceChange", out.performanceChange());
        return o;
    }

    private static void chart(AnalysisContext context, String kind, List<AblationEffect> table) {
        boolean kl = !table.isEmpty() && !Double.isNaN(table.get(0).policyKl());
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (AblationEffect a : table.subList(0, Math.min(CHARTED, table.size()))) {
            data.addValue(kl ? a.policyKl() : a.meanAbsValue(), kl ? "policy KL (nats)" : "mean |dV|",
                    a.site().replace("torso.", "") + "#" + a.neuron());
        }
        JFreeChart chart = ChartFactory.createBarChart("Top " + CHARTED + " neurons, " + kind + " ablation, mean over all "
                + decisionCount(context) + " decision states", "neuron", kl ? "mean KL(pi || pi ablated)" : "mean |dV|", data,
                PlotOrientation.VERTICAL, false, false, false);
        BarRenderer bars = (BarRenderer) chart.getCategoryPlot().getRenderer();
        bars.setBarPainter(new StandardBarPainter());
        bars.setShadowVisible(false);
        bars.setSeriesPaint(0, new Color(0x4575b4));
        chart.getCategoryPlot().getDomainAxis().setCategoryLabelPositions(
                org.jfree.chart.axis.CategoryLabelPositions.UP_45);
        context.figures().chart("ablation-" + kind, ReportCharts.style(chart), 900, 460);
    }

    /** The states the ablation means are over: every decision state (reachable, not terminal). */
    private static int decisionCount(AnalysisContext context) {
        int n = 0;
        for (boolean d : context.states().decisionStates()) {
            n += d ? 1 : 0;
        }
        return n;
    }
}
