package dev.lantern.app.cli;

import dev.lantern.environments.board.Game;
import dev.lantern.environments.board.GameRegistry;
import dev.lantern.environments.registry.EnvRegistry;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code lantern envs}: the registered environments, one line each. */
@Command(name = "envs", description = "List the registered environments and games, one line each.")
final class EnvsCommand implements Callable<Integer> {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        int width = java.util.stream.Stream.concat(EnvRegistry.ids().stream(), GameRegistry.ids().stream())
                .mapToInt(String::length).max().orElse(0);
        for (String id : EnvRegistry.ids()) {
            String description = EnvRegistry.describe(id);
            if (description.startsWith(id + ": ")) {
                description = description.substring(id.length() + 2);
            }
            spec.commandLine().getOut().printf("%-" + width + "s  %s%n", id, description);
        }
        for (Game g : GameRegistry.all()) {
            int[] shape = g.observationShape();
            spec.commandLine().getOut().printf("%-" + width + "s  %d-player board game, %d actions, observation %dx%dx%d"
                    + " (docs/games.md)%n", g.id(), g.numPlayers(), g.numDistinctActions(), shape[0], shape[1], shape[2]);
        }
        return 0;
    }
}
