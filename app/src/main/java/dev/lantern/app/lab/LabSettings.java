package dev.lantern.app.lab;

import dev.lantern.agents.api.TrainsOn;
import dev.lantern.agents.registry.Learners;
import dev.lantern.environments.board.GameRegistry;
import dev.lantern.environments.registry.EnvRegistry;
import java.util.ArrayList;
import java.util.List;

/**
 * What a lab run starts with: the other hyperparameters are the defaults of
 * {@link dev.lantern.app.config.ExperimentLoader#defaults()} (PPO).
 *
 * @param envId         a registered grid world ({@link EnvRegistry#ids()}) or board game ({@link GameRegistry#ids()})
 * @param agentType     the learner ({@code agent.type}: one of {@link #AGENTS} on a grid world, of
 *                      {@link #GAME_AGENTS} on a game) with its default hyperparameters
 * @param seed          the run seed
 * @param totalEnvSteps the training budget in environment steps, {@code > 0}
 * @param lca           whether loss change allocation is computed (the LCA chart stays empty without it)
 */
public record LabSettings(String envId, String agentType, long seed, long totalEnvSteps, boolean lca) {

    /** The learners the lab can train on grid worlds: the registered ones that do, in registration order. */
    public static final List<String> AGENTS = Learners.typesTrainingOn(TrainsOn.GRID_WORLDS);
    /** The learners the lab can train on board games ({@code alphazero}), in registration order. */
    public static final List<String> GAME_AGENTS = Learners.typesTrainingOn(TrainsOn.BOARD_GAMES);
    /** What the lab can train on: the registered grid worlds, then the registered board games. */
    public static final List<String> ENVIRONMENTS = environments();

    /** The default environment. */
    public static final String DEFAULT_ENV = "grid/four-rooms-v1";
    /** The default budget. */
    public static final long DEFAULT_STEPS = 80_000;

    /**
     * Checks the values.
     *
     * @throws IllegalArgumentException naming every bad value
     */
    public LabSettings {
        List<String> problems = new ArrayList<>();
        check("", envId, agentType, totalEnvSteps, problems);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
    }

    /** Adds a problem for each bad value, each named by {@code prefix} and its key ({@code env}, {@code agent}, ...). */
    private static void check(String prefix, String envId, String agentType, long totalEnvSteps,
            List<String> problems) {
        if (!ENVIRONMENTS.contains(envId)) {
            problems.add(prefix + "env: unknown id '" + envId + "' (known: " + String.join(", ", ENVIRONMENTS)
                    + ")");
        }
        List<String> learners = isGame(envId) ? GAME_AGENTS : AGENTS;
        if (!AGENTS.contains(agentType) && !GAME_AGENTS.contains(agentType)) {
            problems.add(prefix + "agent: unknown learner '" + agentType + "' (known: " + String.join(", ", learners)
                    + ")");
        } else if (!learners.contains(agentType)) {
            problems.add(prefix + "agent: '" + agentType + "' does not train on " + envId + " (known there: "
                    + String.join(", ", learners) + ")");
        }
        if (totalEnvSteps <= 0) {
            problems.add(prefix + "steps: must be > 0, got " + totalEnvSteps);
        }
    }

    /** Whether {@code envId} is a registered board game ({@code game/...}) rather than a grid world. */
    public static boolean isGame(String envId) {
        return GameRegistry.ids().contains(envId);
    }

    /** Whether this run trains on a board game. */
    public boolean game() {
        return isGame(envId);
    }

    /** The first learner that trains on {@code envId}: PPO on a grid world, AlphaZero on a game. */
    public static String defaultAgent(String envId) {
        return isGame(envId) ? GAME_AGENTS.get(0) : "ppo";
    }

    private static List<String> environments() {
        List<String> ids = new ArrayList<>(EnvRegistry.ids());
        ids.addAll(GameRegistry.ids());
        return List.copyOf(ids);
    }

    /** PPO on {@code envId}. */
    public LabSettings(String envId, long seed, long totalEnvSteps, boolean lca) {
        this(envId, "ppo", seed, totalEnvSteps, lca);
    }

    /** four-rooms, PPO, seed 1, the default budget (80k steps), LCA on. */
    public static LabSettings defaults() {
        return new LabSettings(DEFAULT_ENV, "ppo", 1, DEFAULT_STEPS, true);
    }

    /**
     * A copy on another environment: the same learner where it trains there, else that environment's
     * {@link #defaultAgent} (a grid learner on a game becomes AlphaZero, and back to PPO).
     */
    public LabSettings withEnvId(String id) {
        List<String> learners = isGame(id) ? GAME_AGENTS : AGENTS;
        return new LabSettings(id, learners.contains(agentType) ? agentType : defaultAgent(id), seed, totalEnvSteps,
                lca);
    }

    /** A copy with another learner. */
    public LabSettings withAgentType(String type) {
        return new LabSettings(envId, type, seed, totalEnvSteps, lca);
    }

    /** A copy with another seed. */
    public LabSettings withSeed(long newSeed) {
        return new LabSettings(envId, agentType, newSeed, totalEnvSteps, lca);
    }

    /**
     * Reads {@code --env ID}, {@code --agent TYPE}, {@code --seed N}, {@code --steps N} and {@code --no-lca} (also written
     * {@code --env=ID}); anything missing keeps its default.
     *
     * @throws IllegalArgumentException listing every problem at once
     */
    public static LabSettings parse(List<String> args) {
        LabSettings d = defaults();
        String env = d.envId();
        String agent = null;
        long seed = d.seed();
        long steps = d.totalEnvSteps();
        boolean lca = d.lca();
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            String key = arg;
            String value = null;
            int eq = arg.indexOf('=');
            if (arg.startsWith("--") && eq > 0) {
                key = arg.substring(0, eq);
                value = arg.substring(eq + 1);
            }
            if (key.equals("--no-lca")) {
                lca = false;
                continue;
            }
            if (!key.equals("--env") && !key.equals("--agent") && !key.equals("--seed") && !key.equals("--steps")) {
                problems.add("unknown argument '" + arg + "' (known: --env ID, --agent TYPE, --seed N, --steps N, "
                        + "--no-lca)");
                continue;
            }
            if (value == null) {
                if (i + 1 >= args.size()) {
                    problems.add(key + ": missing value");
                    continue;
                }
                value = args.get(++i);
            }
            switch (key) {
                case "--env" -> env = value;
                case "--agent" -> agent = value;
                case "--seed" -> seed = parseLong(key, value, seed, problems);
                default -> steps = parseLong(key, value, steps, problems);
            }
        }
        if (agent == null) {
            agent = defaultAgent(env); // `lantern lab --env game/tic-tac-toe-v1` trains AlphaZero
        }
        check("--", env, agent, steps, problems);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
        return new LabSettings(env, agent, seed, steps, lca);
    }

    /** The arguments {@link #parse} reads back into these settings. */
    public List<String> toArgs() {
        List<String> args = new ArrayList<>(List.of("--env=" + envId, "--agent=" + agentType, "--seed=" + seed, "--steps=" + totalEnvSteps));
        if (!lca) {
            args.add("--no-lca");
        }
        return args;
    }

    private static long parseLong(String key, String value, long fallback, List<String> problems) {
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            problems.add(key + ": expected an integer, got '" + value + "'");
            return fallback;
        }
    }
}
