package dev.lantern.agents.planning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lantern.agents.mcts.SearchTree;
import dev.lantern.agents.train.RecordingSession;
import dev.lantern.environments.api.Simulator;
import dev.lantern.environments.grid.GridState;
import dev.lantern.environments.grid.GridWorld;
import dev.lantern.environments.registry.EnvRegistry;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What an observer of the MCTS agent's searches is told it did ({@link SearchObservable}): the action it actually took
 * on each tree. With the max backup that is often not the tree's own choice (the agent follows the best sequence known
 * in the episode), so a lab that printed {@code tree.action()} as what the agent did was wrong on most steps.
 */
class ObservedActionTest {

    @Test
    void theObservedActionIsTheOneTakenAndWithTheMaxBackupOftenNotTheTreesOwn() {
        GridWorld world = EnvRegistry.make("grid/empty-8x8-v1"); // deterministic: each step is the simulator's
        MctsAgentConfig max = new MctsAgentConfig(200, 0.25, 0.95, 100, 0, MctsAgentConfig.Backup.MAX, null);
        MctsAgent agent = new MctsAgent(max, EnvRegistry.make("grid/empty-8x8-v1"), 3);
        List<SearchTree<GridState>> trees = new ArrayList<>();
        List<Integer> actions = new ArrayList<>();
        agent.observeSearches((tree, action) -> {
            trees.add(tree);
            actions.add(action);
        });
        agent.iterate(new RecordingSession());
        Simulator<GridState> sim = world.simulator();
        int notTheTrees = 0;
        for (int i = 0; i + 1 < trees.size(); i++) {
            GridState from = trees.get(i).root().state();
            assertEquals(trees.get(i + 1).root().state(), sim.step(from, actions.get(i)).next(),
                    "search " + i + ": the next search starts where the observed action leads");
            notTheTrees += actions.get(i) != trees.get(i).action() ? 1 : 0;
        }
        assertTrue(trees.size() > 2, "searches: " + trees.size());
        assertTrue(notTheTrees > 0, "the fixture must have steps where the agent overrides its tree");
    }
}
