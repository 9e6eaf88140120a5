package dev.lantern.analysis.circuits;

import dev.lantern.agents.api.InspectableNetwork;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.TreeMap;
import java.util.TreeSet;

/** Prunes {@link ContributionSums} backward from the output into a {@link CircuitGraph} (the rule is documented there). */
final class CircuitPruner {

    private CircuitPruner() {
    }

    /** One candidate edge of transition {@code t}: source {@code i}, target {@code j}, means over the states. */
    private record Candidate(int i, int j, double mean, double meanAbs) {
    }

    static CircuitGraph prune(ContributionSums sums, NetworkChain chain, InputNodes inputs, List<Integer> outputs,
            double share, EdgeWeighting weighting, String outputLabel) {
        if (!(share > 0)) {
            throw new IllegalArgumentException("the kept share must be > 0 (1 keeps every edge), got " + share);
        }
        List<NetworkChain.Layer> layers = chain.layers();
        int n = sums.states;
        List<List<Candidate>> keptByTransition = new ArrayList<>(Collections.nCopies(layers.size(), null));
        LayerShare[] shares = new LayerShare[layers.size()];
        TreeSet<Integer> targets = new TreeSet<>(outputs);
        List<TreeSet<Integer>> keptNodes = new ArrayList<>(Collections.nCopies(layers.size() + 1, null));
        keptNodes.set(layers.size(), targets);
        for (int t = layers.size() - 1; t >= 0; t--) {
            int nOut = layers.get(t).nOut();
            int m = 0;
            int capacity = targets.size() * sums.sources(t);
            double[] cAbs = new double[capacity];
            int[] cKey = new int[capacity];
            double total = 0;
            for (int j : targets) {
                for (int i = 0; i < sums.sources(t); i++) {
                    double abs = sums.abs[t][i * nOut + j] / n;
                    if (abs > 0) {
                        cAbs[m] = abs;
                        cKey[m++] = i * nOut + j;
                        total += abs;
                    }
                }
            }
            // the greedy rule on a primitive sort: how many of the largest it takes, then which ones (ties in
            // generation order: by target, then source)
            double[] sorted = java.util.Arrays.copyOf(cAbs, m);
            java.util.Arrays.sort(sorted);
            double keptSum = 0;
            int k = 0;
            while (k < m && !(share < 1 && keptSum >= share * total)) {
                keptSum += sorted[m - 1 - k];
                k++;
            }
            List<Candidate> kept = new ArrayList<>();
            if (k > 0) {
                double threshold = sorted[m - k];
                int atThreshold = 0;
                for (int g = m - k; g < m; g++) {
                    atThreshold += sorted[g] == threshold ? 1 : 0;
                }
                for (int g = 0; g < m; g++) {
                    if (cAbs[g] > threshold || (cAbs[g] == threshold && atThreshold-- > 0)) {
                        int i = cKey[g] / nOut;
                        int j = cKey[g] % nOut;
                        kept.add(new Candidate(i, j, sums.sum[t][cKey[g]] / n, cAbs[g]));
                    }
                }
            }
            kept.sort(Comparator.comparingDouble(Candidate::meanAbs).reversed()
                    .thenComparingInt(Candidate::j).thenComparingInt(Candidate::i));
            int candidates = m;
            keptByTransition.set(t, kept);
            shares[t] = new LayerShare(layers.get(t).site(), candidates, kept.size(), total, keptSum,
                    total > 0 ? keptSum / total : Double.NaN);
            TreeSet<Integer> sources = new TreeSet<>();
            kept.forEach(c -> sources.add(c.i()));
            keptNodes.set(t, sources);
            targets = sources;
        }
        List<TreeMap<Integer, CircuitNode>> nodeByLevel = new ArrayList<>();
        List<CircuitNode> nodes = new ArrayList<>();
        for (int level = 0; level <= layers.size(); level++) {
            TreeMap<Integer, CircuitNode> byIndex = new TreeMap<>();
            String site = level == 0 ? InspectableNetwork.INPUT : layers.get(level - 1).site();
            for (int index : keptNodes.get(level)) {
                String label = level == 0 ? inputs.label(index) : "#" + index;
                double bias = level == 0 ? 0 : layers.get(level - 1).bias()[index];
                CircuitNode node = new CircuitNode(level, site, index, label, sums.activation[level][index] / n, bias);
                byIndex.put(index, node);
                nodes.add(node);
            }
            nodeByLevel.add(byIndex);
        }
        List<CircuitEdge> edges = new ArrayList<>();
        for (int t = 0; t < layers.size(); t++) {
            for (Candidate c : keptByTransition.get(t)) {
                edges.add(new CircuitEdge(nodeByLevel.get(t).get(c.i()), nodeByLevel.get(t + 1).get(c.j()), c.mean(),
                        c.meanAbs()));
            }
        }
        return new CircuitGraph(outputLabel, weighting, share, n, nodes, edges, List.of(shares));
    }
}
