package dev.lantern.analysis.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/** One metric over several settings: hand values, pair symmetry, seeds independent of the settings' order. */
class SeedComparisonTest {

    private static final ScoreMatrix A = ScoreMatrix.ofRuns(0.2, 0.6, 0.8, 1.0, 1.0);
    private static final ScoreMatrix B = ScoreMatrix.ofRuns(0.1, 0.2, 0.6, 0.6);

    @Test
    void estimatesAndImprovementsMatchHandValues() {
        SeedComparison.Result r = compare(List.of(sample("a", A), sample("b", B)));
        SeedComparison.SettingEstimates a = r.settings().get(0);
        assertEquals(5, a.runs());
        // n = 5: 1 cut each side: 0.6 0.8 1.0
        assertEquals(0.8, a.estimates().get(Estimator.IQM).point(), 1e-12);
        assertEquals(0.72, a.estimates().get(Estimator.MEAN).point(), 1e-12);
        assertEquals(0.28, a.estimates().get(Estimator.OPTIMALITY_GAP).point(), 1e-12);
        // U(a, b): 0.2 -> 1 + 0.5; 0.6 -> 2 + 1; 0.8, 1.0, 1.0 -> 4 each: 16.5 of 20
        SeedComparison.Improvement ab = r.improvements().get(0);
        assertEquals("a", ab.x());
        assertEquals(16.5 / 20, ab.probability().point(), 1e-12);
        assertEquals(1, r.improvements().size());
    }

    @Test
    void anIntervalDependsOnItsSettingNotOnTheOthers() {
        SeedComparison.Result ab = compare(List.of(sample("a", A), sample("b", B)));
        SeedComparison.Result ba = compare(List.of(sample("b", B), sample("a", A)));
        assertEquals(ab.settings().get(0).estimates(), ba.settings().get(1).estimates());
        assertArrayEquals(ab.settings().get(0).profile().fractions(), ba.settings().get(1).profile().fractions());
        Interval abPoint = ab.improvements().get(0).probability();
        Interval baPoint = ba.improvements().get(0).probability();
        assertEquals(1, abPoint.point() + baPoint.point(), 1e-12);
    }

    @Test
    void lowerIsBetterSwapsTheImprovement() {
        SeedComparison.Result r = SeedComparison.compare("steps", Direction.LOWER_IS_BETTER,
                List.of(sample("a", A), sample("b", B)), Estimator.locations(), new double[] {0, 1},
                new BootstrapOptions(1, 500, 200, 0.95));
        assertEquals(1 - 16.5 / 20, r.improvements().get(0).probability().point(), 1e-12);
        assertEquals(List.of(Estimator.IQM, Estimator.MEDIAN, Estimator.MEAN),
                List.copyOf(r.settings().get(0).estimates().keySet()));
    }

    @Test
    void duplicateLabelsAreRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> compare(List.of(sample("a", A), sample("a", B))));
        assertEquals("two samples are labelled 'a'", e.getMessage());
    }

    private static SeedComparison.Sample sample(String label, ScoreMatrix m) {
        return new SeedComparison.Sample(label, m, m);
    }

    private static SeedComparison.Result compare(List<SeedComparison.Sample> samples) {
        return SeedComparison.compare("return", Direction.HIGHER_IS_BETTER, samples, List.of(Estimator.values()),
                PerformanceProfile.grid(0, 1, 5), new BootstrapOptions(11, 2_000, 500, 0.95));
    }
}
