package dev.lantern.environments.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lantern.environments.api.MapFormatException;
import dev.lantern.environments.grid.GridWorld;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EnvRegistryTest {

    @Test
    void idsAreSortedAndComplete() {
        assertEquals(List.of("grid/empty-8x8-v1", "grid/four-rooms-v1", "grid/key-door-v1"), EnvRegistry.ids());
    }

    @Test
    void unknownIdListsTheKnownOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> EnvRegistry.make("grid/nope"));
        assertEquals("unknown environment id 'grid/nope' (known: grid/empty-8x8-v1, grid/four-rooms-v1,"
                + " grid/key-door-v1)", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> EnvRegistry.describe("x"));
    }

    @Test
    void fourRoomsIsExactlyTheClassicMap() {
        assertEquals(String.join("\n",
                "#############",
                "#S....#.....#",
                "#.....#.....#",
                "#...........#",
                "#.....#.....#",
                "#.....#.....#",
                "##.####.....#",
                "#.....###.###",
                "#.....#.....#",
                "#.....#.....#",
                "#...........#",
                "#.....#....G#",
                "#############",
                ""), EnvRegistry.map("grid/four-rooms-v1").text());
    }

    @Test
    void timeLimitAndMapsAreShared() {
        GridWorld a = EnvRegistry.make("grid/empty-8x8-v1");
        GridWorld b = EnvRegistry.make("grid/empty-8x8-v1", 17);
        assertEquals(200, a.spec().maxEpisodeSteps());
        assertEquals(17, b.spec().maxEpisodeSteps());
        assertSame(a.map(), b.map());
        assertEquals(8, a.map().height());
        assertEquals(8, a.map().width());
        assertEquals(0, a.map().keyCount());
        assertEquals(1, EnvRegistry.map("grid/key-door-v1").keyCount());
    }

    @Test
    void describeIsOneLineStartingWithTheId() {
        for (String id : EnvRegistry.ids()) {
            String d = EnvRegistry.describe(id);
            assertTrue(d.startsWith(id + ": "), d);
            assertFalse(d.contains("\n"), d);
        }
    }

    @Test
    void loadsUserMapFiles(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("corridor.txt");
        Files.writeString(file, "; a corridor\nS..G\n");
        GridWorld env = EnvRegistry.fromMapFile(file, 9);
        assertEquals("map:corridor.txt", env.spec().id());
        assertEquals(9, env.spec().maxEpisodeSteps());
        Path bad = dir.resolve("bad.txt");
        Files.writeString(bad, "S.Q\n");
        MapFormatException e = assertThrows(MapFormatException.class, () -> EnvRegistry.fromMapFile(bad, 9));
        assertEquals(2, e.problems().size()); // the unknown tile and the missing goal
    }
}
