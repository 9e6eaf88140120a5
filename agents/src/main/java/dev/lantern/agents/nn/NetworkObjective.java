package dev.lantern.agents.nn;

/**
 * The base of every loss bound to one network (PPO's {@code ActorCriticObjective}, DQN's {@code TdObjective},
 * {@code AlphaZeroLoss}): the network it evaluates, and the same loss on that network's private
 * {@link GraphNetwork#shadow()}, made on first use and kept, which pinned probes evaluate on so that they never write
 * the trained network. Not thread-safe; one instance per network.
 *
 * @param <N> the network type
 * @param <O> the concrete objective, which {@link #forShadow()} returns
 */
public abstract class NetworkObjective<N extends GraphNetwork, O extends NetworkObjective<N, O>> {

    /** The network evaluated. */
    protected final N net;
    private O shadow;

    /** Binds the objective to {@code net}. */
    protected NetworkObjective(N net) {
        this.net = net;
    }

    /** The network evaluated. */
    public N net() {
        return net;
    }

    /** The same loss on the network's private shadow, made on first use and kept. */
    public O forShadow() {
        if (shadow == null) {
            shadow = onShadow();
        }
        return shadow;
    }

    /** A new objective with this one's settings on {@code net().shadow()}. */
    protected abstract O onShadow();
}
