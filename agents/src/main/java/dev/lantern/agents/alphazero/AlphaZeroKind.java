package dev.lantern.agents.alphazero;

import dev.lantern.agents.api.AgentKind;
import dev.lantern.agents.api.BufferFields;
import dev.lantern.agents.api.LearnerContext;
import dev.lantern.agents.api.LearningAgent;
import dev.lantern.agents.api.PolicyValueView;
import dev.lantern.agents.api.TrainsOn;
import dev.lantern.environments.board.Game;
import java.util.Map;

/**
 * AlphaZero-style self-play ({@code "type": "alphazero"}): an {@link AlphaZeroAgent} on a board game, evaluated by
 * {@link GameEvaluator} matches against the standard opponents (random, exact minimax on tic-tac-toe, UCT).
 */
public final class AlphaZeroKind implements AgentKind<AlphaZeroConfig> {

    @Override
    public Class<AlphaZeroConfig> configType() {
        return AlphaZeroConfig.class;
    }

    @Override
    public AlphaZeroConfig defaults() {
        return AlphaZeroConfig.defaults();
    }

    @Override
    public TrainsOn trainsOn() {
        return TrainsOn.BOARD_GAMES;
    }

    @Override
    public BufferFields bufferFields() {
        return BufferFields.buffer();
    }

    @Override
    public LearningAgent create(AlphaZeroConfig config, LearnerContext c) {
        return AlphaZeroAgent.create(config, requireGame(c), c.runSeed(), c.probeSize(), c.dataType());
    }

    /** {@inheritDoc} The snapshot must be an {@link AlphaZeroAgent}'s ({@link AlphaZeroView}): the matches search with it. */
    @Override
    public Map<String, Double> evaluate(AlphaZeroConfig config, LearnerContext c, PolicyValueView snapshot) {
        if (!(snapshot instanceof AlphaZeroView view)) {
            throw new IllegalArgumentException("matches need an AlphaZero snapshot, got " + snapshot.getClass().getName());
        }
        GameEvaluator matches = new GameEvaluator(requireGame(c), config.evalSimulations(), config.cPuct(),
                c.evalSeed());
        return matches.evaluate(view.net(), GameEvaluator.standardOpponents(c.game(), config.evalUctSimulations()),
                config.evalGames());
    }

    private static Game requireGame(LearnerContext c) {
        if (c.game() == null) {
            throw new IllegalArgumentException("alphazero trains on board games; the context gives a grid world");
        }
        return c.game();
    }
}
