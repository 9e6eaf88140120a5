package dev.lantern.app.bench;

import dev.lantern.app.console.LanternCommand;
import dev.lantern.app.lab.GameLabBenchRun;
import dev.lantern.app.lab.LabSettings;
import dev.lantern.environments.board.GameRegistry;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code lantern bench gamelab}: what the lab's game view costs AlphaZero's self-play, measured in one run. The same
 * lab experiment (AlphaZero defaults, seed 1, LCA off) is trained with the lab closed, open on the game view's
 * self-play game (re-analysed at every snapshot), and open with the agent playing UCT move after move, {@code
 * --rounds} times in turn after an untimed warm-up; printed per run and as means: self-play positions/s, iterations
 * and self-play seconds timed, the view's analyses, and the ratios of the open lab's self-play speed to the closed
 * one's (the target: at most 10% slower). Needs a display (a real one, or Xvfb).
 */
@Command(name = "gamelab", description = "AlphaZero self-play speed with the lab closed vs open on its game view "
        + "(needs a display; Xvfb will do).")
final class BenchGameLabCommand extends LanternCommand {

    @Option(names = "--env", paramLabel = "ID", description = "game (default: game/tic-tac-toe-v1)")
    private String env = "game/tic-tac-toe-v1";

    @Option(names = "--steps", paramLabel = "N", description = "self-play positions per run (default: 12000)")
    private long steps = 12_000;

    @Option(names = "--rounds", paramLabel = "N", description = "rounds of closed / view / playing (default: 2)")
    private int rounds = 2;

    @Override
    protected int execute() {
        new BenchArguments()
                .require(GameRegistry.ids().contains(env), "--env: unknown game '" + env + "' (known: "
                        + String.join(", ", GameRegistry.ids()) + ")")
                .require(steps >= 2_000 && steps <= 10_000_000, "--steps: must be in [2000, 10000000], got " + steps)
                .inRange("--rounds", rounds, 1, 10)
                .reject();
        PrintWriter out = out();
        LabSettings settings = new LabSettings(env, "alphazero", 1, steps, false);
        out.printf(Locale.ROOT, "lantern bench gamelab: %s, AlphaZero defaults, LCA off, %,d positions per run, %d "
                + "rounds, %d cores, display %s%n", env, steps, rounds, Runtime.getRuntime().availableProcessors(),
                System.getenv().getOrDefault("DISPLAY", "(none)"));
        out.printf(Locale.ROOT, "%-8s %-6s %18s %11s %17s %9s%n", "lab", "round", "self-play pos/s", "iterations",
                "self-play seconds", "analyses");
        Map<GameLabBenchRun.Mode, List<GameLabBenchRun.Figures>> all = new EnumMap<>(GameLabBenchRun.Mode.class);
        try {
            GameLabBenchRun.measure(new LabSettings(env, "alphazero", 1, 2_000, false), GameLabBenchRun.Mode.VIEW);
            for (int r = 1; r <= rounds; r++) {
                for (GameLabBenchRun.Mode mode : GameLabBenchRun.Mode.values()) {
                    GameLabBenchRun.Figures f = GameLabBenchRun.measure(settings, mode);
                    all.computeIfAbsent(mode, m -> new ArrayList<>()).add(f);
                    out.printf(Locale.ROOT, "%-8s %-6d %,18.0f %11d %17.1f %9d%n", mode.name().toLowerCase(Locale.ROOT),
                            r, f.positionsPerSecond(), f.iterations(), f.selfPlaySeconds(), f.analyses());
                    out.flush();
                }
            }
        } catch (UnsupportedOperationException | IllegalStateException e) {
            out.println("lantern bench gamelab: " + e.getMessage() + " (the lab needs a display: Xvfb :99 & "
                    + "DISPLAY=:99)");
            return 2;
        } catch (Exception e) {
            throw new IllegalStateException("bench gamelab failed: " + e, e);
        } finally {
            dev.lantern.app.lab.LabBenchRun.shutdown();
        }
        double closed = mean(all.get(GameLabBenchRun.Mode.CLOSED));
        double view = mean(all.get(GameLabBenchRun.Mode.VIEW));
        double playing = mean(all.get(GameLabBenchRun.Mode.PLAYING));
        out.printf(Locale.ROOT, "mean self-play positions/s: closed %,.0f, game view %,.0f, playing UCT %,.0f%n",
                closed, view, playing);
        out.printf(Locale.ROOT, "self-play speed, game view / closed: %.3f (%.1f%% slower; target <= 10%%); playing /"
                + " closed: %.3f (%.1f%% slower)%n", view / closed, 100 * (1 - view / closed), playing / closed,
                100 * (1 - playing / closed));
        out.flush();
        return 0;
    }

    private static double mean(List<GameLabBenchRun.Figures> runs) {
        return runs.stream().mapToDouble(GameLabBenchRun.Figures::positionsPerSecond).average().orElse(Double.NaN);
    }
}
