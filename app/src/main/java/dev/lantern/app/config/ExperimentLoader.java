package dev.lantern.app.config;

import com.google.gson.JsonObject;
import dev.lantern.agents.api.AgentConfig;
import dev.lantern.agents.api.AgentKind;
import dev.lantern.agents.api.TrainsOn;
import dev.lantern.agents.registry.Learners;
import dev.lantern.analysis.lca.LcaSettings;
import dev.lantern.environments.api.MapFormatException;
import dev.lantern.environments.api.MapProblem;
import dev.lantern.environments.board.GameRegistry;
import dev.lantern.environments.grid.GridObservation;
import dev.lantern.environments.grid.GridWorld;
import dev.lantern.environments.grid.map.GridMap;
import dev.lantern.environments.grid.map.GridMapParser;
import dev.lantern.environments.registry.EnvRegistry;
import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads an experiment from JSON: every field optional with a documented default, unknown keys, wrong types and
 * out-of-range values reported all at once with their field paths (docs/experiments.md lists every field).
 *
 * <p>Every message names the file it is about: {@code c.json: agent.gamma: must be in [0, 1], got 2.0} for a field,
 * {@code maps/m.txt:3:4: unknown tile 'Q' (...)} for the map file that {@code env.map} names. The map is parsed here,
 * with the fields, so that a map problem and a field problem are reported together.
 */
public final class ExperimentLoader {

    /** The most floats a learner's rollout or replay buffer may hold (1 GiB of observations). */
    public static final long MAX_ROLLOUT_FLOATS = 1L << 28;

    /** An {@code env} section as read: the config, and the parsed map when it names a map file that parses. */
    private record EnvRead(EnvConfig config, GridMap map) {
    }

    private ExperimentLoader() {
    }

    /** The default experiment: PPO on four-rooms with LCA (the same as examples/four-rooms.json). */
    public static Experiment defaults() {
        return parse("<defaults>", "{}", null);
    }

