package dev.lantern.analysis.circuits;

import dev.lantern.agents.api.InspectableNetwork;
import dev.lantern.agents.api.ParameterLayout;
import dev.lantern.agents.api.Site;
import java.util.ArrayList;
import java.util.List;

/**
 * The dense layers from the input to one head, read through the seam ({@link InspectableNetwork#layout()} and
 * {@link InspectableNetwork#parameters()}, a copy: nothing is written into the network). The grid learners' networks
 * are chains {@code obs -> torso.dense0 -> torso.dense1 -> head} with the heads side by side on the last torso layer;
 * this reads the hidden layers (every parameterized layer that is not a head) in flat-vector order, followed by the
 * chosen head, and checks that each layer's input width is the previous layer's width.
 */
final class NetworkChain {

    /**
     * One dense layer of the chain.
     *
     * @param site    the layer's output site ({@code torso.dense0}, the head)
     * @param pre     its pre-activation site, or the output site itself where the activation is the identity
     * @param nIn     inputs per neuron
     * @param nOut    neurons
     * @param weights {@code W[i][j]} at {@code j * nIn + i} (neuron {@code j}'s incoming run, the layout's order)
     * @param bias    {@code [nOut]}
     */
    record Layer(String site, String pre, int nIn, int nOut, double[] weights, double[] bias) {

        /** The weight from input {@code i} to neuron {@code j}. */
        double weight(int i, int j) {
            return weights[j * nIn + i];
        }
    }

    private final List<Layer> layers;

    private NetworkChain(List<Layer> layers) {
        this.layers = List.copyOf(layers);
    }

    /**
     * The chain of {@code network} from its input to the head {@code head}.
     *
     * @throws IllegalArgumentException if {@code head} is not a head, or the layers do not form a chain
     */
    static NetworkChain to(InspectableNetwork network, String head) {
        List<String> heads = network.heads().stream().map(Site::name).toList();
        if (!heads.contains(head)) {
            throw new IllegalArgumentException("the circuit graph ends at a head; " + head + " is not one of " + heads);
        }
        ParameterLayout layout = network.layout();
        double[] params = network.parameters();
        List<String> siteNames = network.sites().stream().map(Site::name).toList();
        List<Layer> chain = new ArrayList<>();
        int width = network.inputSize();
        String previous = InspectableNetwork.INPUT;
        for (ParameterLayout.Block b : layout.layers()) {
            boolean isHead = heads.contains(b.name());
            if (isHead && !b.name().equals(head)) {
                continue;
            }
            if (b.nIn() != width) {
                throw new IllegalArgumentException("layer " + b.name() + " reads " + b.nIn() + " values but "
                        + previous + " has " + width + ": not a chain of dense layers");
            }
            double[] w = new double[b.nIn() * b.nOut()];
            System.arraycopy(params, b.offset(), w, 0, w.length);
            double[] bias = new double[b.nOut()];
            System.arraycopy(params, b.biasIndex(0), bias, 0, bias.length);
            String pre = siteNames.contains(b.name() + Site.PRE) ? b.name() + Site.PRE : b.name();
            chain.add(new Layer(b.name(), pre, b.nIn(), b.nOut(), w, bias));
            if (isHead) {
                break;
            }
            width = b.nOut();
            previous = b.name();
        }
        return new NetworkChain(chain);
    }

    /** The layers, first hidden layer first, the head last. */
    List<Layer> layers() {
        return layers;
    }

    /** The head (the last layer). */
    Layer head() {
        return layers.get(layers.size() - 1);
    }
}
