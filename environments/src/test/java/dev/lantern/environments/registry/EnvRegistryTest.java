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
        assertEquals(List.of("grid/absent-supervisor-v1", "grid/cliff-walking-v1", "grid/coloured-keys-v1",
                "grid/distributional-shift-test-v1", "grid/distributional-shift-train-v1", "grid/empty-16x16-v1",
                "grid/empty-5x5-v1", "grid/empty-8x8-v1", "grid/four-rooms-v1", "grid/frozen-lake-4x4-v1",
                "grid/key-door-v1", "grid/lava-crossing-v1", "grid/lava-gap-v1", "grid/maze-11x11-test-v1",
                "grid/maze-11x11-train-v1", "grid/procedural-maze-15-v1", "grid/procedural-maze-21-v1",
                "grid/reward-gaming-v1", "grid/safe-interruptibility-v1", "grid/side-effects-v1", "grid/trojan-v1",
                "grid/whisky-gold-v1"), EnvRegistry.ids());
    }

    @Test
    void unknownIdListsTheKnownOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> EnvRegistry.make("grid/nope"));
        assertEquals("unknown environment id 'grid/nope' (known: " + String.join(", ", EnvRegistry.ids()) + ")",
                e.getMessage());
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
