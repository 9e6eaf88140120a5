package dev.lantern.app.analyze;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.lantern.agents.api.Site;
import dev.lantern.analysis.circuits.GreedyOutcome;
import dev.lantern.analysis.circuits.NeuronAblation;
import dev.lantern.analysis.circuits.Steering;
import dev.lantern.analysis.circuits.SteeringEffect;
import dev.lantern.analysis.circuits.SteeringVector;
import dev.lantern.environments.grid.map.Cell;
import dev.lantern.environments.grid.map.GridMap;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * {@code steering}: at each hidden layer, the steering vector {@link SteeringVector#defaultFor} (with a key minus
 * without where the map has keys, else the right half of the map minus the left half) added with each of
 * {@link #COEFFICIENTS}: per coefficient the policy KL, the fraction of greedy actions changed, mean |dV| and the
 * greedy outcome from the start with its path. Figures: {@code steering} (greedy changed and return from the start
 * against the coefficient, last hidden layer) and {@code steering-path} (the path from the start at the coefficient
 * that changes the most greedy actions there, each cell numbered by the step it is first reached).
 */
public final class SteeringSection implements ReportSection {

    /** The coefficients swept. */
    static final double[] COEFFICIENTS = {-2, -1, 0, 1, 2};

    @Override
    public String member() {
        return "steering";
    }

    @Override
    public JsonElement write(AnalysisContext context) {
        Steering steering = new Steering(context.atlas());
        JsonArray layers = new JsonArray();
        List<Site> hidden = new NeuronAblation(context.atlas()).hiddenLayers();
        List<SteeringEffect> last = List.of();
        for (Site site : hidden) {
            JsonObject o = new JsonObject();
            o.addProperty("site", site.name());
            SteeringVector v;
            try {
                v = SteeringVector.defaultFor(context.atlas(), site.name());
            } catch (IllegalArgumentException e) {
                o.addProperty("undefined", e.getMessage()); // one of the two state sets is empty on this map
                layers.add(o);
                context.out().printf(Locale.ROOT, "  steering %s: undefined (%s)%n", site.name(), e.getMessage());
                continue;
            }
            List<SteeringEffect> sweep = steering.sweep(v, COEFFICIENTS);
            o.addProperty("sets", v.description());
            o.addProperty("towardStates", v.towardCount());
            o.addProperty("awayStates", v.awayCount());
            o.addProperty("norm", v.norm());
            JsonArray rows = new JsonArray();
            for (SteeringEffect e : sweep) {
                JsonObject r = new JsonObject();
                r.addProperty("coefficient", e.coefficient());
                r.addProperty("policyKl", e.policyKl());
                r.addProperty("greedyChanged", e.greedyChanged());
                r.addProperty("meanAbsValue", e.meanAbsValue());
                r.add("greedy", outcome(e.outcome()));
                rows.add(r);
                context.out().printf(Locale.ROOT, "  steering %s + %+.1f x (%s, |v| %.3g): greedy changed %.1f%%, "
                        + "KL %.4g, return from the start %.4f, success %.3f%s%n", site.name(), e.coefficient(),
                        v.description(), v.norm(), 100 * e.greedyChanged(), e.policyKl(),
                        e.outcome().expectedReturn(), e.outcome().success(), e.outcome().hiddenPerformance()
                                ? String.format(Locale.ROOT, ", hidden performance %.4f", e.outcome().performance())
                                : "");
            }
            o.add("coefficients", rows);
            layers.add(o);
            last = sweep;
        }
        if (!last.isEmpty()) {
            figures(context, hidden.get(hidden.size() - 1).name(), last);
        }
        return layers;
    }

    /** A greedy outcome as JSON: {@code return}, {@code success}, {@code performance}, {@code hiddenPerformance}, {@code path}. */
    static JsonObject outcome(GreedyOutcome g) {
        JsonObject o = new JsonObject();
        o.addProperty("return", g.expectedReturn());
        o.addProperty("success", g.success());
        o.addProperty("performance", g.performance());
        o.addProperty("hiddenPerformance", g.hiddenPerformance());
        JsonArray path = new JsonArray();
        for (Cell c : g.path()) {
            JsonArray rc = new JsonArray();
            rc.add(c.row());
            rc.add(c.col());
            path.add(rc);
        }
        o.add("path", path);
        return o;
    }

    private static void figures(AnalysisContext context, String site, List<SteeringEffect> sweep) {
        XYSeries changed = new XYSeries("greedy actions changed (fraction)");
        XYSeries ret = new XYSeries("greedy return from the start");
        SteeringEffect most = sweep.get(0);
        for (SteeringEffect e : sweep) {
            changed.add(e.coefficient(), e.greedyChanged());
            ret.add(e.coefficient(), e.outcome().expectedReturn());
            if (e.greedyChanged() > most.greedyChanged()) {
                most = e;
            }
        }
        XYSeriesCollection data = new XYSeriesCollection();
        data.addSeries(changed);
        data.addSeries(ret);
        JFreeChart chart = ChartFactory.createXYLineChart("Steering " + site + " along " + sweep.get(0).description(),
                "coefficient", "fraction / return", data, PlotOrientation.VERTICAL, true, false, false);
        context.figures().chart("steering", ReportCharts.style(chart), 760, 420);
        GridMap map = context.world().map();
        double[] steps = new double[map.height() * map.width()];
        Arrays.fill(steps, Double.NaN);
        List<Cell> path = most.outcome().path();
        for (int i = path.size() - 1; i >= 0; i--) {
            steps[path.get(i).row() * map.width() + path.get(i).col()] = i; // the first visit wins
        }
        context.figures().image("steering-path", GridHeatmap.render(map, steps, String.format(Locale.ROOT,
                "Greedy path, %s %+.1f x steering (step first reached)", site, most.coefficient()),
                GridHeatmap.Scale.SEQUENTIAL, 36));
    }
}
