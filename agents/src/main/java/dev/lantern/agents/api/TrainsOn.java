package dev.lantern.agents.api;

/** What a learner trains on: the environments an experiment may pair it with. */
public enum TrainsOn {
    /** Grid worlds ({@code grid/...} ids and map files), through {@link LearnerContext#environments()}. */
    GRID_WORLDS,
    /** Two-player board games ({@code game/...} ids), through {@link LearnerContext#game()}. */
    BOARD_GAMES
}
