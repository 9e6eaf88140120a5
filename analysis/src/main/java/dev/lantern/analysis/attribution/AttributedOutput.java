package dev.lantern.analysis.attribution;

import dev.lantern.agents.api.InspectableNetwork;
import dev.lantern.agents.api.Readout;
import dev.lantern.agents.api.Site;

/**
 * The scalar that is attributed: a neuron read through the seam ({@link Readout}: an action's logit, the value, a
 * Q-value, any hidden neuron), the softmax probability of one neuron of a logits site (an action's probability), or the
 * largest neuron of a site ({@code max_a Q(s, a)}), or the neuron largest at the observation held fixed along an
 * integration path (the greedy action's Q-value: the value of a Q-network, attributed without the kinks of a max).
 *
 * @param kind   which of the four
 * @param site   the site read
 * @param neuron the neuron of {@code site} ({@link Kind#NEURON}, {@link Kind#PROBABILITY}); -1 for {@link Kind#MAX}
 *               and {@link Kind#GREEDY}
 */
public record AttributedOutput(Kind kind, String site, int neuron) {

    /** The value head of an actor-critic network. */
    public static final String VALUE_SITE = "value.out";
    /** The action values of a Q-network. */
    public static final String Q_SITE = "q.values";

    /** What is read at the site. */
    public enum Kind {
        /** The neuron itself. */
        NEURON,
        /** The softmax over the whole site, taken at the neuron. */
        PROBABILITY,
        /** The largest neuron of the site, per example; its gradient is the largest neuron's (lowest index in ties). */
        MAX,
        /**
         * The neuron largest at the observation itself (lowest index in ties), then read as {@link #NEURON}: at the
         * observation it equals {@link #MAX}; on an integration path it stays that neuron, so F is smooth where a max
         * has kinks wherever the argmax changes. Results name the neuron chosen.
         */
        GREEDY
    }

    public AttributedOutput {
        if (kind == null || site == null) {
            throw new IllegalArgumentException("an attributed output needs a kind and a site, got " + kind + " and "
                    + site);
        }
        boolean any = kind == Kind.MAX || kind == Kind.GREEDY;
        if (any ? neuron != -1 : neuron < 0) {
            throw new IllegalArgumentException(kind + " at " + site + ": neuron must be "
                    + (any ? "-1" : ">= 0") + ", got " + neuron);
        }
    }

    /** The neuron itself (a logit, the value, a Q-value). */
    public static AttributedOutput of(Readout readout) {
        return new AttributedOutput(Kind.NEURON, readout.site(), readout.neuron());
    }

    /** The softmax probability of neuron {@code action} of the logits site {@code logitsSite}. */
    public static AttributedOutput probability(String logitsSite, int action) {
        return new AttributedOutput(Kind.PROBABILITY, logitsSite, action);
    }

    /** The largest neuron of {@code site}, e.g. {@code max_a Q(s, a)} of {@value #Q_SITE}. */
    public static AttributedOutput max(String site) {
        return new AttributedOutput(Kind.MAX, site, -1);
    }

    /** The neuron of {@code site} largest at the observation, e.g. the greedy action's Q-value. */
    public static AttributedOutput greedy(String site) {
        return new AttributedOutput(Kind.GREEDY, site, -1);
    }

    /**
     * The network's value: {@value #VALUE_SITE} where it has one, else the greedy action's Q-value
     * ({@link #greedy} of {@value #Q_SITE}).
     *
     * @throws IllegalArgumentException if it has neither
     */
    public static AttributedOutput valueOf(InspectableNetwork net) {
        boolean q = false;
        for (Site s : net.sites()) {
            if (s.name().equals(VALUE_SITE)) {
                return of(new Readout(VALUE_SITE, 0));
            }
            q |= s.name().equals(Q_SITE);
        }
        if (q) {
            return greedy(Q_SITE);
        }
        throw new IllegalArgumentException("the network has neither " + VALUE_SITE + " nor " + Q_SITE + " (sites: "
                + net.sites().stream().map(Site::name).toList() + ")");
    }

    /** The neuron read, for {@link Kind#NEURON} and {@link Kind#PROBABILITY}. */
    public Readout readout() {
        if (kind == Kind.MAX || kind == Kind.GREEDY) {
            throw new IllegalStateException(this + " reads no single neuron");
        }
        return new Readout(site, neuron);
    }

    @Override
    public String toString() {
        return switch (kind) {
            case NEURON -> site + "[" + neuron + "]";
            case PROBABILITY -> "softmax(" + site + ")[" + neuron + "]";
            case MAX -> "max(" + site + ")";
            case GREEDY -> "greedy(" + site + ")";
        };
    }
}
