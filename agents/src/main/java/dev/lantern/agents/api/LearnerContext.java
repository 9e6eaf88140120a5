package dev.lantern.agents.api;

import dev.lantern.environments.api.Environment;
import dev.lantern.environments.board.Game;
import dev.lantern.environments.random.Seeds;
import java.util.function.Supplier;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * Everything a learner is created from besides its config: what it trains on, the run's seed and budget, and what loss
 * change allocation and the final evaluation need.
 *
 * @param environments  makes a fresh environment like the ones trained on (grid learners), or null for a game
 * @param game          the board game trained on, or null for a grid world
 * @param runSeed       the run seed; each learner derives its named streams ({@code init}, {@code explore},
 *                      {@code env}, {@code replay}, {@code eval}, ...) from it, so adding one shifts no other
 * @param totalEnvSteps the training budget in environment steps (schedules anneal over it)
 * @param probeSize     states in the LCA probe, or 0 when LCA is off
 * @param dataType      the networks' floating-point type
 * @param evalEpisodes  greedy episodes of the final evaluation on a grid world
 * @param optimalReturn the optimal expected return of an episode within the time limit (the exact finite-horizon
 *                      solve, the quantity {@code eval/return} measures), or NaN when not solved or a game
 * @param evalSeed      the seed of the evaluation episodes and matches held outside the agent (the final evaluation):
 *                      {@code Seeds.derive(runSeed, "eval")}, unless a fork reseeded the {@code eval} stream
 * @param planningNetwork the trained network named by the config's {@link AgentConfig#planningNetwork()}, read by
 *                        whoever assembles the run, or null
 */
public record LearnerContext(Supplier<? extends Environment> environments, Game game, long runSeed,
        long totalEnvSteps, int probeSize, DataType dataType, int evalEpisodes, double optimalReturn, long evalSeed,
        PolicyValueView planningNetwork) {

    /** A context without a planning network. */
    public LearnerContext(Supplier<? extends Environment> environments, Game game, long runSeed, long totalEnvSteps,
            int probeSize, DataType dataType, int evalEpisodes, double optimalReturn, long evalSeed) {
        this(environments, game, runSeed, totalEnvSteps, probeSize, dataType, evalEpisodes, optimalReturn, evalSeed,
                null);
    }

    /** This context with {@code network} as its {@link #planningNetwork()}. */
    public LearnerContext withPlanningNetwork(PolicyValueView network) {
        return new LearnerContext(environments, game, runSeed, totalEnvSteps, probeSize, dataType, evalEpisodes,
                optimalReturn, evalSeed, network);
    }

    /** A context whose evaluation seed is the run's own, {@code Seeds.derive(runSeed, "eval")}. */
    public LearnerContext(Supplier<? extends Environment> environments, Game game, long runSeed, long totalEnvSteps,
            int probeSize, DataType dataType, int evalEpisodes, double optimalReturn) {
        this(environments, game, runSeed, totalEnvSteps, probeSize, dataType, evalEpisodes, optimalReturn,
                Seeds.derive(runSeed, Seeds.EVAL));
    }

    /**
     * Checks that exactly one of the environment factory and the game is given.
     *
     * @throws IllegalArgumentException naming what was given
     */
    public LearnerContext {
        if ((environments == null) == (game == null)) {
            throw new IllegalArgumentException("give either an environment factory or a game, got "
                    + (environments == null ? "neither" : "both (game " + game.id() + ")"));
        }
        if (probeSize < 0) {
            throw new IllegalArgumentException("probeSize must be >= 0, got " + probeSize);
        }
    }

    /** What this context trains on. */
    public TrainsOn trainsOn() {
        return game != null ? TrainsOn.BOARD_GAMES : TrainsOn.GRID_WORLDS;
    }
}
