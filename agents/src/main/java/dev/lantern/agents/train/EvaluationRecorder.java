package dev.lantern.agents.train;

import dev.lantern.agents.run.state.StateReader;
import dev.lantern.agents.run.state.StateWriter;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.DoubleSupplier;

/**
 * The run's greedy evaluations: one after the iteration that passes each multiple of
 * {@link TrainerSettings#evalEveryEnvSteps()} and the final one, all through the same {@link FinalEvaluation} on a
 * fresh snapshot, so the {@code eval/*} metrics at every step are the same quantity (the evaluator's episodes and
 * opponents are seeded from the run's {@code eval} stream alone, the same at every evaluation). It only reads
 * snapshots: training goes exactly as it would without it.
 *
 * <p>The first evaluation that {@link SolveCriterion solves} the world also writes {@code eval/first_solved_step}
 * (its env step) and the wall-clock {@code time/first_solved_seconds} (seconds of training so far, earlier segments of
 * a resumed run included) at that step; with {@link TrainerSettings#stopWhenSolved()} the loop then stops. The final
 * evaluation at a step already evaluated (the budget or the stop fell on an evaluation) repeats nothing: it returns
 * that evaluation's metrics. The manifest's {@code recorders.evaluation} keeps the interval, the number of evaluations,
 * the wall-clock seconds they took and, once solved, {@code firstSolvedStep}, {@code firstSolvedSeconds} and whether the run stopped on it.
 *
 * <p>Its state (steps seen and evaluated, the last evaluation, the first solve) goes into every checkpoint, so a
 * resumed run evaluates at the same steps and writes the same lines as one never stopped. It must hear of an
 * iteration's end before the checkpoint recorder does, so that a checkpoint holds its evaluation.
 */
final class EvaluationRecorder implements Recorder {

    /** The metric written once, at the first solving evaluation: its env step. */
    static final String FIRST_SOLVED_STEP = "eval/first_solved_step";
    /** Beside it: wall-clock seconds of training until then. */
    static final String FIRST_SOLVED_SECONDS = "time/first_solved_seconds";

    private final FinalEvaluation evaluator;
    private final TrainerSettings settings;
    private final DoubleSupplier clock;
    private final Map<String, Object> notes = new LinkedHashMap<>();
    private RunContext run;
    private long lastIterationStep;
    private long lastEvaluatedStep = -1;
    private Map<String, Double> lastEvaluation = Map.of();
    private long evaluations;
    private long firstSolvedStep = -1;
    private double firstSolvedSeconds = Double.NaN;
    private boolean stoppedWhenSolved;
    private double seconds;

    /**
     * @param evaluator what measures a snapshot
     * @param settings  the interval ({@code evalEveryEnvSteps}, 0 = the final evaluation only), the budget and
     *                  {@code stopWhenSolved}
     * @param clock     seconds of training so far (all segments of a resumed run)
     */
    EvaluationRecorder(FinalEvaluation evaluator, TrainerSettings settings, DoubleSupplier clock) {
        this.evaluator = evaluator;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public void runStarted(RunContext context) {
        this.run = context;
        context.manifest().put("evaluation", notes);
        updateNotes();
    }

    @Override
    public void iterationEnded(long iteration, long envStep) {
        long every = settings.evalEveryEnvSteps();
        if (every > 0 && envStep / every > lastIterationStep / every) {
            evaluateAt(envStep);
        }
        lastIterationStep = envStep;
    }

    @Override
    public void loopEnded(boolean completed) {
        stoppedWhenSolved = stopsTraining() && lastIterationStep < settings.totalEnvSteps();
        updateNotes();
    }

    /** True once an evaluation solved the world and the settings say to stop then. */
    boolean stopsTraining() {
        return settings.stopWhenSolved() && firstSolvedStep >= 0;
    }

    /**
     * The final evaluation at {@code envStep}: evaluated and written as any other (or the evaluation already made at
     * that step), returned with {@code eval/first_solved_step} added when the run solved at any evaluation.
     */
    Map<String, Double> finalEvaluation(long envStep) {
        Map<String, Double> m = new LinkedHashMap<>(evaluateAt(envStep));
        if (firstSolvedStep >= 0) {
            m.put(FIRST_SOLVED_STEP, (double) firstSolvedStep);
        }
        return Collections.unmodifiableMap(m);
    }

    /** Evaluates a snapshot and writes its metrics at {@code envStep}, unless that step was evaluated already. */
    private Map<String, Double> evaluateAt(long envStep) {
        if (envStep == lastEvaluatedStep) {
            return lastEvaluation;
        }
        long start = System.nanoTime();
        Map<String, Double> m = evaluator.evaluate(run.snapshot().get());
        seconds += (System.nanoTime() - start) / 1e9;
        for (Map.Entry<String, Double> e : m.entrySet()) {
            run.metrics().scalar(envStep, e.getKey(), e.getValue());
        }
        evaluations++;
        lastEvaluatedStep = envStep;
        lastEvaluation = Collections.unmodifiableMap(new LinkedHashMap<>(m));
        if (firstSolvedStep < 0 && SolveCriterion.solves(m)) {
            firstSolvedStep = envStep;
            firstSolvedSeconds = clock.getAsDouble();
            run.metrics().scalar(envStep, FIRST_SOLVED_STEP, envStep);
            run.metrics().scalar(envStep, FIRST_SOLVED_SECONDS, firstSolvedSeconds);
        }
        updateNotes();
        return lastEvaluation;
    }

    private void updateNotes() {
        notes.put("everyEnvSteps", settings.evalEveryEnvSteps());
        notes.put("evaluations", evaluations);
        notes.put("seconds", seconds);
        notes.put("stopWhenSolved", settings.stopWhenSolved());
        if (firstSolvedStep >= 0) {
            notes.put("firstSolvedStep", firstSolvedStep);
            notes.put("firstSolvedSeconds", firstSolvedSeconds);
            notes.put("stoppedWhenSolved", stoppedWhenSolved);
        }
    }

    /** {@inheritDoc} Always: the steps seen and evaluated, the last evaluation and the first solve. */
    @Override
    public boolean hasState() {
        return true;
    }

    @Override
    public void saveState(StateWriter out) {
        out.section("evaluation");
        out.writeLong(lastIterationStep);
        out.writeLong(lastEvaluatedStep);
        out.writeLong(evaluations);
        out.writeLong(firstSolvedStep);
        out.writeDouble(firstSolvedSeconds);
        out.writeDouble(seconds);
        out.writeInt(lastEvaluation.size());
        for (Map.Entry<String, Double> e : lastEvaluation.entrySet()) {
            out.writeString(e.getKey());
            out.writeDouble(e.getValue());
        }
    }

    @Override
    public void restoreState(StateReader in) {
        in.section("evaluation");
        lastIterationStep = in.readLong();
        lastEvaluatedStep = in.readLong();
        evaluations = in.readLong();
        firstSolvedStep = in.readLong();
        firstSolvedSeconds = in.readDouble();
        seconds = in.readDouble();
        int n = in.readInt();
        if (n < 0) {
            throw in.fail("negative number of evaluation metrics: " + n);
        }
        Map<String, Double> m = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            m.put(in.readString(), in.readDouble());
        }
        lastEvaluation = Collections.unmodifiableMap(m);
        updateNotes();
    }
}
