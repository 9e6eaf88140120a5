package dev.lantern.analysis.circuits;

import dev.lantern.agents.api.Activations;
import dev.lantern.agents.api.InspectableNetwork;
import dev.lantern.agents.api.Recording;
import dev.lantern.agents.api.Site;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * Activation patching of every site and every neuron for one pair set (issue 10, point 4): for each output
 * ({@link SweepOutput}), the restored fraction of every site patched whole (every site but the input and the heads,
 * pre-activations included) and of every neuron of every hidden layer (every {@link ActivationAtlas#layers() layer}
 * that is not a head) patched alone, as {@link PatchSweepRow}s sorted by {@code |pooledRestored|}, largest first (rows
 * with no defined pair last; ties in pass order: site, whole site before its neurons, neuron, output). The pooled
 * fraction ranks, not the mean of the per-pair ratios, which pairs with a gap barely above the epsilon dominate.
 *
 * <p><b>Cost.</b> Every output is read from the same pass. A whole site is one pass; the neurons of a layer are
 * patched {@code k} at a time in one pass ({@link ActivationPatching#patchedRunEach}: the padded corrupted batch
 * stacked {@code k} times, a different neuron patched in each block), {@code k = max(1, rowsPerPass / padded pairs)},
 * so a layer of width {@code w} costs {@code ceil(w / k)} passes of at most {@code rowsPerPass} examples. The
 * batched results equal one patch per pass bit for bit (a test).
 *
 * <pre>{@code
 * PatchSweep sweep = new PatchSweep(new ActivationPatching(atlas, StatePairs.triggerVersusNoTrigger(states)));
 * List<PatchSweepRow> rows = sweep.rows(SweepOutput.defaults(atlas.network()));  // largest |restored| first
 * }</pre>
 */
public final class PatchSweep {

    /**
     * The default bound on the examples of one pass: measured fastest ({@code lantern bench patching}, 64-64 one-hot
     * four-rooms, one thread) among 4096, 1024, 512, 384, 192 and one neuron per pass; bigger passes lose to the
     * input conversion and the cache.
     */
    public static final int DEFAULT_ROWS_PER_PASS = 512;

    private final ActivationPatching patching;
    private final int rowsPerPass;

    /** A sweep over {@code patching}'s pairs with {@link #DEFAULT_ROWS_PER_PASS}. */
    public PatchSweep(ActivationPatching patching) {
        this(patching, DEFAULT_ROWS_PER_PASS);
    }

    /**
     * A sweep over {@code patching}'s pairs whose passes hold at most {@code rowsPerPass} examples (or one block of
     * the padded pairs, if that is more).
     *
     * @throws IllegalArgumentException if {@code rowsPerPass < 1}
     */
    public PatchSweep(ActivationPatching patching, int rowsPerPass) {
        if (rowsPerPass < 1) {
            throw new IllegalArgumentException("rowsPerPass: must be >= 1, got " + rowsPerPass);
        }
        this.patching = patching;
        this.rowsPerPass = rowsPerPass;
    }

    /** Neurons patched per pass: {@code max(1, rowsPerPass / padded pairs)}. */
    public int neuronsPerPass() {
        return Math.max(1, rowsPerPass / ActivationAtlas.padded(patching.pairs().size()));
    }

    /** The sites patched whole: every site but the input and the heads, in pass order. */
    public List<String> wholeSites() {
        Set<String> heads = headNames();
        return patching.atlas().sites().stream().map(Site::name)
                .filter(s -> !s.equals(InspectableNetwork.INPUT) && !heads.contains(s))
                .toList();
    }

    /** The layers whose neurons are patched one by one: every layer that is not a head, in pass order. */
    public List<String> hiddenLayers() {
        Set<String> heads = headNames();
        return patching.atlas().layers().stream().map(Site::name).filter(s -> !heads.contains(s)).toList();
    }

    /**
     * Every row for {@code outputs}, sorted by {@code |pooledRestored|}, largest first.
     *
     * @throws IllegalArgumentException if an output names no site of the network or a neuron outside it
     */
    public List<PatchSweepRow> rows(List<SweepOutput> outputs) {
        if (outputs.isEmpty()) {
            throw new IllegalArgumentException("no outputs to read");
        }
        ActivationAtlas atlas = patching.atlas();
        List<String> read = new ArrayList<>(new LinkedHashSet<>(outputs.stream().map(SweepOutput::site).toList()));
        int m = patching.pairs().size();
        int[] cs = patching.pairs().clean();
        int[] xs = patching.pairs().corrupted();
        int[][] neuronOf = new int[outputs.size()][m];
        double[][] clean = new double[outputs.size()][m];
        double[][] corrupted = new double[outputs.size()][m];
        for (int o = 0; o < outputs.size(); o++) {
            SweepOutput out = outputs.get(o);
            Site s = atlas.network().site(out.site());
            if (out.neuron() >= s.width()) {
                throw new IllegalArgumentException(out.name() + ": neuron outside [0, " + s.width() + ")");
            }
            Activations a = atlas.activations(s.name());
            for (int i = 0; i < m; i++) {
                neuronOf[o][i] = out.neuronFor(atlas, cs[i]);
                clean[o][i] = a.get(cs[i], neuronOf[o][i]);
                corrupted[o][i] = a.get(xs[i], neuronOf[o][i]);
            }
        }
        List<PatchSweepRow> rows = new ArrayList<>();
        Set<String> layers = new HashSet<>(hiddenLayers());
        for (String site : wholeSites()) {
            int width = atlas.network().site(site).width();
            Recording whole = patching.patchedRun(site, IntStream.range(0, width).toArray(), read);
            addRows(rows, site, new int[] {PatchSweepRow.WHOLE_SITE}, whole, outputs, neuronOf, clean, corrupted);
            if (layers.contains(site)) {
                int k = neuronsPerPass();
                for (int from = 0; from < width; from += k) {
                    int[] chunk = IntStream.range(from, Math.min(width, from + k)).toArray();
                    addRows(rows, site, chunk, patching.patchedRunEach(site, chunk, read), outputs, neuronOf, clean,
                            corrupted);
                }
            }
        }
        rows.sort(Comparator.comparingDouble(PatchSweep::sortKey)); // stable: ties keep pass order
        return rows;
    }

    /** Rows of {@code neurons} (block {@code j} of {@code r} patched {@code neurons[j]}), output-major per neuron. */
    private void addRows(List<PatchSweepRow> rows, String site, int[] neurons, Recording r, List<SweepOutput> outputs,
            int[][] neuronOf, double[][] clean, double[][] corrupted) {
        int m = patching.pairs().size();
        for (int j = 0; j < neurons.length; j++) {
            for (int o = 0; o < outputs.size(); o++) {
                Activations a = r.get(outputs.get(o).site());
                double[] patched = new double[m];
                for (int i = 0; i < m; i++) {
                    patched[i] = a.get(j * m + i, neuronOf[o][i]);
                }
                RestoredFractions f = RestoredFractions.of(clean[o], corrupted[o], patched, patching.epsilon());
                rows.add(new PatchSweepRow(patching.pairs().description(), site, neurons[j], outputs.get(o).name(),
                        f.pooled(), f.mean(), f.standardError(), f.defined(), m - f.defined()));
            }
        }
    }

    /** {@code -|pooled|}, rows without a defined pair last. */
    private static double sortKey(PatchSweepRow r) {
        return Double.isNaN(r.pooledRestored()) ? Double.POSITIVE_INFINITY : -Math.abs(r.pooledRestored());
    }

    private Set<String> headNames() {
        Set<String> heads = new HashSet<>();
        patching.atlas().network().heads().forEach(h -> heads.add(h.name()));
        return heads;
    }
}
