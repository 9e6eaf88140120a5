package dev.lantern.agents.nn;

import dev.lantern.agents.api.PinnedLoss;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The one shape of every learner's pinned loss: a probe set frozen for a window, evaluated on a private network of
 * the trained one's shape (its {@link GraphNetwork#shadow()}), never on the trained network. A subclass holds the
 * probe's data and says how to evaluate the loss on that private network ({@link #evaluate()}).
 */
public abstract class PinnedProbe implements PinnedLoss {

    private final GraphNetwork network;
    private final int size;
    private final long windowId;
    private final String description;

    /**
     * @param network     the private network the loss is evaluated on (a trained network's {@link GraphNetwork#shadow()})
     * @param size        examples in the probe set
     * @param windowId    identifies this probe window
     * @param description what the probe is, for the manifest
     */
    protected PinnedProbe(GraphNetwork network, int size, long windowId, String description) {
        this.network = network;
        this.size = size;
        this.windowId = windowId;
        this.description = description;
    }

    @Override
    public long windowId() {
        return windowId;
    }

    @Override
    public String description() {
        return description;
    }

    /** Number of examples in the probe set. */
    public int size() {
        return size;
    }

    /**
     * The loss at the private network's current parameters, its gradient left in the private network's
     * {@link GraphNetwork#gradient()}.
     */
    protected abstract double evaluate();

    /** {@inheritDoc} Copies {@code params} into the private network, evaluates there, and copies its gradient out. */
    @Override
    public final double lossAndGradient(INDArray params, INDArray gradientOut) {
        moveTo(params);
        double loss = evaluate();
        gradientOut.assign(network.gradient());
        return loss;
    }

    /** Moves the private network to {@code params} (a copy; nothing when they are its own parameters already). */
    protected final void moveTo(INDArray params) {
        if (params != network.params()) {
            network.setParams(params);
        }
    }
}