    /**
     * Loads and validates an experiment file; a relative {@code env.map} is resolved against the file's folder.
     *
     * @throws ConfigException listing every problem, each prefixed with the file name
     */
    public static Experiment load(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new ConfigException(List.of(file + ": no such file"));
        } catch (MalformedInputException e) {
            throw new ConfigException(List.of(file + ": not UTF-8 text"));
        } catch (AccessDeniedException e) {
            throw new ConfigException(List.of(file + ": cannot be read (permission denied)"));
        } catch (IOException e) {
            throw new ConfigException(List.of(Files.isDirectory(file) ? file + ": is a directory, not an experiment file"
                    : file + ": cannot be read (" + (e.getMessage() != null ? e.getMessage() : "input/output error")
                            + ")"));
        }
        Path base = file.toAbsolutePath().getParent();
        return parse(file.toString(), text, base);
    }

    /**
     * Parses and validates experiment JSON.
     *
     * @param source  names the text in messages
     * @param json    the text
     * @param baseDir folder that a relative {@code env.map} is resolved against; null = the working directory
     * @throws ConfigException listing every problem: the fields' prefixed with {@code source}, then the map file's
     *                         (named by its own path, with line and column)
     */
    public static Experiment parse(String source, String json, Path baseDir) {
        JsonObject root = JsonText.readObject(source, json);
        List<String> problems = new ArrayList<>();
        List<String> mapProblems = new ArrayList<>();
        JsonFields top = new JsonFields(root, "", problems);
        String name = top.string("name", "experiment");
        long seed = top.integer("seed", 1L);
        int envProblems = problems.size();
        EnvRead envRead = readEnv(top.object("env"), baseDir, problems, mapProblems);
        boolean envValid = problems.size() == envProblems && mapProblems.isEmpty();
        EnvConfig env = envRead.config();
        JsonObject agentJson = top.object("agent");
        JsonFields agentFields = new JsonFields(agentJson, "agent", problems);
        String agentType = agentFields.string("type", Learners.DEFAULT_TYPE);
        AgentConfig agent = AgentConfigs.read(agentFields, agentType, problems);
        agentFields.rejectUnknown();
        TrainingConfig training = readTraining(top.object("training"), problems, TrainingConfig.defaultsFor(agent));
        LcaSettings lca = readLca(top.object("lca"), problems);
        boolean probeGiven = root.get("lca") instanceof JsonObject o && o.has("probeSize");
        if (!probeGiven) {
            lca = Experiment.fitDefaultProbe(lca, agent);
        }
        top.rejectUnknown();

        if (!name.matches("[A-Za-z0-9._-]{1,64}")) {
            problems.add("name: must be 1 to 64 letters, digits, '.', '_' or '-', got \"" + name + "\"");
        }
        agent.validate("agent", problems);
        lca.validate("lca", problems);
        checkPairing(env, agent, problems);
        if (envValid) {
            String memory = memoryProblem(agent, observationSize(env, envRead.map()));
            if (memory != null) {
                problems.add(memory);
            }
        }
        AgentKind<?> kind = Learners.of(agent);
        long probeLimit = agent.probeLimit();
        if (lca.enabled() && probeLimit > 0 && lca.probeSize() > probeLimit) {
            problems.add("lca.probeSize: must be at most the " + probeLimit + " transitions agent '" + agent.type()
                    + "' keeps (" + kind.bufferFields().sizeTerms() + "), got " + lca.probeSize());
        }
        if (!problems.isEmpty() || !mapProblems.isEmpty()) {
            List<String> all = new ArrayList<>(problems.stream().map(p -> source + ": " + p).toList());
            all.addAll(mapProblems);
            throw new ConfigException(all);
        }
        return new Experiment(name, seed, env, agent, training, lca);
    }

    /**
     * Why a learner's rollout or replay buffer would not fit in memory, or null if it fits.
     *
     * @param observationSize floats in one observation of the environment trained on
     * @return e.g. {@code agent.replayCapacity: 10000000 observations of 1200 floats each needs 44.7 GiB; at most
     *         268435456 floats (lower agent.replayCapacity)}, without the file name
     */
    public static String memoryProblem(AgentConfig agent, int observationSize) {
        AgentKind<?> kind = Learners.of(agent);
        long buffered = agent.bufferedObservations();
        long floats = buffered * observationSize;
        if (floats <= MAX_ROLLOUT_FLOATS) {
            return null;
        }
        return String.format(Locale.ROOT, "%s: %s %d observations of %d floats each needs %.1f GiB; at most %d floats"
                + " (lower %s)", kind.bufferFields().field(), kind.bufferFields().noun(), buffered, observationSize,
                floats * 4.0 / (1 << 30), MAX_ROLLOUT_FLOATS, kind.bufferFields().toLower());
    }

    /** Floats in one observation of a valid env section (its map parsed, when it names a map file). */
    private static int observationSize(EnvConfig env, GridMap map) {
        if (env.isGame()) {
            return GameRegistry.make(env.id()).observationSize();
        }
        GridMap grid = map != null ? map : EnvRegistry.map(env.id());
        return new GridWorld("size", grid, env.maxEpisodeSteps(), env.observation()).spec().observationSize();
    }

    /** A grid learner on a game, or a game learner on a grid world, is a problem. */
    private static void checkPairing(EnvConfig env, AgentConfig agent, List<String> problems) {
        TrainsOn needs = env.isGame() ? TrainsOn.BOARD_GAMES : TrainsOn.GRID_WORLDS;
        TrainsOn trainsOn = Learners.of(agent).trainsOn();
        if (trainsOn == needs) {
            return;
        }
        if (env.isGame()) {
            problems.add("agent.type: '" + agent.type() + "' trains on grid worlds; " + env.id()
                    + " is a game (use \"type\": \"" + String.join("\" or \"",
                    Learners.typesTrainingOn(TrainsOn.BOARD_GAMES)) + "\")");
        } else {
            problems.add("env.id: agent '" + agent.type() + "' trains on board games (" + String.join(", ",
                    GameRegistry.ids()) + "), not on " + (env.id() != null ? env.id() : "a map file"));
        }
    }

    private static EnvRead readEnv(JsonObject json, Path baseDir, List<String> problems, List<String> mapProblems) {
        JsonFields f = new JsonFields(json, "env", problems);
        String id = f.string("id", null);
        String map = f.string("map", null);
        EnvConfig d = EnvConfig.defaults();
        int maxSteps = f.integer("maxEpisodeSteps", d.maxEpisodeSteps());
        String observationName = f.string("observation", GridObservation.Kind.ONE_HOT.configName());
        int viewSize = f.integer("viewSize", GridObservation.DEFAULT_VIEW_SIZE);
        f.rejectUnknown();
        GridObservation.Kind kind = GridObservation.Kind.fromConfigName(observationName);
        GridObservation observation = GridObservation.oneHot();
        if (kind == null) {
            problems.add("env.observation: unknown observation '" + observationName + "' (known: onehot, egocentric, "
                    + "symbolic)");
        } else if (kind == GridObservation.Kind.EGOCENTRIC && (viewSize < 3 || viewSize > 15 || viewSize % 2 == 0)) {
            problems.add("env.viewSize: must be odd and in [3, 15], got " + viewSize);
        } else {
            observation = new GridObservation(kind, viewSize);
        }
        if (maxSteps < 1 || maxSteps > 1_000_000) {
            problems.add("env.maxEpisodeSteps: must be in [1, 1000000], got " + maxSteps);
        }
        if (id != null && map != null) {
            problems.add("env: give either id or map, not both");
        }
        Path mapPath = null;
        GridMap parsed = null;
        if (map != null) {
            mapPath = baseDir == null ? Path.of(map) : baseDir.resolve(map).normalize();
            if (!Files.exists(mapPath)) {
                problems.add("env.map: no such file " + mapPath);
            } else {
                try {
                    parsed = GridMapParser.parse(mapPath);
                } catch (MapFormatException e) {
                    e.problems().stream().map(MapProblem::toString).forEach(mapProblems::add);
                }
            }
        } else if (id == null) {
            id = d.id();
        }
        if (id != null && EnvRegistry.ids().contains(id)) {
            String family = id;
            EnvRegistry.levels(id).filter(levels -> maxSteps < levels.longestPath()).ifPresent(levels -> problems.add(
                    "env.maxEpisodeSteps: must be >= " + levels.longestPath() + " for " + family + " (the longest"
                    + " shortest path of its mazes, so that every level is solvable), got " + maxSteps));
        }
        if (id != null && !EnvRegistry.ids().contains(id) && !GameRegistry.ids().contains(id)) {
            problems.add("env.id: unknown environment '" + id + "' (known: " + String.join(", ", EnvRegistry.ids())
                    + ", " + String.join(", ", GameRegistry.ids()) + ")");
        }
        return new EnvRead(new EnvConfig(map != null ? null : id, mapPath, maxSteps, observation), parsed);
    }

    /** The {@code training} fields, each absent one from {@code d} (the learner's defaults). */
    private static TrainingConfig readTraining(JsonObject json, List<String> problems, TrainingConfig d) {
        JsonFields f = new JsonFields(json, "training", problems);
        long steps = f.integer("totalEnvSteps", d.totalEnvSteps());
        int evalEpisodes = f.integer("evalEpisodes", d.evalEpisodes());
        long checkpointEvery = f.integer("checkpointEveryEnvSteps", d.checkpointEveryEnvSteps());
        boolean keepStates = f.bool("keepStates", d.keepStates());
        long evalEvery = f.integer("evalEveryEnvSteps", d.evalEveryEnvSteps());
        boolean stopWhenSolved = f.bool("stopWhenSolved", d.stopWhenSolved());
        f.rejectUnknown();
        if (steps < 1) {
            problems.add("training.totalEnvSteps: must be >= 1, got " + steps);
        } else if (steps > TrainingConfig.MAX_ENV_STEPS) {
            problems.add("training.totalEnvSteps: must be at most " + TrainingConfig.MAX_ENV_STEPS + " (10^12), got "
                    + steps);
        }
        if (evalEpisodes < 1 || evalEpisodes > 100_000) {
            problems.add("training.evalEpisodes: must be in [1, 100000], got " + evalEpisodes);
        }
        if (checkpointEvery < 0) {
            problems.add("training.checkpointEveryEnvSteps: must be >= 0, got " + checkpointEvery);
        }
        if (evalEvery < 0) {
            problems.add("training.evalEveryEnvSteps: must be >= 0 (0 = only the final evaluation), got " + evalEvery);
        }
        return new TrainingConfig(steps, evalEpisodes, checkpointEvery, keepStates, evalEvery, stopWhenSolved);
    }

    private static LcaSettings readLca(JsonObject json, List<String> problems) {
        JsonFields f = new JsonFields(json, "lca", problems);
        LcaSettings d = LcaSettings.defaults();
        LcaSettings s = new LcaSettings(f.bool("enabled", d.enabled()), f.integer("probeSize", d.probeSize()),
                f.number("errorThreshold", d.errorThreshold()), f.integer("maxPieces", d.maxPieces()),
                f.bool("perTerm", d.perTerm()));
        f.rejectUnknown();
        return s;
    }

    /** The fully resolved experiment as JSON: what {@code config.json} holds; loading it gives the same experiment. */
    public static JsonObject toJson(Experiment e) {
        JsonObject root = new JsonObject();
        root.addProperty("name", e.name());
        root.addProperty("seed", e.seed());
        JsonObject env = new JsonObject();
        if (e.env().id() != null) {
            env.addProperty("id", e.env().id());
        } else {
            env.addProperty("map", e.env().map().toAbsolutePath().toString());
        }
        env.addProperty("maxEpisodeSteps", e.env().maxEpisodeSteps());
        env.addProperty("observation", e.env().observation().kind().configName());
        env.addProperty("viewSize", e.env().observation().viewSize());
        root.add("env", env);
        JsonObject agent = AgentConfigs.toJson(e.agent());
        root.add("agent", agent);
        JsonObject training = new JsonObject();
        training.addProperty("totalEnvSteps", e.training().totalEnvSteps());
        training.addProperty("evalEpisodes", e.training().evalEpisodes());
        training.addProperty("checkpointEveryEnvSteps", e.training().checkpointEveryEnvSteps());
        training.addProperty("keepStates", e.training().keepStates());
        training.addProperty("evalEveryEnvSteps", e.training().evalEveryEnvSteps());
        training.addProperty("stopWhenSolved", e.training().stopWhenSolved());
        root.add("training", training);
        JsonObject lca = new JsonObject();
        lca.addProperty("enabled", e.lca().enabled());
        lca.addProperty("probeSize", e.lca().probeSize());
        lca.addProperty("errorThreshold", e.lca().errorThreshold());
        lca.addProperty("maxPieces", e.lca().maxPieces());
        lca.addProperty("perTerm", e.lca().perTerm());
        root.add("lca", lca);
        return root;
    }
}
