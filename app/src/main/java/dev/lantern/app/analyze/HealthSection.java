package dev.lantern.app.analyze;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.lantern.analysis.circuits.NeuronHealth;
import java.awt.Color;
import java.util.Locale;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * {@code layerHealth}: per layer, the dead and saturated neurons over every state ({@link NeuronHealth}), and the
 * figure {@code layer-health}: live, dead and saturated neurons per layer as stacked bars.
 */
public final class HealthSection implements ReportSection {

    @Override
    public String member() {
        return "layerHealth";
    }

    @Override
    public JsonElement write(AnalysisContext context) {
        JsonArray health = new JsonArray();
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (NeuronHealth h : context.atlas().layerHealth()) {
            JsonObject o = new JsonObject();
            o.addProperty("site", h.site());
            o.addProperty("width", h.width());
            o.add("dead", Json.ints(h.dead()));
            o.add("saturated", Json.ints(h.saturated()));
            health.add(o);
            context.out().printf(Locale.ROOT, "  layer %-16s %3d neurons, %d dead, %d saturated%n", h.site(),
                    h.width(), h.deadCount(), h.saturatedCount());
            data.addValue(h.width() - h.deadCount() - h.saturatedCount(), "live", h.site());
            data.addValue(h.deadCount(), "dead (|a| < 1e-3 on every state)", h.site());
            data.addValue(h.saturatedCount(), "saturated (|a| > 0.99 on 95% of states)", h.site());
        }
        JFreeChart chart = ChartFactory.createStackedBarChart("Neurons per layer over all "
                + context.states().size() + " states", "layer", "neurons", data, PlotOrientation.VERTICAL, true,
                false, false);
        BarRenderer bars = (BarRenderer) chart.getCategoryPlot().getRenderer();
        bars.setBarPainter(new StandardBarPainter());
        bars.setShadowVisible(false);
        bars.setSeriesPaint(0, new Color(0x91bfdb));
        bars.setSeriesPaint(1, new Color(0x4d4d4d));
        bars.setSeriesPaint(2, new Color(0xfc8d59));
        context.figures().chart("layer-health", ReportCharts.style(chart), 720, 420);
        return health;
    }
}
