package dev.lantern.app.dynamics;

import dev.lantern.analysis.dynamics.LayerDistance;
import dev.lantern.analysis.dynamics.NeuronChange;
import dev.lantern.app.analyze.Figures;
import dev.lantern.app.analyze.PolicyPairGrid;
import dev.lantern.app.analyze.ReportCharts;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.data.category.DefaultCategoryDataset;

/** {@code lantern diff}'s bar charts: the parameter change per layer, and the neurons whose ablation effect moved most. */
final class DiffCharts {

    private DiffCharts() {
    }

    /** Relative L2 change per layer (and over all parameters), the absolute L2 in each category's name. */
    static void parameters(Figures figures, List<LayerDistance> layers, String la, String lb) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (LayerDistance d : layers) {
            data.addValue(d.relative(), "||theta_b - theta_a|| / ||theta_a||",
                    String.format(Locale.ROOT, "%s (L2 %.3g)", d.layer(), d.l2()));
        }
        JFreeChart chart = ChartFactory.createBarChart("Parameter change per layer, " + la + " -> " + lb, "layer",
                "relative L2 change", data, PlotOrientation.VERTICAL, false, false, false);
        ((BarRenderer) ((CategoryPlot) chart.getPlot()).getRenderer()).setSeriesPaint(0, PolicyPairGrid.A);
        slanted(chart);
        figures.chart("diff-parameters", ReportCharts.style(chart), 760, 420);
    }

    /**
     * The {@code top} neurons whose mean-ablation effect changed most: their effect at a and at b side by side (policy
     * KL, or the fraction of greedy actions changed for a Q-network).
     */
    static void neurons(Figures figures, List<NeuronChange> byEffect, int top, String la, String lb) {
        if (byEffect.isEmpty()) {
            return;
        }
        boolean q = Double.isNaN(byEffect.get(0).ablationKlA());
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (NeuronChange c : byEffect.subList(0, Math.min(top, byEffect.size()))) {
            String name = c.site().replace("torso.", "") + " #" + c.neuron() + (c.conceptChanged() ? " *" : "");
            data.addValue(q ? c.greedyChangedA() : c.ablationKlA(), la, name);
            data.addValue(q ? c.greedyChangedB() : c.ablationKlB(), lb, name);
        }
        JFreeChart chart = ChartFactory.createBarChart("Neurons whose mean-ablation effect changed most", "neuron (* = its "
                + "top concept changed)",
                q ? "greedy actions changed by ablation (fraction)" : "policy KL of ablation (nats)", data,
                PlotOrientation.VERTICAL, true, false, false);
        BarRenderer r = (BarRenderer) ((CategoryPlot) chart.getPlot()).getRenderer();
        r.setSeriesPaint(0, PolicyPairGrid.A);
        r.setSeriesPaint(1, PolicyPairGrid.B);
        slanted(chart);
        figures.chart("diff-neurons", ReportCharts.style(chart), 820, 460);
    }

    /** Category labels at 45 degrees, so layer and neuron names are not cut. */
    private static void slanted(JFreeChart chart) {
        ((CategoryPlot) chart.getPlot()).getDomainAxis().setCategoryLabelPositions(CategoryLabelPositions.UP_45);
    }
}
