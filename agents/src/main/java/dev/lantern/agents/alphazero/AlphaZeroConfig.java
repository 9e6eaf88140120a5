package dev.lantern.agents.alphazero;

import dev.lantern.agents.api.AgentConfig;
import dev.lantern.agents.api.FieldChecks;
import java.util.ArrayList;
import java.util.List;

/**
 * Hyperparameters of the {@link AlphaZeroAgent}. Every field has a default ({@link #defaults()}) chosen for
 * tic-tac-toe on a 2-core CPU; {@link #connectFour()} lists the settings used for connect-four.
 *
 * @param gamesPerIteration      self-play games played in lockstep per iteration (the batch of each forward pass);
 *                               default 32
 * @param simulations            PUCT simulations per self-play move; default 64
 * @param cPuct                  PUCT's exploration constant; default 1.5
 * @param dirichletAlpha         concentration of the root noise in self-play; default 0.5 (about 10 / typical number
 *                               of legal moves, as the AlphaZero paper scales it)
 * @param dirichletFraction      weight of the root noise in self-play, in [0, 1]; default 0.25 (the paper's)
 * @param temperatureMoves       plies (counted from the start of the game) played by sampling in proportion to the
 *                               visits (temperature 1); later plies take the most visited move; default 4
 * @param replayCapacity         positions kept in the replay ring buffer (the oldest are overwritten); default 20000
 * @param batchSize              positions per minibatch, sampled uniformly with replacement; default 128
 * @param trainingStepsPerIteration Adam steps after each batch of self-play games; default 32
 * @param learningRate           Adam's step size (constant); default 1e-3
 * @param l2                     coefficient c of the L2 penalty {@code c * ||theta||^2} over all parameters (biases
 *                               included) added to the loss; default 1e-4 (the paper's)
 * @param hiddenSizes            widths of the two torso layers; default [64, 64]
 * @param mirrorAugment          train on the left-right mirror image of a sampled position with probability 1/2 (the
 *                               board's vertical-axis symmetry; valid for both games here); default true
 * @param evalEveryIterations    play {@link GameEvaluator} matches every this many iterations inside
 *                               {@link AlphaZeroAgent#iterate}; 0 = never; default 0
 * @param evalGames              games per opponent in such a match (half as first player); default 20
 * @param evalSimulations        the agent's PUCT simulations per move in evaluation (no noise, greedy); default 64
 * @param evalUctSimulations     simulations per move of the UCT opponent (random rollouts); default 200
 */
