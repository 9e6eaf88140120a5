/**
 * {@code lantern analyze}'s report: the {@link dev.lantern.app.analyze.ReportSection}s that each compute one member
 * of {@code circuits.json} from one checkpoint (with their printed summary and PNG figures), the
 * {@link dev.lantern.app.analyze.AnalysisContext} they share, and the figure writers ({@link
 * dev.lantern.app.analyze.Figures}, {@link dev.lantern.app.analyze.GridHeatmap}). The analyses themselves live in
 * the analysis module; this package turns them into files a person reads.
 */
package dev.lantern.app.analyze;
