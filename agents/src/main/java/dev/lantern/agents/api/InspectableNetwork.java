package dev.lantern.agents.api;

import java.util.Collection;
import java.util.List;

/**
 * The seam analysis stands on: a network's named {@link Site}s, a forward pass that records chosen sites and applies
 * {@link Intervention}s, gradients of a {@link Readout} with respect to the input and to any site, and a loss with its
 * parameter gradient at any parameter vector. Every implementation works on a private copy (or a snapshot's own
 * network): nothing done through it reaches the network being trained, and nothing stays installed after a call.
 *
 * <p>Observations are {@code [batch * inputSize]} row-major doubles, converted to the network's type (float values
 * convert exactly). The forward pass is the one the agents act with (DL4J's {@code output}, layer by layer), so a pass
 * without interventions reproduces what the agent computes bit for bit; results are widened to double. Gradients are
 * computed in double precision from the pass's activations. Not thread-safe: one thread per instance.
 *
 * <pre>{@code
 * InspectableNetwork net = agent.snapshot() instanceof Inspectable i ? i.inspect() : null;
 * Recording r = net.run(obs, batch, List.of("torso.dense1", "policy.logits"),
 *         List.of(Intervention.ablate("torso.dense0", 3)));
 * double logit = r.get("policy.logits").get(0, 2);
 * Gradients g = net.gradients(obs, batch, new Readout("value.out", 0), List.of("obs", "torso.dense0"), List.of());
 * }</pre>
 */
public interface InspectableNetwork {

    /** Name of the input site. */
    String INPUT = "obs";

    /** Every site, input first, then in the order the pass computes them. */
    List<Site> sites();

    /** The sites whose values leave the network (the heads), in the network's output order. */
    List<Site> heads();

    /** The site called {@code name}. */
    default Site site(String name) {
        for (Site s : sites()) {
            if (s.name().equals(name)) {
                return s;
            }
        }
        throw new IllegalArgumentException("no site " + name + " (sites: "
                + sites().stream().map(Site::name).toList() + ")");
    }

    /** Features per observation (the width of {@code obs}). */
    default int inputSize() {
        return site(INPUT).width();
    }

    /**
     * The same network computing in double precision: a private copy with the parameters widened (exactly), so its
     * outputs are the network's function without float rounding (they differ from {@link #run}'s by about one float
     * ulp per layer). The copy itself where the network already computes in double.
     */
    InspectableNetwork inDouble();

    /** Where each layer's parameters sit in the flat parameter vector. */
    ParameterLayout layout();

    /** The private copy's parameters, widened to double, in the flat layout (a copy). */
    double[] parameters();

    /**
     * Another private copy of this network, of the same type, with the parameters {@code params} (converted to the
     * network's type; float values round-trip exactly): for analyses at other points of parameter space (mode
     * connectivity's interpolations). This network is not changed.
     *
     * @param params {@code [parameterCount]} in the flat layout
     * @throws IllegalArgumentException if {@code params} does not have {@link ParameterLayout#size()} entries
     */
    InspectableNetwork withParameters(double[] params);

    /**
     * One forward pass over a batch.
     *
     * @param observations  {@code [batch * inputSize]}
     * @param batch         examples, {@code >= 1}
     * @param record        the sites to record (any of {@link #sites()})
     * @param interventions applied in this call only, at their sites; several at one site apply in list order
     * @return the recorded sites, each after its interventions
     */
    Recording run(double[] observations, int batch, Collection<String> record, List<Intervention> interventions);

    /**
     * Gradients of {@code readout} (per example) with respect to the chosen sites, {@code obs} included, through the
     * forward pass with {@code interventions}.
     *
     * @param observations  {@code [batch * inputSize]}
     * @param batch         examples
     * @param readout       the differentiated output
     * @param sites         the sites whose gradients are wanted; the readout's site must not come before them
     * @param interventions applied in this call only
     */
    Gradients gradients(double[] observations, int batch, Readout readout, Collection<String> sites,
            List<Intervention> interventions);

    /**
     * A loss on the heads and its gradient with respect to every parameter, at {@code params}: the private copy is
     * moved there for this call and put back afterwards, so later calls see the network's own parameters again.
     *
     * @param loss         the loss on the heads
     * @param observations {@code [batch * inputSize]}
     * @param batch        examples
     * @param params       the point, {@code [parameterCount]} in the flat layout; converted to the network's type
     * @param gradientOut  receives dLoss/dθ in double precision, {@code [parameterCount]}
     * @return the loss
     */
    double lossAndGradient(HeadLoss loss, double[] observations, int batch, double[] params, double[] gradientOut);
}
