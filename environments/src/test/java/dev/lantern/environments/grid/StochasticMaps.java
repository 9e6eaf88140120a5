package dev.lantern.environments.grid;

/** Test helper: facts about a world's transition model that only the grid package can see. */
public final class StochasticMaps {

    private StochasticMaps() {
    }

    /** Whether some action of some reachable state has more than one outcome (by the exact state space). */
    public static boolean isStochastic(GridWorld env) {
        GridStateSpace space = GridStateSpace.of(env.dynamics());
        for (int s = 0; s < space.size(); s++) {
            for (int a = 0; a < 4; a++) {
                if (space.first[s * 4 + a + 1] - space.first[s * 4 + a] > 1) {
                    return true;
                }
            }
        }
        return false;
    }
}
