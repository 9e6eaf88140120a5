package dev.lantern.agents.actorcritic;

/**
 * The pieces of one evaluation of the actor-critic loss, averaged over the batch.
 *
 * @param total        the loss that is minimized: {@code policy + c_v value − c_e entropy}
 * @param policy       the clipped surrogate loss (negated objective)
 * @param value        ½ mean squared error of the value head against the returns
 * @param entropy      mean policy entropy in nats
 * @param approxKl     mean of {@code (r − 1) − log r}, an estimate of KL(old ‖ new)
 * @param clipFraction fraction of samples whose clipped term was active
 */
public record LossParts(double total, double policy, double value, double entropy, double approxKl, double clipFraction) {
}
