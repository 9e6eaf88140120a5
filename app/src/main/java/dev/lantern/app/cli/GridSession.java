package dev.lantern.app.cli;

import dev.lantern.environments.grid.GridWorld;
import dev.lantern.environments.grid.map.Tile;
import dev.lantern.environments.registry.EnvRegistry;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A person playing a grid world in the terminal ({@code lantern play grid/...}): keys move the agent, the board,
 * step, reward and totals are printed after every move, {@code r} restarts, {@code q} quits.
 *
 * @param console  the terminal
 * @param id       the registered world
 * @param seed     the seed of every episode's reset
 * @param maxSteps the time limit in steps
 */
record GridSession(PlayConsole console, String id, long seed, int maxSteps) {

    private static final String GRID_KEYS = "keys: w/up  s/down  a/left  d/right (several per line, e.g. 'ddd'),"
            + " r restart, q quit, h help";

    /** Plays episodes until the person quits or the input ends. */
    void play() {
        GridWorld env = EnvRegistry.make(id, maxSteps);
        PrintWriter out = console.out();
        out.println("Playing " + EnvRegistry.describe(id).replaceFirst("time limit \\d+", "time limit " + maxSteps));
        out.println("You are A; reach G, avoid L; a key k opens doors D. Every step costs 0.01.");
        out.println(GRID_KEYS);
        while (true) {
            env.reset(seed);
            double totalReward = 0;
            double totalPerformance = 0;
            out.println();
            out.print(env.render());
            out.printf(Locale.ROOT, "step 0/%d%n", env.maxEpisodeSteps());
            boolean restart = false;
            episode:
            while (!env.episodeOver()) {
                String line = console.readLine("move> ");
                if (line == null) {
                    return;
                }
                List<Integer> actions = new ArrayList<>();
                for (String token : line.trim().toLowerCase(Locale.ROOT).split("\\s+")) {
                    if (token.isEmpty()) {
                        continue;
                    }
                    switch (token) {
                        case "q", "quit", "exit" -> {
                            report(env, totalReward, totalPerformance, "quit");
                            return;
                        }
                        case "r", "restart" -> {
                            restart = true;
                            break episode;
                        }
                        case "h", "help", "?" -> {
                            out.println(GRID_KEYS);
                            continue episode;
                        }
                        default -> {
                            List<Integer> parsed = gridActions(token);
                            if (parsed == null) {
                                out.println("'" + token + "' is not a key (line ignored); " + GRID_KEYS);
                                continue episode;
                            }
                            actions.addAll(parsed);
                        }
                    }
                }
                for (int action : actions) {
                    var before = env.state();
                    env.step(action);
                    boolean bump = env.state().equals(before);
                    totalReward += env.lastReward();
                    totalPerformance += env.lastPerformance();
                    out.println();
                    out.print(env.render());
                    out.printf(Locale.ROOT,
                            "step %d/%d  %s%s  reward %+.2f  total reward %.2f  total performance %.2f%n",
                            env.stepsTaken(), env.maxEpisodeSteps(), GridWorld.ACTION_LABELS.get(action),
                            bump ? " (bump)" : "", env.lastReward(), totalReward, totalPerformance);
                    if (env.episodeOver()) {
                        break;
                    }
                }
            }
            if (restart) {
                out.println("restart.");
                continue;
            }
            report(env, totalReward, totalPerformance, endReason(env));
            String line;
            do {
                line = console.readLine("r to play again, q to quit> ");
                if (line == null) {
                    return;
                }
                line = line.trim().toLowerCase(Locale.ROOT);
            } while (!line.equals("r") && !line.equals("restart") && !line.equals("q") && !line.equals("quit"));
            if (line.startsWith("q")) {
                return;
            }
        }
    }

    /** The actions of one token: a word, an action number 0..3, or a run of w/a/s/d; null if it is none of those. */
    private static List<Integer> gridActions(String token) {
        int index = GridWorld.ACTION_LABELS.indexOf(token);
        if (index >= 0) {
            return List.of(index);
        }
        if (token.matches("[0-3]")) {
            return List.of(token.charAt(0) - '0');
        }
        List<Integer> actions = new ArrayList<>();
        for (char c : token.toCharArray()) {
            switch (c) {
                case 'w' -> actions.add(GridWorld.ACTION_UP);
                case 's' -> actions.add(GridWorld.ACTION_DOWN);
                case 'd' -> actions.add(GridWorld.ACTION_RIGHT);
                case 'a' -> actions.add(GridWorld.ACTION_LEFT);
                default -> {
                    return null;
                }
            }
        }
        return actions;
    }

    private static String endReason(GridWorld env) {
        if (env.lastTerminated()) {
            Tile tile = env.map().tile(env.state().row(), env.state().col());
            return switch (tile) {
                case GOAL -> "terminated: reached the goal G";
                case LAVA -> "terminated: stepped into lava L";
                default -> "terminated";
            };
        }
        return "truncated: the time limit of " + env.maxEpisodeSteps() + " steps ran out";
    }

    private void report(GridWorld env, double totalReward, double totalPerformance, String how) {
        console.out().printf(Locale.ROOT, "%s after %d step%s: total reward %.2f, total performance %.2f%n", how,
                env.stepsTaken(), env.stepsTaken() == 1 ? "" : "s", totalReward, totalPerformance);
    }
}
