package dev.lantern.agents.nn;

import dev.lantern.agents.api.Inspectable;
import dev.lantern.agents.api.InspectableNetwork;
import dev.lantern.agents.api.PolicyValueView;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;

/**
 * The base of every network snapshot ({@link ActorCriticView}, {@code dqn.QView}, {@code alphazero.AlphaZeroView}): a
 * private copy of a network, the moment it was taken, and its outputs for a batch of observations by the path the
 * agents act with ({@link GraphNetwork#outputs}). Safe to hand to another thread, since nothing else touches the copy;
 * one thread at a time.
 *
 * @param <N> the network type
 */
public abstract class FrozenView<N extends GraphNetwork> implements Inspectable {

    private final N net;
    private final long version;
    private InspectableNetwork inspector;

    /**
     * @param net     a network nobody else uses (take a {@link GraphNetwork#copy()})
     * @param version a label of the moment (e.g. the update count) for displays
     */
    protected FrozenView(N net, long version) {
        this.net = net;
        this.version = version;
    }

    /**
     * The private network of {@code spent}, now holding {@code live}'s parameters and update count, if {@code spent} is
     * a {@code type} over a network of {@code live}'s class, size and data type; otherwise null (nothing is changed).
     * What a learner's {@code snapshot(spent)} ({@link dev.lantern.agents.api.LearningAgent#snapshot(PolicyValueView)})
     * wraps in a new view: one copy of the parameter vector instead of a new network. The updater state of the
     * recycled copy is not refreshed (a view never trains). Training thread (it reads {@code live}); the caller gives
     * {@code spent} up.
     */
    public static <N extends GraphNetwork> N recycle(PolicyValueView spent, Class<? extends FrozenView<N>> type,
            N live) {
        if (!type.isInstance(spent)) {
            return null;
        }
        GraphNetwork net = ((FrozenView<?>) spent).net;
        if (net == live || net.getClass() != live.getClass() || net.params().length() != live.params().length()
                || net.params().dataType() != live.params().dataType()) {
            return null;
        }
        net.setParams(live.params());
        ComputationGraphConfiguration from = live.graph().getConfiguration();
        ComputationGraphConfiguration to = net.graph().getConfiguration();
        to.setIterationCount(from.getIterationCount());
        to.setEpochCount(from.getEpochCount());
        @SuppressWarnings("unchecked") // same class as live's
        N same = (N) net;
        return same;
    }

    /** The update count (or other label) at which this snapshot was taken. */
    public long version() {
        return version;
    }

    /** The private network; for analyses that need it whole (a search, a match). */
    public N net() {
        return net;
    }

    /**
     * True: a private copy of a network that nobody trains answers every observation the same (the views'
     * {@code PolicyValueView.answersByObservation}).
     */
    public boolean answersByObservation() {
        return true;
    }

    /** Number of actions. */
    public int actionCount() {
        return net.actionCount();
    }

    /** Features per observation. */
    public int inputSize() {
        return net.inputSize();
    }

    /**
     * {@inheritDoc} Made on first use over a second copy of the snapshot and kept; like the view, it belongs to one
     * thread at a time.
     */
    @Override
    public InspectableNetwork inspect() {
        if (inspector == null) {
            inspector = net.inspect();
        }
        return inspector;
    }

    /**
     * Every output of the network for {@code count} observations laid out back to back, in double precision.
     *
     * @param observations {@code [count * inputSize]} (at least that long)
     * @return one row-major {@code [count * width]} array per head, in the network's output order
     */
    protected double[][] outputs(float[] observations, int count) {
        if (observations.length < count * net.inputSize()) {
            throw new IllegalArgumentException("expected " + count + " x " + net.inputSize() + " floats, got "
                    + observations.length);
        }
        return net.outputs(observations, count);
    }
}
