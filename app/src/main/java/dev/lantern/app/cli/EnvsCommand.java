package dev.lantern.app.cli;

import dev.lantern.environments.registry.EnvRegistry;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code lantern envs}: the registered environments, one line each. */
@Command(name = "envs", description = "List the registered environments, one line each.")
final class EnvsCommand implements Callable<Integer> {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        int width = EnvRegistry.ids().stream().mapToInt(String::length).max().orElse(0);
        for (String id : EnvRegistry.ids()) {
            String description = EnvRegistry.describe(id);
            if (description.startsWith(id + ": ")) {
                description = description.substring(id.length() + 2);
            }
            spec.commandLine().getOut().printf("%-" + width + "s  %s%n", id, description);
        }
        return 0;
    }
}
