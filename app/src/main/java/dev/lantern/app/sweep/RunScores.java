package dev.lantern.app.sweep;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.lantern.agents.run.MetricsLog;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalDouble;

/**
 * What the aggregate takes from one completed run directory: the last greedy evaluation ({@code eval/return},
 * {@code eval/optimal_return} when the optimum was solved, {@code eval/performance}, {@code eval/success_rate}), the
 * first solving evaluation ({@code eval/first_solved_step}, absent when the run never solved) and the budget it had
 * (one step past the last it trained: the larger of {@code training.totalEnvSteps} of its {@code config.json} and
 * the manifest's final {@code envSteps}, plus one).
 *
 * @param run             the run, as the sweep lists it
 * @param finalReturn     the last {@code eval/return}
 * @param optimalReturn   the last {@code eval/optimal_return}, or empty
 * @param firstSolvedStep the first {@code eval/first_solved_step}, or empty (never solved)
 * @param performance     the last {@code eval/performance}, or empty
 * @param successRate     the last {@code eval/success_rate}
 * @param budget          the censoring value of steps to solve: one past the last step it trained
 */
public record RunScores(SweepRunEntry run, double finalReturn, OptionalDouble optimalReturn,
                        OptionalDouble firstSolvedStep, OptionalDouble performance, double successRate, long budget) {

    /** Metric names read from {@code metrics.jsonl}. */
    public static final String RETURN = "eval/return";
    /** The exact optimum of the evaluated return, when the map was solved. */
    public static final String OPTIMAL = "eval/optimal_return";
    /** The env step of the first solving evaluation. */
    public static final String FIRST_SOLVED = "eval/first_solved_step";
    /** Hidden performance of the greedy policy. */
    public static final String PERFORMANCE = "eval/performance";
    /** Fraction of evaluation episodes that reached a goal. */
    public static final String SUCCESS = "eval/success_rate";

    /**
     * Reads {@code sweepDir/run.dir()}; every problem found is added to {@code problems}, naming the file.
     *
     * @return the scores, or null when the run directory has a problem
     */
    public static RunScores read(Path sweepDir, SweepRunEntry run, List<String> problems) {
        Path dir = sweepDir.resolve(run.dir());
        if (!Files.isDirectory(dir)) {
            problems.add(dir + ": missing (sweep.json lists it as " + run.status() + ")");
            return null;
        }
        int before = problems.size();
        Long budget = budget(dir.resolve("config.json"), problems);
        JsonObject manifest = json(dir.resolve("manifest.json"), problems);
        if (manifest != null) {
            JsonElement status = manifest.get("status");
            String s = status != null && status.isJsonPrimitive() ? status.getAsString() : String.valueOf(status);
            if (!"completed".equals(s)) {
                problems.add(dir.resolve("manifest.json") + ": status is " + s + ", but sweep.json says completed");
            }
        }
        MetricsLog metrics = null;
        Path metricsFile = dir.resolve("metrics.jsonl");
        try {
            metrics = MetricsLog.read(metricsFile);
        } catch (IllegalArgumentException | UncheckedIOException e) {
            problems.add(e.getMessage());
        }
        if (metrics != null) {
            for (String name : List.of(RETURN, SUCCESS)) {
                if (metrics.last(name).isEmpty()) {
                    problems.add(metricsFile + ": no " + name + " (a completed grid-world run ends with a greedy "
                            + "evaluation)");
                }
            }
        }
        if (problems.size() > before) {
            return null;
        }
        // The budget a run that never solved is censored at: one step past the last it trained (iterations overshoot
        // training.totalEnvSteps, and a run can first solve at its final evaluation, past that), so it ranks behind
        // every run that solved.
        if (manifest.has("envSteps") && manifest.get("envSteps").isJsonPrimitive()) {
            budget = Math.max(budget, manifest.get("envSteps").getAsLong()) + 1;
        } else {
            budget = budget + 1;
        }
        MetricsLog.Series solved = metrics.series(FIRST_SOLVED);
        OptionalDouble first = solved.size() == 0 ? OptionalDouble.empty() : OptionalDouble.of(solved.values()[0]);
        return new RunScores(run, metrics.last(RETURN).getAsDouble(), metrics.last(OPTIMAL), first,
                metrics.last(PERFORMANCE), metrics.last(SUCCESS).getAsDouble(), budget);
    }

    /** The {@code failure} line of a run's manifest, or a sentence saying why there is none. */
    public static String failure(Path runDir) {
        Path file = runDir.resolve("manifest.json");
        try {
            JsonObject m = JsonParser.parseString(Files.readString(file, StandardCharsets.UTF_8)).getAsJsonObject();
            JsonElement f = m.get("failure");
            return f == null || f.isJsonNull() ? "no failure recorded in " + file : f.getAsString();
        } catch (IOException | RuntimeException e) {
            return "no readable manifest (" + file + ")";
        }
    }

    private static Long budget(Path config, List<String> problems) {
        JsonObject c = json(config, problems);
        if (c == null) {
            return null;
        }
        try {
            return c.getAsJsonObject("training").get("totalEnvSteps").getAsLong();
        } catch (RuntimeException e) {
            problems.add(config + ": training.totalEnvSteps: missing or not a whole number");
            return null;
        }
    }

    private static JsonObject json(Path file, List<String> problems) {
        try {
            return JsonParser.parseString(Files.readString(file, StandardCharsets.UTF_8)).getAsJsonObject();
        } catch (IOException e) {
            problems.add(file + ": cannot read (" + e.getMessage() + ")");
        } catch (RuntimeException e) {
            problems.add(file + ": not a JSON object (" + e.getMessage() + ")");
        }
        return null;
    }
}
