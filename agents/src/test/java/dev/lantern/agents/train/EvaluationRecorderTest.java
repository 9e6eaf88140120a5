package dev.lantern.agents.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lantern.agents.api.ParameterLayout;
import dev.lantern.agents.api.PolicyValueView;
import dev.lantern.agents.run.state.StateReader;
import dev.lantern.agents.run.state.StateWriter;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The periodic greedy evaluation ({@link EvaluationRecorder}) on an agent that counts ten environment steps an
 * iteration, with a scripted evaluator: which steps are evaluated, that the final evaluation repeats none, the one
 * {@code eval/first_solved_step}, the stop when solved, and that its checkpoint state continues a run exactly.
 */
class EvaluationRecorderTest {

    /** Unsolved (half the episodes at the goal), then solved from the second evaluation on. */
    private static final List<Map<String, Double>> SCRIPT = List.of(eval(0.5, 0.5), eval(1.0, 0.78), eval(1.0, 0.8));

    /** One evaluation's metrics against an optimum of 0.8 (0.95 x 0.8 = 0.76). */
    private static Map<String, Double> eval(double success, double ret) {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("eval/return", ret);
        m.put("eval/success_rate", success);
        m.put("eval/optimal_return", 0.8);
        return m;
    }

    /** Returns SCRIPT's entries in turn (the last one again once they run out) and counts its calls. */
    private static final class Scripted implements FinalEvaluation {
        int calls;

        @Override
        public Map<String, Double> evaluate(PolicyValueView snapshot) {
            return SCRIPT.get(Math.min(calls++, SCRIPT.size() - 1));
        }
    }

    private record Line(long step, String name, double value) {
    }

    private static final class Lines implements MetricSink {
        final List<Line> lines = new ArrayList<>();

        @Override
        public void scalar(long step, String name, double value) {
            lines.add(new Line(step, name, value));
        }

        List<Long> stepsOf(String name) {
            return lines.stream().filter(l -> l.name().equals(name)).map(Line::step).toList();
        }
    }

    private static final class Viewed extends IdleAgent {
        @Override
        public PolicyValueView snapshot() {
            return null; // the scripted evaluator looks at nothing
        }
    }

    /** Keeps the manifest entries the recorders add. */
    private static final class Notes implements Recorder {
        Map<String, Object> manifest;

        @Override
        public void runStarted(RunContext run) {
            manifest = run.manifest();
        }
    }

    private static RunOutcome train(Scripted evaluator, Lines lines, Notes notes, long every, boolean stop) {
        return Trainer.builder(new Viewed(), new TrainerSettings(100, 0, 0, every, stop)).evaluator(evaluator)
                .tap(lines).recorder(notes).build().run();
    }

    @Test
    void evaluatesAfterEachIterationPassingAMultipleAndTheFinalEvaluationRepeatsNone() {
        Scripted evaluator = new Scripted();
        Lines lines = new Lines();
        Notes notes = new Notes();
        RunOutcome outcome = train(evaluator, lines, notes, 25, false);
        // iterations end at 10, 20, ..., 100: those passing 25, 50, 75 and 100 are evaluated; the final one is 100's
        assertEquals(List.of(30L, 50L, 80L, 100L), lines.stepsOf("eval/return"));
        assertEquals(4, evaluator.calls);
        assertEquals(List.of(50L), lines.stepsOf(EvaluationRecorder.FIRST_SOLVED_STEP));
        assertEquals(List.of(50L), lines.stepsOf(EvaluationRecorder.FIRST_SOLVED_SECONDS));
        assertEquals(50.0, lines.lines.stream().filter(l -> l.name().equals(EvaluationRecorder.FIRST_SOLVED_STEP))
                .findFirst().orElseThrow().value());
        assertEquals("completed", outcome.status());
        assertEquals(100, outcome.envSteps());
        assertEquals(50.0, outcome.evaluation().get(EvaluationRecorder.FIRST_SOLVED_STEP));
        assertEquals(0.8, outcome.evaluation().get("eval/return"));
        @SuppressWarnings("unchecked")
        Map<String, Object> evaluation = (Map<String, Object>) notes.manifest.get("evaluation");
        assertEquals(4L, evaluation.get("evaluations"));
        assertEquals(50L, evaluation.get("firstSolvedStep"));
        assertEquals(false, evaluation.get("stoppedWhenSolved"));
    }

