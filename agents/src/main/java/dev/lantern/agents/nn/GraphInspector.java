package dev.lantern.agents.nn;

import dev.lantern.agents.api.Activations;
import dev.lantern.agents.api.Gradients;
import dev.lantern.agents.api.HeadLoss;
import dev.lantern.agents.api.InspectableNetwork;
import dev.lantern.agents.api.Intervention;
import dev.lantern.agents.api.ParameterLayout;
import dev.lantern.agents.api.Readout;
import dev.lantern.agents.api.Recording;
import dev.lantern.agents.api.Site;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.graph.vertex.GraphVertex;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * {@link InspectableNetwork} over a private {@link ComputationGraph} of dense layers (tanh or identity), such as
 * {@link ActorCriticNet}'s and {@code QNet}'s.
 *
 * <p>The forward pass walks {@code topologicalSortOrder()} and runs each layer ({@link DenseStep}: the pre-activation
 * row by row in a fixed order, DL4J's activation function, in the network's type), applying the call's interventions
 * to a site's value before the next layer reads it; a row's values do not depend on the batch it is in (bit for bit,
 * on every CPU), and without interventions its heads equal {@code output()} to the type's rounding. Gradients are written out by hand in double precision from the pass's values:
 * {@code dz = da ⊙ f'(z)}, {@code dx = dz Wᵀ}, {@code dW = xᵀ dz}, {@code db = Σ_rows dz}, with each intervention's
 * derivative ({@link Intervention.Operation#derivative}) at its site.
 */
final class GraphInspector implements InspectableNetwork {

    private final ComputationGraph graph;
    private final List<DenseStep> steps = new ArrayList<>();
    private final List<Site> sites = new ArrayList<>();
    private final List<Site> heads = new ArrayList<>();
    private final ParameterLayout layout;

    /** Inspects {@code graph}, which this instance then owns (pass a copy). */
    GraphInspector(ComputationGraph graph) {
        this.graph = graph;
        this.layout = ParameterLayout.of(graph);
        GraphVertex[] vertices = graph.getVertices();
        for (int index : graph.topologicalSortOrder()) {
            GraphVertex v = vertices[index];
            if (v.isInputVertex()) {
                if (!sites.isEmpty()) {
                    throw new IllegalArgumentException("only single-input graphs can be inspected; second input "
                            + v.getVertexName());
                }
                sites.add(new Site(v.getVertexName(), (int) layoutInputWidth()));
                continue;
            }
            DenseStep step = DenseStep.of(graph, v, layout.block(v.getVertexName()));
            steps.add(step);
            if (!step.identity()) {
                sites.add(new Site(step.preSite(), step.block().nOut()));
            }
            sites.add(new Site(step.name(), step.block().nOut()));
        }
        for (String output : graph.getConfiguration().getNetworkOutputs()) {
            heads.add(site(output));
        }
    }

    private long layoutInputWidth() {
        return layout.layers().get(0).nIn();
    }

    @Override
    public List<Site> sites() {
        return List.copyOf(sites);
    }

    @Override
    public List<Site> heads() {
        return List.copyOf(heads);
    }

    @Override
    public InspectableNetwork inDouble() {
        return graph.params().dataType() == DataType.DOUBLE ? this
                : new GraphInspector(graph.convertDataType(DataType.DOUBLE));
    }

    @Override
    public ParameterLayout layout() {
        return layout;
    }

    @Override
    public double[] parameters() {
        return DenseStep.toDoubles(graph.params());
    }

    @Override
    public InspectableNetwork withParameters(double[] params) {
        if (params.length != layout.size()) {
            throw new IllegalArgumentException("expected " + layout.size() + " parameters, got " + params.length);
        }
        ComputationGraph copy = Graphs.copy(graph);
        copy.params().assign(Nd4j.create(params, new long[] {1, params.length}, 'c').castTo(copy.params().dataType()));
        return new GraphInspector(copy);
    }

    @Override
    public Recording run(double[] observations, int batch, Collection<String> record, List<Intervention> interventions) {
        Pass pass = forward(observations, batch, interventions);
        Map<String, Activations> out = new LinkedHashMap<>();
        for (String name : record) {
            out.put(name, pass.activations(site(name)));
        }
        return new Recording(batch, out);
    }

    @Override
    public Gradients gradients(double[] observations, int batch, Readout readout, Collection<String> wanted,
            List<Intervention> interventions) {
        Site target = site(readout.site());
        if (readout.neuron() < 0 || readout.neuron() >= target.width()) {
            throw new IllegalArgumentException("readout neuron " + readout.neuron() + " outside [0, " + target.width()
                    + ") of " + target.name());
        }
        Pass pass = forward(observations, batch, interventions);
        double[] seed = new double[batch * target.width()];
        for (int b = 0; b < batch; b++) {
            seed[b * target.width() + readout.neuron()] = 1;
        }
        Map<String, double[]> grads = new HashMap<>();
        grads.put(target.name(), seed);
        backward(pass, grads, null);
        Map<String, Activations> out = new LinkedHashMap<>();
        Map<String, Activations> recorded = new LinkedHashMap<>();
        for (String name : wanted) {
            Site s = site(name);
            double[] g = grads.get(name);
            out.put(name, new Activations(s, batch, g == null ? new double[batch * s.width()] : g));
            recorded.put(name, pass.activations(s));
        }
        recorded.put(target.name(), pass.activations(target));
        return new Gradients(new Recording(batch, recorded), out);
    }

    @Override
    public double lossAndGradient(HeadLoss loss, double[] observations, int batch, double[] params,
            double[] gradientOut) {
        if (params.length != layout.size() || gradientOut.length != layout.size()) {
            throw new IllegalArgumentException("expected " + layout.size() + " parameters and gradient entries, got "
                    + params.length + " and " + gradientOut.length);
        }
        INDArray own = graph.params().dup();
        try {
            graph.params().assign(Nd4j.create(params, new long[] {1, params.length}, 'c')
                    .castTo(graph.params().dataType()));
            Pass pass = forward(observations, batch, List.of());
            Map<String, Activations> outputs = new LinkedHashMap<>();
            Map<String, double[]> grads = new HashMap<>();
            for (Site h : heads) {
                outputs.put(h.name(), pass.activations(h));
                grads.put(h.name(), new double[batch * h.width()]);
            }
            double value = loss.evaluate(new Recording(batch, outputs), grads);
            java.util.Arrays.fill(gradientOut, 0);
            backward(pass, grads, gradientOut);
            return value;
        } finally {
            graph.params().assign(own); // the copy's own parameters again: nothing stays installed after a call
        }
    }

    /** The values of one pass: each site's value after its interventions, and the interventions by site. */
    private final class Pass {
        final int batch;
        final Map<String, INDArray> values = new HashMap<>();
        final Map<String, List<Intervention>> at = new HashMap<>();
        final double[] theta;

        Pass(int batch, List<Intervention> interventions) {
            this.batch = batch;
            for (Intervention i : interventions) {
                i.check(site(i.site()).width(), batch);
                at.computeIfAbsent(i.site(), k -> new ArrayList<>()).add(i);
            }
            this.theta = DenseStep.toDoubles(graph.params());
        }

        INDArray put(String site, INDArray value) {
            INDArray v = DenseStep.intervene(value, at.get(site), batch);
            values.put(site, v);
            return v;
        }

        Activations activations(Site s) {
            return new Activations(s, batch, DenseStep.toDoubles(values.get(s.name())));
        }

        double[] doubles(String site) {
            return DenseStep.toDoubles(values.get(site));
        }

        /** Multiplies {@code grad} by the derivative of the interventions at {@code site}. */
        void chain(String site, double[] grad, int width) {
            for (Intervention i : at.getOrDefault(site, List.of())) {
                int[] neurons = i.neurons();
                for (int b = 0; b < batch; b++) {
                    for (int k = 0; k < neurons.length; k++) {
                        grad[b * width + neurons[k]] *= i.operation().derivative(i.value(b, k));
                    }
                }
            }
        }
    }

    private Pass forward(double[] observations, int batch, List<Intervention> interventions) {
        int in = sites.get(0).width();
        if (batch < 1 || observations.length < batch * in) {
            throw new IllegalArgumentException("expected a batch >= 1 of " + in + " features, got batch " + batch
                    + " and " + observations.length + " values");
        }
        Pass pass = new Pass(batch, interventions);
        double[] exact = observations.length == batch * in ? observations : java.util.Arrays.copyOf(observations, batch * in);
        INDArray x = Nd4j.createUninitialized(DataType.DOUBLE, batch, in); // bulk copy: Nd4j.create puts one by one
        x.data().asNioDouble().put(0, exact, 0, batch * in);
        pass.put(INPUT, x.castTo(graph.params().dataType()));
        for (DenseStep step : steps) {
            INDArray pre = step.preActivation(pass.values.get(step.input()));
            if (!step.identity()) {
                pre = pass.put(step.preSite(), pre);
            }
            pass.put(step.name(), step.activate(pre));
        }
        return pass;
    }

    /**
     * Backpropagates the seeds in {@code grads} (by site, {@code [batch * width]}) down to the input; afterwards it
     * holds the gradient at every site the seeds reach. With {@code paramGradOut}, adds dθ there.
     */
    private void backward(Pass pass, Map<String, double[]> grads, double[] paramGradOut) {
        int batch = pass.batch;
        for (int s = steps.size() - 1; s >= 0; s--) {
            DenseStep step = steps.get(s);
            int nIn = step.block().nIn();
            int nOut = step.block().nOut();
            double[] dPost = grads.get(step.name());
            double[] dPre = step.identity() ? null : grads.get(step.preSite());
            if (dPost == null && dPre == null) {
                continue;
            }
            double[] dz;
            if (step.identity()) {
                dz = dPost.clone();
                pass.chain(step.name(), dz, nOut);
            } else {
                dz = dPre == null ? new double[batch * nOut] : dPre;
                if (dPost != null) {
                    double[] through = dPost.clone();
                    pass.chain(step.name(), through, nOut);
                    double[] z = pass.doubles(step.preSite());
                    for (int i = 0; i < dz.length; i++) {
                        double t = Math.tanh(z[i]);
                        dz[i] += through[i] * (1 - t * t);
                    }
                }
                grads.put(step.preSite(), dz);
                dz = dz.clone();
                pass.chain(step.preSite(), dz, nOut);
            }
            double[] x = pass.doubles(step.input());
            if (paramGradOut != null) {
                step.addParameterGradient(x, dz, batch, paramGradOut);
            }
            double[] dx = grads.computeIfAbsent(step.input(), k -> new double[batch * nIn]);
            double[] theta = pass.theta;
            for (int b = 0; b < batch; b++) {
                for (int i = 0; i < nIn; i++) {
                    double sum = 0;
                    for (int j = 0; j < nOut; j++) {
                        sum += dz[b * nOut + j] * theta[step.block().weightIndex(i, j)];
                    }
                    dx[b * nIn + i] += sum;
                }
            }
        }
    }
}
