package dev.lantern.app.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lantern.agents.api.PolicyValueView;
import dev.lantern.agents.train.Recorder;
import dev.lantern.agents.train.RunContext;
import dev.lantern.agents.train.RunOutcome;
import dev.lantern.app.config.EnvConfig;
import dev.lantern.app.config.Experiment;
import dev.lantern.app.engine.ExperimentRun;
import dev.lantern.environments.grid.map.Cell;
import dev.lantern.environments.grid.map.GridMap;
import dev.lantern.environments.grid.GridObservation;
import dev.lantern.environments.grid.GridState;
import dev.lantern.environments.grid.GridWorld;
import dev.lantern.environments.registry.EnvRegistry;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The lab's frames for experiments that do not see one-hot planes: trained in the lab's engine (the controller, its
 * live feed and {@link ExperimentRun}), the last frame's policy and value in every drawn cell equal the final network
 * evaluated on the observation that cell really produces (egocentric window, symbolic vector). A frame encoded with
 * any other observation would not even have the network's input size.
 */
class LabFramesTest {

    /** The network is float32: one state alone and the frame's batch of all states round differently (~1e-7). */
    private static final double TOLERANCE = 1e-6;

    static Stream<Arguments> experiments() {
        return Stream.of(Arguments.of("ppo", new GridObservation(GridObservation.Kind.EGOCENTRIC, 5)),
                Arguments.of("dqn", new GridObservation(GridObservation.Kind.SYMBOLIC, 5)));
    }

    @ParameterizedTest
    @MethodSource("experiments")
    void framesShowTheNetworkOnTheObservationsItSees(String agent, GridObservation observation) throws Exception {
        LabSettings settings = new LabSettings("grid/key-door-v1", agent, 3, 2048, false);
        Experiment experiment = withObservation(LabController.experimentFor(settings), observation);
        PolicyFrame frame;
        try (LabController controller = new LabController(0, s -> experiment)) {
            LiveFeed feed = controller.start(settings);
            LabControllerTest.waitFor(() -> feed.status().phase() == LiveFeed.Phase.ENDED
                    || feed.status().phase() == LiveFeed.Phase.FAILED, 120_000);
            assertEquals(LiveFeed.Phase.ENDED, feed.status().phase(), () -> "failure: " + feed.status().failure());
            assertEquals(observation, feed.status().info().observation());
            frame = feed.latestFrame();
            assertTrue(frame.updates() > 0, "the network was trained");
        }
        // The same experiment again (deterministic), keeping the final network's snapshot.
        FinalSnapshot last = new FinalSnapshot();
        ExperimentRun.builder(experiment).observer(last).build().run();
        PolicyValueView view = last.view;
        assertNotNull(view);
        GridMap map = EnvRegistry.map("grid/key-door-v1");
        GridWorld world = new GridWorld("grid/key-door-v1", map, 200, observation);
        float[] obs = new float[world.spec().observationSize()];
        double[] probs = new double[view.actionCount()];
        double[] value = new double[1];
        for (int mask : frame.keysMasks()) {
            int drawn = 0;
            for (Cell c : world.freeCells()) {
                if (!frame.has(c.row(), c.col(), mask)) {
                    continue;
                }
                world.encode(new GridState(c.row(), c.col(), mask), obs, 0);
                view.evaluate(obs, 1, probs, value);
                assertEquals(value[0], frame.value(c.row(), c.col(), mask), TOLERANCE, "value at " + c + " keys " + mask);
                for (int a = 0; a < probs.length; a++) {
                    assertEquals(probs[a], frame.probability(c.row(), c.col(), mask, a), TOLERANCE,
                            "action " + a + " at " + c + " keys " + mask);
                }
                drawn++;
            }
            assertTrue(drawn > 10, "cells drawn with keys " + mask + ": " + drawn);
        }
    }

    private static Experiment withObservation(Experiment e, GridObservation observation) {
        return new Experiment(e.name(), e.seed(), new EnvConfig(e.env().id(), null, e.env().maxEpisodeSteps(),
                observation), e.agent(), e.training(), e.lca());
    }

    /** Takes a snapshot of the network when the run ends. */
    private static final class FinalSnapshot implements Recorder {
        private Supplier<PolicyValueView> snapshot;
        private PolicyValueView view;

        @Override
        public void runStarted(RunContext run) {
            snapshot = run.snapshot();
        }

        @Override
        public void runEnded(RunOutcome outcome) {
            view = snapshot.get();
        }
    }
}
