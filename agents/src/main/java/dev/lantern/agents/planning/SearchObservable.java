package dev.lantern.agents.planning;

import dev.lantern.agents.mcts.SearchTree;
import dev.lantern.environments.grid.GridState;
import java.util.function.ObjIntConsumer;

/**
 * An agent that searches before it acts and lets an observer see each search's whole tree (the lab draws the current
 * one): the tree the agent built and acts on, handed over as it is, never a second search. Observing changes nothing
 * the agent does; the trees are immutable.
 */
public interface SearchObservable {

    /**
     * Hands every search's tree and the action the agent takes on it to {@code observer} (on the agent's thread, right
     * after the search, before the agent steps), replacing any earlier observer; null stops it. The action is not
     * always the tree's own {@link SearchTree#action()}: with the max backup the agent follows the best sequence known
     * in the episode ({@link BestReturns}), which may start with another action.
     */
    void observeSearches(ObjIntConsumer<SearchTree<GridState>> observer);
}
