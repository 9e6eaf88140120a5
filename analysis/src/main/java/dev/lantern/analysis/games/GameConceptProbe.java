package dev.lantern.analysis.games;

import dev.lantern.agents.api.InspectableNetwork;
import dev.lantern.agents.api.Site;
import dev.lantern.analysis.circuits.ActivationAtlas;
import dev.lantern.analysis.circuits.Concept;
import dev.lantern.analysis.circuits.ProbeSettings;
import dev.lantern.analysis.circuits.WhatWhenWhere;
import dev.lantern.analysis.search.LabelledPositions;
import dev.lantern.environments.board.ConnectFour;
import dev.lantern.environments.board.Game;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What-when-where for a board-game network (issue 12, point 5): the exact {@link GameConcepts} over every reachable
 * non-terminal position ({@link GamePositions}), probed linearly at every layer of every checkpoint of the network,
 * beside the shuffled-labels control and a freshly initialised network of the same shape (the circuits work's
 * {@link WhatWhenWhere}, fed through {@link ActivationAtlas#ofObservations}). Every position is probed; the splits,
 * drawn from the seed, are the same at every checkpoint.
 *
 * <pre>{@code
 * GameConceptProbe probe = GameConceptProbe.of(TicTacToe.instance(), 0);
 * WhatWhenWhere www = probe.probe(List.of(new Checkpoint(2048, netA), new Checkpoint(4096, netB)), freshNet);
 * www.score(concept, site, checkpoint).score();
 * }</pre>
 *
 * <p>Cost on tic-tac-toe: enumerating and solving the 4,520 positions takes well under a second, one forward pass per
 * checkpoint, then {@code concepts x layers x (checkpoints x 2 + 1)} cross-validated ridge fits of 4,520 x 64.
 */
public final class GameConceptProbe {

    /**
     * One checkpoint of the network.
     *
     * @param envStep the checkpoint's environment step (the table's checkpoint axis)
     * @param network the seam over the checkpoint's network (a snapshot's copy; only read)
     */
    public record Checkpoint(long envStep, InspectableNetwork network) {

        public Checkpoint {
            Objects.requireNonNull(network, "network");
        }
    }

    private final GamePositions positions;
    private final List<Concept> concepts;
    private final long seed;
    private final ProbeSettings settings;

    /**
     * Probes {@code concepts} (one value per position) over {@code positions}.
     *
     * @throws IllegalArgumentException if a concept has not one value per position
     */
    public GameConceptProbe(GamePositions positions, List<Concept> concepts, long seed, ProbeSettings settings) {
        for (Concept c : concepts) {
            if (c.values().length != positions.size()) {
                throw new IllegalArgumentException(c.name() + " has " + c.values().length + " values for "
                        + positions.size() + " positions");
            }
        }
        this.positions = positions;
        this.concepts = List.copyOf(concepts);
        this.seed = seed;
        this.settings = settings;
    }

    /**
     * The built-in concepts ({@link GameConcepts#builtIn}) over every position of {@code game}, default settings.
     *
     * @throws IllegalArgumentException if the game has no concepts (only tic-tac-toe has)
     */
    public static GameConceptProbe of(Game game, long seed) {
        GamePositions positions = GamePositions.of(game);
        return new GameConceptProbe(positions, GameConcepts.builtIn(positions), seed, ProbeSettings.defaults());
    }

    /**
     * The built-in concepts over {@code labelled}'s positions, in its order, default settings: connect-four's
     * ({@link ConnectFourConcepts}, its alpha-beta value from the labels) or tic-tac-toe's ({@link GameConcepts}).
     *
     * @throws IllegalArgumentException if the game has no concepts
     */
    public static GameConceptProbe of(LabelledPositions labelled, long seed) {
        GamePositions positions = GamePositions.of(labelled);
        List<Concept> concepts = labelled.game().id().equals(ConnectFour.ID) ? ConnectFourConcepts.builtIn(labelled)
                : GameConcepts.builtIn(positions);
        return new GameConceptProbe(positions, concepts, seed, ProbeSettings.defaults());
    }

    /** The positions probed. */
    public GamePositions positions() {
        return positions;
    }

    /** The concepts probed. */
    public List<Concept> concepts() {
        return concepts;
    }

    /**
     * Every concept at every layer ({@link ActivationAtlas#layers()}: neither the input nor the pre-activations) of
     * every checkpoint.
     *
     * @param checkpoints oldest first, at least one, all of one network shape
     * @param fresh       a freshly initialised network of that shape (the random-initialisation control)
     * @throws IllegalArgumentException if there is no checkpoint, the networks differ in shape, or they do not read
     *                                  the game's observation
     */
    public WhatWhenWhere probe(List<Checkpoint> checkpoints, InspectableNetwork fresh) {
        if (checkpoints.isEmpty()) {
            throw new IllegalArgumentException("what-when-where needs at least one checkpoint");
        }
        ActivationAtlas first = atlas(checkpoints.get(0).network());
        return probe(checkpoints, fresh, first.layers().stream().map(Site::name).toList(), first);
    }

    /**
     * Every concept at each of {@code sites} of every checkpoint.
     *
     * @throws IllegalArgumentException as {@link #probe(List, InspectableNetwork)}, or if a site is not the network's
     */
    public WhatWhenWhere probe(List<Checkpoint> checkpoints, InspectableNetwork fresh, List<String> sites) {
        if (checkpoints.isEmpty()) {
            throw new IllegalArgumentException("what-when-where needs at least one checkpoint");
        }
        return probe(checkpoints, fresh, sites, atlas(checkpoints.get(0).network()));
    }

    private WhatWhenWhere probe(List<Checkpoint> checkpoints, InspectableNetwork fresh, List<String> sites,
            ActivationAtlas first) {
        List<WhatWhenWhere.Snapshot> snapshots = new ArrayList<>();
        for (int t = 0; t < checkpoints.size(); t++) {
            Checkpoint c = checkpoints.get(t);
            snapshots.add(new WhatWhenWhere.Snapshot(c.envStep(), t == 0 ? first : atlas(c.network())));
        }
        return WhatWhenWhere.of(snapshots, atlas(fresh), concepts, sites, positions.all(), seed, settings);
    }

    private ActivationAtlas atlas(InspectableNetwork network) {
        if (network.inputSize() != positions.game().observationSize()) {
            throw new IllegalArgumentException("the network reads " + network.inputSize() + " values per observation, "
                    + positions.game().id() + " positions have " + positions.game().observationSize());
        }
        return positions.atlas(network);
    }
}
