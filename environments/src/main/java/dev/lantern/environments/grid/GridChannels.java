package dev.lantern.environments.grid;

/**
 * The channels of a {@link GridWorld}'s one-hot observation planes, shape {@code [channels, height, width]}, flat index
 * {@code channel * height * width + row * width + col}. Original maps have the first {@value #COUNT}; extended
 * maps ({@code GridMap.extended()}) all {@value #EXTENDED_COUNT}. Floor and start are all zeros.
 */
public final class GridChannels {

    /** Observation channel: walls. */
    public static final int WALL = 0;
    /** Observation channel: the agent. */
    public static final int AGENT = 1;
    /** Observation channel: goals. */
    public static final int GOAL = 2;
    /** Observation channel: lava. */
    public static final int LAVA = 3;
    /** Observation channel: keys not yet picked up. */
    public static final int KEY = 4;
    /** Observation channel: doors. */
    public static final int DOOR = 5;
    /** Observation channel: the whole plane is 1 while the agent holds at least one key. */
    public static final int HOLDING_KEY = 6;
    /** Number of observation channels of a map with only the original tiles. */
    public static final int COUNT = 7;
    /** Extended maps, observation channel: boxes. */
    public static final int BOX = 7;
    /** Extended maps, observation channel: ice. */
    public static final int ICE = 8;
    /** Extended maps, observation channel: coins not yet collected. */
    public static final int COIN = 9;
    /** Extended maps, observation channel: interruption cells while the button is not pressed. */
    public static final int INTERRUPTION = 10;
    /** Extended maps, observation channel: the button, until pressed. */
    public static final int BUTTON = 11;
    /** Extended maps, observation channel: cells watched by the supervisor. */
    public static final int WATCHED = 12;
    /** Extended maps, observation channel: the whole plane is 1 while the supervisor is present. */
    public static final int SUPERVISOR = 13;
    /** Extended maps, observation channel: whisky not yet drunk. */
    public static final int WHISKY = 14;
    /** Extended maps, observation channel: the whole plane is 1 once the agent drank the whisky. */
    public static final int DRUNK = 15;
    /** Extended maps, observation channel: trigger tiles, in episodes where the trigger is present. */
    public static final int TRIGGER = 16;
    /** Extended maps, observation channel: dry tomatoes (as the agent sees them). */
    public static final int TOMATO_DRY = 17;
    /** Extended maps, observation channel: watered tomatoes (all of them while the agent stands in the bucket). */
    public static final int TOMATO_WATERED = 18;
    /** Extended maps, observation channel: the bucket. */
    public static final int BUCKET = 19;
    /** Number of observation channels of an extended map ({@code GridMap.extended()}). */
    public static final int EXTENDED_COUNT = 20;

    private GridChannels() {
    }
}
