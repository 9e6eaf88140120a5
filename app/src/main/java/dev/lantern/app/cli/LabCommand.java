package dev.lantern.app.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code lantern lab}: opens the JavaFX lab (with {@code --runs}, run directories in its Compare tab). */
@Command(name = "lab", description = "Open the lab: watch an agent learn, its policy, values and LCA, live.")
final class LabCommand implements Callable<Integer> {

    @Option(names = "--env", paramLabel = "ID", description = "environment to start with: a grid world or a board game "
            + "(game/tic-tac-toe-v1, game/connect-four-v1) (default: grid/four-rooms-v1)")
    private String env = "grid/four-rooms-v1";

    @Option(names = "--agent", paramLabel = "TYPE", description = "learner to start with: ppo, a2c or dqn on a grid "
            + "world, alphazero on a game (default: ppo on a grid world, alphazero on a game)")
    private String agent;

    @Option(names = "--seed", paramLabel = "N", description = "run seed (default: 1)")
    private long seed = 1;

    @Option(names = "--steps", paramLabel = "N", description = "environment steps per run (default: 80000)")
    private long steps = dev.lantern.app.lab.LabSettings.DEFAULT_STEPS;

    @Option(names = "--no-lca", description = "switch loss change allocation off")
    private boolean noLca;

    @Option(names = "--runs", arity = "1..*", paramLabel = "RUN", description = "run directories (or folders of runs) "
            + "to open in the Compare tab: their curves, IQM and lineage, and a scrubber over their checkpoints")
    private java.util.List<java.nio.file.Path> runs = java.util.List.of();

    @picocli.CommandLine.Spec
    private picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        java.io.PrintWriter err = spec.commandLine().getErr();
        if (!dev.lantern.app.lab.LabSettings.ENVIRONMENTS.contains(env)) {
            err.println("--env: unknown environment '" + env + "' (known: "
                    + String.join(", ", dev.lantern.app.lab.LabSettings.ENVIRONMENTS) + ")");
            return LanternCli.BAD_INPUT;
        }
        boolean game = dev.lantern.app.lab.LabSettings.isGame(env);
        java.util.List<String> learners = game ? dev.lantern.app.lab.LabSettings.GAME_AGENTS
                : dev.lantern.app.lab.LabSettings.AGENTS;
        if (agent == null) {
            agent = dev.lantern.app.lab.LabSettings.defaultAgent(env);
        }
        if (!learners.contains(agent)) {
            err.println("--agent: " + (game ? "'" + agent + "' does not train on " + env + " (known there: "
                    : "unknown learner '" + agent + "' (known: ") + String.join(", ", learners) + ")");
            return LanternCli.BAD_INPUT;
        }
        if (steps < 1) {
            err.println("--steps: must be >= 1, got " + steps);
            return LanternCli.BAD_INPUT;
        }
        java.util.List<String> bad = dev.lantern.app.lab.RunDirs.problems(runs);
        if (!bad.isEmpty()) {
            bad.forEach(p -> err.println("--runs: " + p));
            return LanternCli.BAD_INPUT;
        }
        String problem = DoctorCommand.displayProblem();
        if (problem != null) {
            err.println("lantern lab: " + problem);
            return LanternCli.BAD_INPUT;
        }
        dev.lantern.app.lab.LabLauncher.launch(new dev.lantern.app.lab.LabSettings(env, agent, seed, steps, !noLca),
                runs);
        return 0;
    }
}
