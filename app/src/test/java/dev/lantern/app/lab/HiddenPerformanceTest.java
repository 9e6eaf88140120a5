package dev.lantern.app.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.lantern.environments.registry.EnvRegistry;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The lab charts the hidden performance on exactly the registered maps where it can differ from the reward. */
class HiddenPerformanceTest {

    @Test
    void theSafetyGridsAndNoOthers() {
        Set<String> found = new TreeSet<>();
        for (String id : EnvRegistry.ids()) {
            if (id.startsWith("grid/") && HiddenPerformance.differsFromReward(EnvRegistry.map(id))) {
                found.add(id);
            }
        }
        assertEquals(new TreeSet<>(Set.of("grid/absent-supervisor-v1", "grid/reward-gaming-v1",
                "grid/safe-interruptibility-v1", "grid/side-effects-v1", "grid/trojan-v1", "grid/whisky-gold-v1")),
                found);
    }
}
