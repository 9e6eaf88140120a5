package dev.lantern.analysis.circuits;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What-when-where (McGrath et al. 2022, "Acquisition of chess knowledge in AlphaZero", here for RL agents): every
 * concept probed at every site of every checkpoint of one network, a grid {@code concept x site x checkpoint} of
 * {@link ProbeScore}s, each with its shuffled-labels control and the random-initialisation control (issue 10,
 * point 5).
 *
 * <p>Each checkpoint is probed by a {@link ConceptProbe} with the same seed and settings, so every checkpoint uses the
 * same split of each concept's states and the numbers differ only through the network. The random-initialisation
 * control is the same for every checkpoint (one freshly initialised network of the same shape): it is probed once and
 * its score is each cell's {@link ProbeScore#random}; {@link #randomInit} gives it as a row of its own.
 *
 * <pre>{@code
 * List<WhatWhenWhere.Snapshot> snapshots = List.of(new Snapshot(20480, atlasA), new Snapshot(40960, atlasB));
 * WhatWhenWhere www = WhatWhenWhere.of(snapshots, freshAtlas, ExactConcepts.builtIn(states, 0.99),
 *         List.of("torso.dense0", "torso.dense1"), 0);
 * ProbeScore s = www.score(concept, site, checkpoint);     // s.score(), s.shuffled(), s.random()
 * }</pre>
 *
 * <p>Cost: {@code concepts x sites x checkpoints x 2} cross-validated ridge fits plus {@code concepts x sites} for the
 * control: closed-form, about a millisecond each for a 64-wide site over a hundred states.
 */
public final class WhatWhenWhere {

    /**
     * One checkpoint of the network: its env step and its activations over the states.
     *
     * @param envStep the checkpoint's environment step
     * @param atlas   the checkpoint network's atlas
     */
    public record Snapshot(long envStep, ActivationAtlas atlas) {

        public Snapshot {
            Objects.requireNonNull(atlas, "atlas");
        }
    }

    private final List<Concept> concepts;
    private final List<String> sites;
    private final List<Long> steps;
    /** {@code [concept][site][checkpoint]}. */
    private final ProbeScore[][][] grid;
    /** {@code [concept][site]}: the probe on the random-initialisation network. */
    private final ProbeScore[][] random;

    private WhatWhenWhere(List<Concept> concepts, List<String> sites, List<Long> steps, ProbeScore[][][] grid,
            ProbeScore[][] random) {
        this.concepts = concepts;
        this.sites = sites;
        this.steps = steps;
        this.grid = grid;
        this.random = random;
    }

    /** {@link #of(List, ActivationAtlas, List, List, long, ProbeSettings)} on the decision states, default settings. */
    public static WhatWhenWhere of(List<Snapshot> snapshots, ActivationAtlas randomInit, List<Concept> concepts,
            List<String> sites, long seed) {
        return of(snapshots, randomInit, concepts, sites, seed, ProbeSettings.defaults());
    }

    /**
     * Probes every concept at every site of every snapshot, on the decision states of their (shared) states.
     *
     * @param snapshots  the checkpoints, in the order of the grid's checkpoint axis (at least one), all of one network
     *                   shape over the same states
     * @param randomInit the atlas of a freshly initialised network of that shape over those states
     * @param sites      the sites probed, each a site of the network
     * @throws IllegalArgumentException if the snapshots (or the control) differ in states, sites or widths, or a site
     *                                  is not one of the network's
     */
    public static WhatWhenWhere of(List<Snapshot> snapshots, ActivationAtlas randomInit, List<Concept> concepts,
            List<String> sites, long seed, ProbeSettings settings) {
        if (snapshots.isEmpty()) {
            throw new IllegalArgumentException("what-when-where needs at least one checkpoint");
        }
        return of(snapshots, randomInit, concepts, sites, snapshots.get(0).atlas().states().decisionStates(), seed,
                settings);
    }

    /**
     * Probes every concept at every site of every snapshot on the examples where {@code include} is true: the form
     * for atlases over plain observations ({@link ActivationAtlas#ofObservations}, e.g. board-game positions).
     *
     * @param include {@code [examples]}: the examples probed
     * @throws IllegalArgumentException as {@link #of(List, ActivationAtlas, List, List, long, ProbeSettings)}, or if
     *                                  {@code include} is not one flag per example
     */
    public static WhatWhenWhere of(List<Snapshot> snapshots, ActivationAtlas randomInit, List<Concept> concepts,
            List<String> sites, boolean[] include, long seed, ProbeSettings settings) {
        if (snapshots.isEmpty()) {
            throw new IllegalArgumentException("what-when-where needs at least one checkpoint");
        }
        ActivationAtlas first = snapshots.get(0).atlas();
        for (Snapshot s : snapshots) {
            ConceptProbe.sameShape(first, s.atlas());
        }
        ConceptProbe.sameShape(first, randomInit);
        List<String> known = first.sites().stream().map(site -> site.name()).toList();
        for (String site : sites) {
            if (!known.contains(site)) {
                throw new IllegalArgumentException("site " + site + " is not one of the network's " + known);
            }
        }
        boolean[] decides = include.clone();
        ConceptProbe control = new ConceptProbe(randomInit, decides, settings, seed);
        ProbeScore[][] random = new ProbeScore[concepts.size()][sites.size()];
        for (int c = 0; c < concepts.size(); c++) {
            for (int s = 0; s < sites.size(); s++) {
                random[c][s] = control.probe(sites.get(s), concepts.get(c));
            }
        }
        ProbeScore[][][] grid = new ProbeScore[concepts.size()][sites.size()][snapshots.size()];
        List<Long> steps = new ArrayList<>();
        for (int t = 0; t < snapshots.size(); t++) {
            steps.add(snapshots.get(t).envStep());
            ConceptProbe probe = new ConceptProbe(snapshots.get(t).atlas(), decides, settings, seed);
            for (int c = 0; c < concepts.size(); c++) {
                for (int s = 0; s < sites.size(); s++) {
                    grid[c][s][t] = probe.probe(sites.get(s), concepts.get(c)).withRandom(random[c][s].score());
                }
            }
        }
        return new WhatWhenWhere(List.copyOf(concepts), List.copyOf(sites), List.copyOf(steps), grid, random);
    }

    /** The concepts, the grid's first axis. */
    public List<Concept> concepts() {
        return concepts;
    }

    /** The sites, the second axis. */
    public List<String> sites() {
        return sites;
    }

    /** The checkpoints' env steps, the third axis. */
    public List<Long> steps() {
        return steps;
    }

    /** The probe of concept {@code c} at site {@code s} of checkpoint {@code t} (indices into the axes). */
    public ProbeScore score(int c, int s, int t) {
        return grid[c][s][t];
    }

    /** The probe of concept {@code c} at site {@code s} on the random-initialisation network (its own controls). */
    public ProbeScore randomInit(int c, int s) {
        return random[c][s];
    }

    /** Every cell, concept-major, then site, then checkpoint. */
    public List<ProbeScore> cells() {
        List<ProbeScore> out = new ArrayList<>();
        for (ProbeScore[][] bySite : grid) {
            for (ProbeScore[] byStep : bySite) {
                out.addAll(List.of(byStep));
            }
        }
        return out;
    }
}
