package dev.lantern.agents.alphazero;

/**
 * A fixed opponent for {@link GameEvaluator}.
 *
 * @param name        the name used in metric keys ({@code eval/vs_<name>_win_rate})
 * @param kind        how it plays
 * @param simulations UCT simulations per move (for {@link Kind#UCT}; 0 otherwise)
 */
public record Opponent(String name, Kind kind, int simulations) {

    /** How an opponent chooses its moves. */
    public enum Kind {
        /** A uniformly random legal move. */
        RANDOM,
        /** A uniformly random move among the exactly optimal ones ({@link dev.lantern.environments.board.Minimax}). */
        MINIMAX,
        /** UCT ({@link dev.lantern.agents.mcts.Mcts}, c = sqrt 2) with random rollouts, most visited move. */
        UCT
    }

    public Opponent {
        if (kind == Kind.UCT && simulations < 1) {
            throw new IllegalArgumentException("a UCT opponent needs simulations >= 1, got " + simulations);
        }
    }

    /** Uniformly random moves, named {@code random}. */
    public static Opponent random() {
        return new Opponent("random", Kind.RANDOM, 0);
    }

    /** Exact minimax with random tie-breaking among optimal moves, named {@code minimax} (small games only). */
    public static Opponent minimax() {
        return new Opponent("minimax", Kind.MINIMAX, 0);
    }

    /** UCT with {@code simulations} random-rollout simulations per move, named {@code uct<simulations>}. */
    public static Opponent uct(int simulations) {
        return new Opponent("uct" + simulations, Kind.UCT, simulations);
    }
}
