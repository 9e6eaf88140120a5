package dev.lantern.agents.alphazero;

/**
 * The outcome of a {@link GameEvaluator} match, counted from the agent's side.
 *
 * @param opponent       the opponent's name
 * @param wins           games the agent won
 * @param draws          games drawn
 * @param losses         games the agent lost
 * @param lossesAsFirst  of the losses, those with the agent moving first
 * @param lossesAsSecond of the losses, those with the agent moving second
 */
public record MatchResult(String opponent, int wins, int draws, int losses, int lossesAsFirst, int lossesAsSecond) {

    /** Games played. */
    public int games() {
        return wins + draws + losses;
    }

    /** Wins / games. */
    public double winRate() {
        return (double) wins / games();
    }

    /** Draws / games. */
    public double drawRate() {
        return (double) draws / games();
    }

    /** Losses / games. */
    public double lossRate() {
        return (double) losses / games();
    }
}