public record AlphaZeroConfig(int gamesPerIteration, int simulations, double cPuct, double dirichletAlpha,
        double dirichletFraction, int temperatureMoves, int replayCapacity, int batchSize,
        int trainingStepsPerIteration, double learningRate, double l2, List<Integer> hiddenSizes,
        boolean mirrorAugment, int evalEveryIterations, int evalGames, int evalSimulations, int evalUctSimulations)
        implements AgentConfig {

    /** The {@code agent.type} of AlphaZero. */
    public static final String TYPE = "alphazero";

    @Override
    public String type() {
        return TYPE;
    }

    /** {@inheritDoc} The replay's positions. */
    @Override
    public long bufferedObservations() {
        return replayCapacity;
    }

    public AlphaZeroConfig {
        hiddenSizes = List.copyOf(hiddenSizes);
    }

    /** The defaults documented on each field (tic-tac-toe). */
    public static AlphaZeroConfig defaults() {
        return new AlphaZeroConfig(32, 64, 1.5, 0.5, 0.25, 4, 20_000, 128, 32, 1e-3, 1e-4, List.of(64, 64), true, 0,
                20, 64, 200);
    }

    /**
     * Connect-four settings: 64 games in lockstep, 64 simulations, alpha 1.0 (about 10 / 7 legal moves), 10 sampled
     * plies, 50k positions of replay (about the last 35 iterations), 256 per minibatch, 32 steps per iteration,
     * hidden [128, 128] (measured here: a forward pass of 64 positions costs about 1.9 ms with [128, 128] against
     * 4.7 ms with [256, 256], single-threaded), 200 simulations in evaluation.
     */
    public static AlphaZeroConfig connectFour() {
        return new AlphaZeroConfig(64, 64, 1.5, 1.0, 0.25, 10, 50_000, 256, 32, 1e-3, 1e-4, List.of(128, 128), true,
                0, 20, 200, 200);
    }

    /** A copy with the self-play size changed. */
    public AlphaZeroConfig withSelfPlay(int games, int sims) {
        return new AlphaZeroConfig(games, sims, cPuct, dirichletAlpha, dirichletFraction, temperatureMoves,
                replayCapacity, batchSize, trainingStepsPerIteration, learningRate, l2, hiddenSizes, mirrorAugment,
                evalEveryIterations, evalGames, evalSimulations, evalUctSimulations);
    }

    /** A copy with the training size changed. */
    public AlphaZeroConfig withTraining(int batch, int steps, List<Integer> hidden) {
        return new AlphaZeroConfig(gamesPerIteration, simulations, cPuct, dirichletAlpha, dirichletFraction,
                temperatureMoves, replayCapacity, batch, steps, learningRate, l2, hidden, mirrorAugment,
                evalEveryIterations, evalGames, evalSimulations, evalUctSimulations);
    }

    /** A copy with the evaluation settings changed. */
    public AlphaZeroConfig withEval(int everyIterations, int games, int sims, int uctSims) {
        return new AlphaZeroConfig(gamesPerIteration, simulations, cPuct, dirichletAlpha, dirichletFraction,
                temperatureMoves, replayCapacity, batchSize, trainingStepsPerIteration, learningRate, l2, hiddenSizes,
                mirrorAugment, everyIterations, games, sims, uctSims);
    }

    /**
     * Checks every field and adds one message per problem, each naming its field under {@code path}
     * (e.g. {@code agent.cPuct: must be >= 0, got -1}).
     */
    @Override
    public void validate(String path, List<String> problems) {
        FieldChecks check = new FieldChecks(path, problems);
        check.inRange("gamesPerIteration", gamesPerIteration, 1, 4096);
        check.inRange("simulations", simulations, 1, 100_000);
        check.nonNegative("cPuct", cPuct);
        check.positive("dirichletAlpha", dirichletAlpha);
        check.unit("dirichletFraction", dirichletFraction);
        check.inRange("temperatureMoves", temperatureMoves, 0, 10_000);
        check.inRange("replayCapacity", replayCapacity, 1, 10_000_000);
        check.inRange("batchSize", batchSize, 1, 65_536);
        check.inRange("trainingStepsPerIteration", trainingStepsPerIteration, 0, 1_000_000);
        check.positive("learningRate", learningRate);
        check.nonNegative("l2", l2);
        check.hiddenSizes(hiddenSizes);
        check.inRange("evalEveryIterations", evalEveryIterations, 0, Integer.MAX_VALUE);
        check.inRange("evalGames", evalGames, 1, 100_000);
        check.inRange("evalSimulations", evalSimulations, 1, 100_000);
        check.inRange("evalUctSimulations", evalUctSimulations, 1, 1_000_000);
    }

    /**
     * This config if it is valid.
     *
     * @throws IllegalArgumentException listing every problem, each under {@code path}
     */
    public AlphaZeroConfig checked(String path) {
        List<String> problems = new ArrayList<>();
        validate(path, problems);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("invalid AlphaZero config: " + String.join("; ", problems));
        }
        return this;
    }

    /** The torso widths as an array. */
    int[] hidden() {
        return hiddenSizes.stream().mapToInt(Integer::intValue).toArray();
    }

    /** {@inheritDoc} A {@code learningRate} above 1. */
    @Override
    public void warnings(String path, List<String> warnings) {
        new FieldChecks(path, warnings).largeLearningRate("learningRate", learningRate);
    }
}
