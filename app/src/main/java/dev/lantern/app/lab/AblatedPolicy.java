package dev.lantern.app.lab;

import dev.lantern.agents.api.Activations;
import dev.lantern.agents.api.Recording;
import dev.lantern.analysis.circuits.AblationKind;
import dev.lantern.analysis.circuits.NeuronAblation;
import dev.lantern.analysis.circuits.StateBatch;
import java.util.Arrays;
import java.util.List;

/**
 * The lab's policy frame recomputed with one neuron mean-ablated ({@link NeuronAblation}, {@link AblationKind#MEAN}:
 * the neuron replaced by its mean over the decision states in every state, on the snapshot's copy), over the same
 * drawn states as the clean frame. An actor-critic's probabilities are the softmax of its ablated logits and its
 * value the ablated value head; a Q-network's policy is greedy in the ablated Q (ties to the lowest action) and its
 * value {@code max Q}, as {@code QView} draws it.
 */
final class AblatedPolicy {

    private AblatedPolicy() {
    }

    /** The frame {@code clean} would be with {@code neuron} ablated; same sequence, counts and drawn states. */
    static PolicyFrame of(NeuronAblation ablation, CircuitRequest.Neuron neuron, PolicyFrame clean, StateBatch states) {
        Recording heads = ablation.ablatedHeads(neuron.site(), neuron.index(), AblationKind.MEAN);
        boolean q = heads.sites().containsKey(NeuronAblation.Q);
        Activations out = heads.get(q ? NeuronAblation.Q : NeuronAblation.POLICY);
        int actions = clean.actionCount();
        List<Integer> masks = clean.keysMasks();
        int h = clean.height();
        int w = clean.width();
        double[][] p = new double[masks.size()][h * w * actions];
        double[][] v = new double[masks.size()][h * w];
        double[][] qv = q ? new double[masks.size()][h * w * actions] : null;
        for (int m = 0; m < masks.size(); m++) {
            Arrays.fill(p[m], Double.NaN);
            Arrays.fill(v[m], Double.NaN);
            if (qv != null) {
                Arrays.fill(qv[m], Double.NaN);
            }
            int mask = masks.get(m);
            for (int r = 0; r < h; r++) {
                for (int c = 0; c < w; c++) {
                    int s = CircuitFrame.stateIndex(states, r, c, mask);
                    if (!clean.has(r, c, mask) || s < 0) {
                        continue;
                    }
                    double[] row = out.row(s);
                    int cell = r * w + c;
                    int best = argmax(row);
                    if (q) {
                        System.arraycopy(row, 0, qv[m], cell * actions, actions);
                        for (int a = 0; a < actions; a++) {
                            p[m][cell * actions + a] = a == best ? 1 : 0;
                        }
                        v[m][cell] = row[best];
                    } else {
                        double[] soft = softmax(row);
                        System.arraycopy(soft, 0, p[m], cell * actions, actions);
                        v[m][cell] = heads.get(NeuronAblation.VALUE).get(s, 0);
                    }
                }
            }
        }
        int[] maskArray = masks.stream().mapToInt(Integer::intValue).toArray();
        return new PolicyFrame(clean.sequence(), clean.updates(), clean.envSteps(), h, w, actions, maskArray, p, v, qv);
    }

    /** The index of the largest entry, the lowest among ties. */
    static int argmax(double[] v) {
        int best = 0;
        for (int i = 1; i < v.length; i++) {
            if (v[i] > v[best]) {
                best = i;
            }
        }
        return best;
    }

    /** The softmax of {@code z}, stable. */
    static double[] softmax(double[] z) {
        double max = Double.NEGATIVE_INFINITY;
        for (double x : z) {
            max = Math.max(max, x);
        }
        double[] e = new double[z.length];
        double sum = 0;
        for (int i = 0; i < z.length; i++) {
            e[i] = Math.exp(z[i] - max);
            sum += e[i];
        }
        for (int i = 0; i < z.length; i++) {
            e[i] /= sum;
        }
        return e;
    }
}
