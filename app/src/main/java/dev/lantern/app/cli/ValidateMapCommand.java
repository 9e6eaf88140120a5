package dev.lantern.app.cli;

import dev.lantern.app.config.ConfigException;
import dev.lantern.app.console.LanternCommand;
import dev.lantern.environments.api.MapFormatException;
import dev.lantern.environments.grid.map.Cell;
import dev.lantern.environments.grid.map.GridMap;
import dev.lantern.environments.grid.map.GridMapParser;
import dev.lantern.environments.grid.GridWorld;
import dev.lantern.environments.grid.map.Cell;
import dev.lantern.environments.grid.map.GridMap;
import dev.lantern.environments.grid.map.GridMapParser;
import dev.lantern.environments.grid.map.Tile;
import dev.lantern.environments.grid.solve.FiniteHorizon;
import dev.lantern.environments.grid.solve.OptimalReturn;
import dev.lantern.app.engine.SolveProgressPrinter;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine;

/** {@code lantern validate-map FILE}: checks a map; exit 0 with a summary, or exit 2 with every located problem. */
@Command(name = "validate-map", description = "Check a grid map file (format: docs/maps.md).")
final class ValidateMapCommand extends LanternCommand {

    @Parameters(index = "0", paramLabel = "FILE", description = "the map file")
    private Path file;

    @Override
    protected int execute() {
        PrintWriter out = out();
        GridMap map;
        try {
            map = GridMapParser.parse(file);
        } catch (MapFormatException e) {
            List<String> problems = new ArrayList<>();
            e.problems().forEach(p -> problems.add(p.toString()));
            problems.add(String.format("%s: %d problem%s", file, e.count(), e.count() == 1 ? "" : "s"));
            throw new ConfigException(problems);
        }
        int free = 0;
        int goals = 0;
        int lava = 0;
        int doors = 0;
        for (int r = 0; r < map.height(); r++) {
            for (int c = 0; c < map.width(); c++) {
                Tile t = map.tile(r, c);
                free += t == Tile.WALL ? 0 : 1;
                goals += t == Tile.GOAL ? 1 : 0;
                lava += t == Tile.LAVA ? 1 : 0;
                doors += t == Tile.DOOR ? 1 : 0;
            }
        }
        GridWorld env = new GridWorld("map:" + file.getFileName(), map); // the map's own time limit (default 200)
        SolveProgressPrinter progress = SolveProgressPrinter.toStderr(env.spec().id());
        OptimalReturn truth = FiniteHorizon.solve(env, progress);
        progress.finish();
        Cell s = map.start();
        out.printf(Locale.ROOT, "%s: ok, %d x %d, start at row %d col %d, %d free cells, %d goal%s, %d lava, %d key%s, "
                + "%d door%s%n", file, map.height(), map.width(), s.row(), s.col(), free, goals, goals == 1 ? "" : "s",
                lava, map.keyCount(), map.keyCount() == 1 ? "" : "s", doors, doors == 1 ? "" : "s");
        if (truth.known()) {
            out.printf(Locale.ROOT, "optimal return from the start %.4f (exact: undiscounted, within the time limit of "
                    + "%d steps, over %d states)%n", truth.value(), truth.horizon(), truth.states());
        } else {
            out.printf(Locale.ROOT, "optimal return from the start: not solved (%s): %s%n", truth.status().label(),
                    truth.reason());
        }
        return 0;
    }
}
