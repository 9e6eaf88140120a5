package dev.lantern.app.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lantern.agents.api.ParameterLayout;
import dev.lantern.agents.api.PolicyValueView;
import dev.lantern.agents.api.Snapshots;
import dev.lantern.agents.train.RunContext;
import dev.lantern.agents.train.RunOutcome;
import dev.lantern.environments.registry.EnvRegistry;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The live feed recycles the copies behind its frames only when no one can read them: not the latest frame's, not
 * one a reader holds ({@link LiveFeed#latestSnapshot}) until it is given back; and every frame shows the moment of its
 * own snapshot.
 */
class LiveFeedRecyclingTest {

    /** A view that answers its own number as every state's value. */
    private record Numbered(int number) implements PolicyValueView {
        @Override
        public int actionCount() {
            return 4;
        }

        @Override
        public int inputSize() {
            return EnvRegistry.make("grid/four-rooms-v1").spec().observationSize();
        }

        @Override
        public void evaluate(float[] observations, int count, double[] probabilities, double[] values) {
            java.util.Arrays.fill(probabilities, 0, count * 4, 0.25);
            java.util.Arrays.fill(values, 0, count, number);
        }
    }

    /** Snapshots numbered in order; records which spent view each recycled one was made from. */
    private static final class Source implements Snapshots {
        final List<PolicyValueView> refilled = new ArrayList<>();
        int made;

        @Override
        public PolicyValueView get() {
            return new Numbered(made++);
        }

        @Override
        public PolicyValueView reusing(PolicyValueView spent) {
            refilled.add(spent);
            return new Numbered(made++);
        }
    }

    @Test
    void onlyCopiesNoOneReadsAreRefilled() {
        Source source = new Source();
        LiveFeed feed = new LiveFeed(new LabSettings("grid/four-rooms-v1", 1, 4096, false), 0);
        feed.runStarted(new RunContext(new ParameterLayout(List.of()), null, (step, name, value) -> { }, new HashMap<>(),
                source, () -> EnvRegistry.make("grid/four-rooms-v1")));
        try {
            feed.iterationEnded(1, 100); // frame 1: a new copy (none spent yet); frame 0's copy is spent now
            feed.iterationEnded(2, 200); // frame 2: frame 0's copy refilled
            assertEquals(List.of(new Numbered(0)), source.refilled);
            assertEquals(2, shownValue(feed), "each frame shows its own snapshot");

            LiveFeed.Snapshot held = feed.latestSnapshot(); // a reader holds frame 2's copy
            for (int i = 3; i < 8; i++) {
                feed.iterationEnded(i, 100L * i);
                assertEquals(source.made - 1, shownValue(feed));
            }
            assertFalse(source.refilled.contains(held.view()), "a held copy is never refilled: " + source.refilled);
            feed.giveBack(held);
            assertThrows(IllegalArgumentException.class, () -> feed.giveBack(held), "given back once");
            for (int i = 8; i < 12; i++) {
                feed.iterationEnded(i, 100L * i);
            }
            assertTrue(source.refilled.contains(held.view()), "given back and replaced, it is refilled");
            Map<PolicyValueView, Integer> times = new HashMap<>();
            source.refilled.forEach(v -> times.merge(v, 1, Integer::sum));
            times.values().forEach(n -> assertEquals(1, n, "each spent view is given up once: " + source.refilled));

            LiveFeed.Snapshot latest = feed.latestSnapshot();
            feed.giveBack(latest); // the latest one given back stays until a newer frame replaces it
            feed.iterationEnded(12, 1200);
            assertFalse(source.refilled.contains(latest.view()), "not refilled while it was the latest");
            for (int i = 13; i < 17; i++) {
                feed.iterationEnded(i, 100L * i);
            }
            assertTrue(source.refilled.contains(latest.view()), "then it is");
        } finally {
            feed.runEnded(new RunOutcome("completed", 1300, 0, 0, Map.of(), null));
        }
    }

    private static int shownValue(LiveFeed feed) {
        PolicyFrame f = feed.latestFrame();
        RunInfo info = feed.status().info();
        var cell = info.map().start();
        return (int) f.value(cell.row(), cell.col(), 0);
    }
}
