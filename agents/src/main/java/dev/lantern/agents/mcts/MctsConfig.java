package dev.lantern.agents.mcts;

import java.util.ArrayList;
import java.util.List;

/**
 * Settings of one {@link Mcts} search.
 *
 * @param simulations       simulations per search (each descends from the root to one new leaf and backs up its
 *                          value), {@code >= 1}
 * @param selection         the tree policy: {@link Selection#UCT} (UCB1, priors ignored), {@link Selection#PUCT}
 *                          (AlphaZero's prior-weighted rule) or {@link Selection#MAX_UCT} (UCB1 on the best return)
 * @param exploration       the exploration constant: UCT's {@code c} or PUCT's {@code c_puct}, {@code >= 0}
 * @param dirichletAlpha    concentration of the Dirichlet noise mixed into the root priors, {@code > 0}
 * @param dirichletFraction weight of that noise, in {@code [0, 1]}; 0 turns the noise off
 * @param temperature       the final choice: action probabilities proportional to {@code visits^(1/temperature)};
 *                          0 = the most visited action (ties: the lowest), {@code >= 0}
 * @param seed              seed of the search's own generator (noise and the temperature draw)
 */
public record MctsConfig(int simulations, Selection selection, double exploration, double dirichletAlpha,
        double dirichletFraction, double temperature, long seed) {

    /** The tree policy. */
    public enum Selection {
        /** UCB1: {@code Q + c * sqrt(ln N / n)}, unvisited children first (lowest action first). */
        UCT,
        /** AlphaZero: {@code Q + c * P * sqrt(N) / (1 + n)}, unvisited children count {@code Q = 0}. */
        PUCT,
        /**
         * UCB1 on the best return found instead of the mean ({@code best + c * sqrt(ln N / n)}, unvisited children
         * first), and the final choice at temperature 0 by the best return ({@link Node#best()}, ties to the most
         * visited, then the lowest action): for deterministic single-agent problems, where every simulated return is
         * one an action sequence achieves, so the best one is a lower bound on the optimum rather than an average
         * over random continuations. Refused for alternating games.
         */
        MAX_UCT
    }

    /** The most simulations accepted per search. */
    public static final int MAX_SIMULATIONS = 10_000_000;

    /**
     * UCT with random rollouts' usual settings: 1000 simulations, {@code c = sqrt(2)}, no noise, temperature 0,
     * seed 1 (Dirichlet alpha 0.3, AlphaZero's chess value, kept for when the fraction is raised).
     */
    public static MctsConfig defaults() {
        return new MctsConfig(1000, Selection.UCT, Math.sqrt(2), 0.3, 0, 0, 1);
    }

    /** A copy with {@code simulations} changed. */
    public MctsConfig withSimulations(int simulations) {
        return new MctsConfig(simulations, selection, exploration, dirichletAlpha, dirichletFraction, temperature, seed);
    }

    /** A copy with PUCT and constant {@code cPuct}. */
    public MctsConfig withPuct(double cPuct) {
        return new MctsConfig(simulations, Selection.PUCT, cPuct, dirichletAlpha, dirichletFraction, temperature, seed);
    }

    /** A copy with the given root noise. */
    public MctsConfig withDirichlet(double alpha, double fraction) {
        return new MctsConfig(simulations, selection, exploration, alpha, fraction, temperature, seed);
    }

    /** A copy with {@code temperature} changed. */
    public MctsConfig withTemperature(double temperature) {
        return new MctsConfig(simulations, selection, exploration, dirichletAlpha, dirichletFraction, temperature, seed);
    }

    /** A copy with {@code seed} changed. */
    public MctsConfig withSeed(long seed) {
        return new MctsConfig(simulations, selection, exploration, dirichletAlpha, dirichletFraction, temperature, seed);
    }

    /**
     * Checks every field and adds one message per problem, each naming its field under {@code path}
     * (e.g. {@code agent.mcts.simulations: must be in [1, 10000000], got 0}).
     */
    public void validate(String path, List<String> problems) {
        if (simulations < 1 || simulations > MAX_SIMULATIONS) {
            problems.add(path + ".simulations: must be in [1, " + MAX_SIMULATIONS + "], got " + simulations);
        }
        if (selection == null) {
            problems.add(path + ".selection: must be UCT, PUCT or MAX_UCT, got null");
        }
        if (!(exploration >= 0) || Double.isInfinite(exploration)) {
            problems.add(path + ".exploration: must be >= 0 and finite, got " + exploration);
        }
        if (!(dirichletAlpha > 0) || Double.isInfinite(dirichletAlpha)) {
            problems.add(path + ".dirichletAlpha: must be > 0 and finite, got " + dirichletAlpha);
        }
        if (!(dirichletFraction >= 0 && dirichletFraction <= 1)) {
            problems.add(path + ".dirichletFraction: must be in [0, 1], got " + dirichletFraction);
        }
        if (!(temperature >= 0) || Double.isInfinite(temperature)) {
            problems.add(path + ".temperature: must be >= 0 and finite, got " + temperature);
        }
    }

    /**
     * Throws if {@link #validate(String, List)} finds any problem.
     *
     * @throws IllegalArgumentException listing every problem, one per line
     */
    public MctsConfig checked(String path) {
        List<String> problems = new ArrayList<>();
        validate(path, problems);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("\n", problems));
        }
        return this;
    }
}
