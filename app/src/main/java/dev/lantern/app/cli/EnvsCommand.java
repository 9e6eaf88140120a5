package dev.lantern.app.cli;

import dev.lantern.environments.board.Game;
import dev.lantern.environments.board.GameRegistry;
import dev.lantern.environments.registry.EnvRegistry;
import dev.lantern.app.console.LanternCommand;
import picocli.CommandLine.Command;

/** {@code lantern envs}: the registered environments, one line each. */
@Command(name = "envs", description = "List the registered environments and games, one line each.")
final class EnvsCommand extends LanternCommand {

    @Override
    protected int execute() {
        int width = java.util.stream.Stream.concat(EnvRegistry.ids().stream(), GameRegistry.ids().stream())
                .mapToInt(String::length).max().orElse(0);
        for (String id : EnvRegistry.ids()) {
            String description = EnvRegistry.describe(id);
            if (description.startsWith(id + ": ")) {
                description = description.substring(id.length() + 2);
            }
            out().printf("%-" + width + "s  %s%n", id, description);
        }
        for (Game g : GameRegistry.all()) {
            int[] shape = g.observationShape();
            out().printf("%-" + width + "s  %d-player board game, %d actions, observation %dx%dx%d"
                    + " (docs/games.md)%n", g.id(), g.numPlayers(), g.numDistinctActions(), shape[0], shape[1], shape[2]);
        }
        return 0;
    }
}
