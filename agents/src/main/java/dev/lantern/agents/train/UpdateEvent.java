package dev.lantern.agents.train;

import dev.lantern.agents.api.PinnedLoss;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * One optimizer step, as recorders see it on the training thread right after the parameters changed.
 *
 * @param update       index of this update in the run, from 0
 * @param envStep      environment steps collected so far
 * @param paramsBefore θ_t, a copy taken before the step (null unless a recorder asked for parameter history),
 *                     released by the learner once the recorders have seen the event: read it, do not keep it
 * @param paramsAfter  θ_{t+1}, the live parameter vector; do not keep it, {@code dup()} what you need
 * @param probe        the pinned loss of the current window (null when the agent makes no probes)
 */
public record UpdateEvent(long update, long envStep, INDArray paramsBefore, INDArray paramsAfter, PinnedLoss probe) {
}
