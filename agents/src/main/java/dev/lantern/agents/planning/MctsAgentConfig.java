package dev.lantern.agents.planning;

import dev.lantern.agents.api.AgentConfig;
import dev.lantern.agents.api.FieldChecks;
import dev.lantern.agents.mcts.MctsConfig;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Hyperparameters of the MCTS agent in experiment files ({@code "agent": {"type": "mcts"}}): Monte Carlo tree
 * search with random rollouts (max backup by default, or UCT, Kocsis and Szepesvári 2006) searching from the
 * world's exact state before every action ({@link MctsAgent}). The budget is the experiment's
 * {@code training.totalEnvSteps}, counted in environment steps acted; the steps simulated inside the searches are not
 * counted (the metric {@code mcts/simulated_steps} reports
 * them).
 *
 * @param simulations per search (each descends the tree to one new leaf, rolls out at random from it and backs the
 *                    return up), in {@code [1, 10000000]}; default 2000
 * @param exploration UCT's constant {@code c} in {@code Q + c * sqrt(ln N / n)}, {@code >= 0}; with grid rewards
 *                    (goal +1, step -0.01) Q lies in about [-1, 1]; default 0.25
 * @param gamma       discount of the search's returns, in {@code (0, 1]}; below 1 it prefers the nearer goal;
 *                    default 0.95
 * @param horizon     the most steps a simulation looks ahead from the root, tree and rollout together (the time
 *                    limit is the planner's, not the episode's), in {@code [1, 100000]}; default 100
 * @param temperature how training acts on a search: 0 = greedy (see {@code backup}), above 0 = drawn with
 *                    probability {@code visits^(1/T)}; evaluation always acts at 0; {@code >= 0}; default 0
 * @param backup      what a node's value is: {@link Backup#MAX} (the best return simulated through it, with a table of
 *                    best returns per state kept over an episode; for deterministic maps) or {@link Backup#MEAN}
 *                    (plain UCT: the mean return, acting on the most visited action); default MAX
 * @param network     a trained grid run to plan with, {@code RUN-DIR} (its newest checkpoint) or {@code RUN-DIR@STEP}:
 *                    PUCT with its policy as the prior and its value head at the leaves, no rollouts ({@code backup}
 *                    is then ignored; {@code exploration} is {@code c_puct}; set {@code gamma} to that run's); its
 *                    observations and actions must be this world's; default none (null)
 */
public record MctsAgentConfig(int simulations, double exploration, double gamma, int horizon, double temperature,
        Backup backup, String network) implements AgentConfig {

    /** How the search backs a simulation's return up. */
    public enum Backup {
        /**
         * The best return (UCB1 on it, {@link MctsConfig.Selection#MAX_UCT}) and a transposition table of best
         * returns per state ({@link BestReturns}); greedy acting follows the best sequence simulated. Every such return
         * is achieved by an action sequence only on a deterministic map; on a stochastic one it is optimistic.
         */
        MAX,
        /** The mean return (UCT, Kocsis and Szepesvári 2006); greedy acting takes the most visited action. */
        MEAN
    }

    /** The {@code agent.type} of the MCTS agent. */
    public static final String TYPE = "mcts";

    /** The most steps a simulation may look ahead. */
    public static final int MAX_HORIZON = 100_000;

    /** The defaults documented on each field: they reach the exact optimum on four-rooms and key-door. */
    public static MctsAgentConfig defaults() {
        return new MctsAgentConfig(2000, 0.25, 0.95, 100, 0, Backup.MAX, null);
    }

    @Override
    public String type() {
        return TYPE;
    }

    /** {@inheritDoc} None: a planner keeps no observations. */
    @Override
    public long bufferedObservations() {
        return 0;
    }

    @Override
    public void validate(String path, List<String> problems) {
        FieldChecks check = new FieldChecks(path, problems);
        check.inRange("simulations", simulations, 1, MctsConfig.MAX_SIMULATIONS);
        check.nonNegative("exploration", exploration);
        check.unitExcludingZero("gamma", gamma);
        check.inRange("horizon", horizon, 1, MAX_HORIZON);
        check.nonNegative("temperature", temperature);
        if (network != null && network.isBlank()) {
            check.problem("network", "must name a run directory (RUN-DIR or RUN-DIR@STEP), got '" + network + "'");
        }
        if (backup == null) {
            check.problem("backup", "must be max or mean, got null");
        }
    }

    /** {@inheritDoc} {@link #network()}, when set. */
    @Override
    public Optional<String> planningNetwork() {
        return Optional.ofNullable(network);
    }

    /** {@link #gamma()}. */
    @Override
    public OptionalDouble discount() {
        return OptionalDouble.of(gamma);
    }

    /** Whether the search backs up the best return ({@link Backup#MAX}). */
    boolean maxBackup() {
        return backup == Backup.MAX;
    }

    /** The settings of one search at {@code temperature}, its own generator seeded with {@code seed}. */
    MctsConfig search(double temperature, long seed) {
        MctsConfig.Selection selection = maxBackup() ? MctsConfig.Selection.MAX_UCT : MctsConfig.Selection.UCT;
        return new MctsConfig(simulations, selection, exploration, MctsConfig.defaults().dirichletAlpha(),
                0, temperature, seed);
    }
}