    @Test
    void stopWhenSolvedEndsTheRunAsCompletedAtTheFirstSolvingEvaluation() {
        Scripted evaluator = new Scripted();
        Lines lines = new Lines();
        Notes notes = new Notes();
        RunOutcome outcome = train(evaluator, lines, notes, 25, true);
        assertEquals("completed", outcome.status());
        assertEquals(50, outcome.envSteps());
        assertEquals(List.of(30L, 50L), lines.stepsOf("eval/return"));
        assertEquals(2, evaluator.calls, "the final evaluation is the solving one");
        assertEquals(List.of(50L), lines.stepsOf(EvaluationRecorder.FIRST_SOLVED_STEP));
        @SuppressWarnings("unchecked")
        Map<String, Object> evaluation = (Map<String, Object>) notes.manifest.get("evaluation");
        assertEquals(true, evaluation.get("stoppedWhenSolved"));
    }

    @Test
    void intervalZeroEvaluatesOnlyAtTheEndAndAFinalSolveCounts() {
        Scripted evaluator = new Scripted();
        evaluator.calls = 1; // the script's first solving entry
        Lines lines = new Lines();
        RunOutcome outcome = train(evaluator, lines, new Notes(), 0, false);
        assertEquals(List.of(100L), lines.stepsOf("eval/return"));
        assertEquals(List.of(100L), lines.stepsOf(EvaluationRecorder.FIRST_SOLVED_STEP));
        assertEquals(100.0, outcome.evaluation().get(EvaluationRecorder.FIRST_SOLVED_STEP));
    }

    @Test
    void aRecorderRestoredFromItsStateWritesWhatTheUninterruptedOneWrites() {
        TrainerSettings settings = new TrainerSettings(100, 0, 0, 25, false);
        Lines whole = new Lines();
        EvaluationRecorder a = started(new EvaluationRecorder(new Scripted(), settings, () -> 1.0), whole);
        Lines resumed = new Lines();
        Scripted continued = new Scripted();
        EvaluationRecorder b = null;
        for (long step = 10; step <= 100; step += 10) {
            a.iterationEnded(step / 10, step);
            if (step == 50) { // a checkpoint here; the run is killed, resumed in a new recorder from the state
                byte[] state = save(a);
                continued.calls = 2; // the evaluator is stateless; the script stands in for the trained policy
                b = started(new EvaluationRecorder(continued, settings, () -> 1.0), resumed);
                try (StateReader in = new StateReader(new ByteArrayInputStream(state), "test")) {
                    b.restoreState(in);
                }
                resumed.lines.addAll(whole.lines); // what metrics.jsonl held at the checkpoint
            } else if (b != null) {
                b.iterationEnded(step / 10, step);
            }
        }
        assertEquals(a.finalEvaluation(100), b.finalEvaluation(100));
        assertEquals(whole.lines, resumed.lines);
        assertEquals(List.of(50L), resumed.stepsOf(EvaluationRecorder.FIRST_SOLVED_STEP), "solved once, before the kill");
    }

    @Test
    void aResumeFromTheSolvingCheckpointRepeatsNoEvaluationAndStops() {
        TrainerSettings settings = new TrainerSettings(100, 0, 0, 25, true);
        EvaluationRecorder a = started(new EvaluationRecorder(new Scripted(), settings, () -> 1.0), new Lines());
        a.iterationEnded(3, 30);
        a.iterationEnded(5, 50);
        assertTrue(a.stopsTraining());
        Scripted never = new Scripted();
        Lines resumed = new Lines();
        EvaluationRecorder b = started(new EvaluationRecorder(never, settings, () -> 1.0), resumed);
        assertFalse(b.stopsTraining());
        try (StateReader in = new StateReader(new ByteArrayInputStream(save(a)), "test")) {
            b.restoreState(in);
        }
        assertTrue(b.stopsTraining());
        assertEquals(a.finalEvaluation(50), b.finalEvaluation(50));
        assertEquals(0, never.calls);
        assertEquals(List.of(), resumed.lines);
    }

    private static EvaluationRecorder started(EvaluationRecorder r, MetricSink sink) {
        r.runStarted(new RunContext(new ParameterLayout(List.of()), null, sink, new LinkedHashMap<>(), () -> null,
                null));
        return r;
    }

    private static byte[] save(EvaluationRecorder r) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (StateWriter out = new StateWriter(bytes)) {
            r.saveState(out);
        }
        return bytes.toByteArray();
    }
}
