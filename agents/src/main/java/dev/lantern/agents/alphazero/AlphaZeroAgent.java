package dev.lantern.agents.alphazero;

import dev.lantern.agents.api.ComputePath;
import dev.lantern.agents.api.PinnedLoss;
import dev.lantern.agents.api.PolicyValueView;
import dev.lantern.agents.api.NamedStreams;
import dev.lantern.agents.api.Reseedable;
import dev.lantern.agents.run.state.StateReader;
import dev.lantern.agents.run.state.StateWriter;
import dev.lantern.agents.api.TrainingSession;
import dev.lantern.agents.mcts.GameProblem;
import dev.lantern.agents.mcts.LockstepPuct;
import dev.lantern.agents.nn.NativeMemory;
import dev.lantern.agents.nn.ActorCriticNet;
import dev.lantern.agents.nn.NetworkLearner;
import dev.lantern.environments.random.Rng;
import dev.lantern.environments.random.Seeds;
import dev.lantern.environments.board.Game;
import java.util.Map;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * AlphaZero (Silver et al., "A general reinforcement learning algorithm that masters chess, shogi and Go through
 * self-play", Science 2018) for the two-player board {@link Game}s, with a small dense {@link ActorCriticNet}.
 *
 * <p><b>One iteration</b> ({@link #iterate}): {@link AlphaZeroConfig#gamesPerIteration()} games of self-play are
 * played from the start to the end in lockstep; every move runs {@link AlphaZeroConfig#simulations()} PUCT
 * simulations in all unfinished games at once ({@link LockstepPuct}: one forward pass per simulation step for all
 * their leaves), with Dirichlet noise at the roots. The first {@link AlphaZeroConfig#temperatureMoves()} plies are
 * sampled in proportion to the root visits (temperature 1), later ones take the most visited move. Each position is
 * stored with its visit distribution and, when its game ends, the outcome z for its mover. Then
 * {@link AlphaZeroConfig#trainingStepsPerIteration()} Adam steps minimize {@link AlphaZeroLoss} on minibatches drawn
 * uniformly from the replay.
 *
 * <p><b>Compute path</b> ({@link ComputePath}): on {@code HOST_BUFFERS} the search's leaf evaluations, the loss's
 * forward and backward and the Adam step run on the network's fast pass ({@link NetworkEvaluator},
 * {@link AlphaZeroLoss}, {@link ActorCriticNet#clipAndUpdate}), and the search's evaluations are cached by position
 * within each self-play phase, where the parameters stay fixed ({@link NetworkEvaluator#caching}); on
 * {@code ND4J_OPS} DL4J's graph calls and updater, no cache. The two paths agree up to floating-point rounding; each
 * is reproducible bit for bit.
 *
 * <p><b>Deviations</b>: no search tree reuse between moves; no resignation; the learning rate is constant; the
 * network is a two-layer MLP on the flattened planes rather than a residual convolutional tower; training
 * alternates with self-play in one thread instead of running asynchronously; the replay samples uniformly with an
 * optional left-right mirror (see {@link AlphaZeroConfig#mirrorAugment()}).
 *
 * <p><b>Randomness</b>: streams derived from the run seed by name: {@code init} (weights), {@code selfplay} (root
 * noise and temperature sampling), {@code replay} (minibatches and mirroring), {@code eval} (evaluation matches). No
 * other source, so {@link #saveState}/{@link #restoreState} at an iteration boundary (no game is ever in flight
 * there) continue bit-identically.
 *
 * <p><b>Metrics</b> per iteration: {@code loss/policy}, {@code loss/value}, {@code loss/l2}, {@code loss/total}
 * (means over the iteration's steps), {@code selfplay/first_player_win}, {@code selfplay/draw},
 * {@code selfplay/second_player_win} (fractions of the games), {@code selfplay/game_length},
 * {@code selfplay/positions_per_second}, {@code mcts/root_visits} (mean visits of the chosen root child),
 * {@code mcts/root_value} (mean root value for the mover), {@code mcts/batch_size} (mean network rows per forward
 * pass), {@code mcts/cache_hit_rate} (the fraction of leaf evaluations answered by the evaluator's cache),
 * {@code mcts/leaf_evals_per_second}, {@code replay/size}, {@code time/selfplay_seconds}, {@code time/train_seconds},
 * and the {@link GameEvaluator} metrics every {@link AlphaZeroConfig#evalEveryIterations()} iterations.
 * Episodes: one per game, return = outcome for the first player, length = plies, success = the first player won.
 */
public final class AlphaZeroAgent extends NetworkLearner<AlphaZeroConfig, ActorCriticNet> implements Reseedable {

    private static final Logger LOG = LoggerFactory.getLogger(AlphaZeroAgent.class);

    private final Game game;
    private final GameProblem problem;
    private final NetworkEvaluator evaluator;
    private final SelfPlay selfPlay;
    private final AlphaZeroLoss loss;
    private final ReplayBuffer replay;
    private final Rng selfPlayRng;
    private final Rng replayRng;
    private final Rng evalRng;
    private final Rng probeRng;
    private final int probeSize;
    private final int inputSize;
    private final int actions;
    private final float[] bObs;
    private final float[] bPolicy;
    private final boolean[] bLegal;
    private final float[] bOutcome;
    private long iterations;
    private long gamesPlayed;

    private AlphaZeroAgent(AlphaZeroConfig config, Game game, ActorCriticNet net, long runSeed, int probeSize) {
        super(config, net);
        this.game = game;
        this.problem = new GameProblem(game);
        this.evaluator = NetworkEvaluator.caching(net);
        this.loss = new AlphaZeroLoss(net, config.l2());
        this.inputSize = game.observationSize();
        this.actions = game.numDistinctActions();
        int[] shape = game.observationShape();
        this.replay = new ReplayBuffer(config.replayCapacity(), shape, actions,
                config.mirrorAugment() ? ReplayBuffer.mirrorMap(shape, actions) : null);
        this.selfPlayRng = new Rng(Seeds.derive(runSeed, Seeds.SELFPLAY));
        this.selfPlay = new SelfPlay(game, new LockstepPuct<>(problem, evaluator, config.simulations(), config.cPuct()),
                config, selfPlayRng);
        this.replayRng = new Rng(Seeds.derive(runSeed, Seeds.REPLAY));
        this.evalRng = new Rng(Seeds.derive(runSeed, Seeds.EVAL));
        this.probeRng = new Rng(Seeds.derive(runSeed, Seeds.PROBE));
        if (probeSize < 0 || probeSize > config.replayCapacity()) {
            throw new IllegalArgumentException("probeSize must be in [0, replayCapacity = " + config.replayCapacity()
                    + "], got " + probeSize);
        }
        this.probeSize = probeSize;
        this.bObs = new float[config.batchSize() * inputSize];
        this.bPolicy = new float[config.batchSize() * actions];
        this.bLegal = new boolean[config.batchSize() * actions];
        this.bOutcome = new float[config.batchSize()];
    }

    /**
     * A fresh agent for {@code game}.
     *
     * @param config   hyperparameters, validated here
     * @param game     the game (observation {@code [3, rows, cols]}, as {@link Game} documents)
     * @param runSeed  the run seed; every stream is derived from it by name
     * @param dataType {@link DataType#FLOAT} to train, {@link DataType#DOUBLE} for numerical tests
     * @throws IllegalArgumentException if the config is invalid, or mirroring does not fit the game's actions
     */
    public static AlphaZeroAgent create(AlphaZeroConfig config, Game game, long runSeed, DataType dataType) {
        return create(config, game, runSeed, 0, dataType);
    }

    /**
     * A fresh agent for {@code game} that pins an LCA probe of {@code probeSize} replay positions in each iteration
     * (once the replay holds that many); 0 makes no probes.
     *
     * @throws IllegalArgumentException if the config is invalid or {@code probeSize} exceeds the replay capacity
     */
    public static AlphaZeroAgent create(AlphaZeroConfig config, Game game, long runSeed, int probeSize,
            DataType dataType) {
        config.checked("agent");
        ActorCriticNet net = ActorCriticNet.create(game.observationSize(), game.numDistinctActions(), config.hidden(),
                config.learningRate(), 0, Seeds.derive(runSeed, Seeds.INIT), dataType);
        return new AlphaZeroAgent(config, game, net, runSeed, probeSize);
    }

    /** The game. */
    public Game game() {
        return game;
    }

    /**
     * Where training stands, read at one moment.
     *
     * @param iterations      iterations completed
     * @param gamesPlayed     self-play games completed
     * @param positionsAdded  positions ever added to the replay
     * @param replaySize      positions in the replay now
     * @param forwardPasses   the self-play search's forward passes so far (this process; not saved)
     * @param leafEvaluations leaves evaluated by the self-play search so far (this process; not saved)
     */
    public record Progress(long iterations, long gamesPlayed, long positionsAdded, int replaySize, long forwardPasses,
            long leafEvaluations) {
    }

    /** Where training stands now (training thread only). */
    public Progress progress() {
        return new Progress(iterations, gamesPlayed, replay.added(), replay.size(), evaluator.forwardPasses(),
                evaluator.leafEvaluations());
    }

    @Override
    public void iterate(TrainingSession session) {
        long t0 = System.nanoTime();
        long leaves0 = evaluator.leafEvaluations();
        long passes0 = evaluator.forwardPasses();
        long hits0 = evaluator.cacheHits();
        evaluator.clearCache(); // the last iteration's updates changed the network
        int positions = selfPlay(session);
        long t1 = System.nanoTime();
        train(session);
        long t2 = System.nanoTime();
        double selfSeconds = (t1 - t0) / 1e9;
        long leaves = evaluator.leafEvaluations() - leaves0;
        long passes = evaluator.forwardPasses() - passes0;
        long hits = evaluator.cacheHits() - hits0;
        session.metric("time/selfplay_positions_per_second", positions / selfSeconds);
        session.metric("time/leaf_evals_per_second", leaves / selfSeconds);
        session.metric("mcts/batch_size", passes == 0 ? 0 : (double) (leaves - hits) / passes);
        session.metric("mcts/cache_hit_rate", leaves == 0 ? 0 : (double) hits / leaves);
        session.metric("replay/size", replay.size());
        session.metric("time/selfplay_seconds", selfSeconds);
        session.metric("time/train_seconds", (t2 - t1) / 1e9);
        iterations++;
        if (config.evalEveryIterations() > 0 && iterations % config.evalEveryIterations() == 0) {
            GameEvaluator eval = new GameEvaluator(game, config.evalSimulations(), config.cPuct(), evalRng.nextLong());
            for (Map.Entry<String, Double> e : eval.evaluate(net, GameEvaluator.standardOpponents(game,
                    config.evalUctSimulations()), config.evalGames()).entrySet()) {
                session.metric(e.getKey(), e.getValue());
            }
        }
    }

    /** Plays one batch of games to the end; returns the positions added to the replay. */
    private int selfPlay(TrainingSession session) {
        SelfPlay.Stats st = selfPlay.play(replay, session);
        gamesPlayed += st.games();
        session.metric("selfplay/first_player_win", (double) st.firstWins() / st.games());
        session.metric("selfplay/draw", (double) st.draws() / st.games());
        session.metric("selfplay/second_player_win", (double) (st.games() - st.firstWins() - st.draws()) / st.games());
        session.metric("selfplay/game_length", (double) st.positions() / st.games());
        session.metric("mcts/root_visits", st.rootVisits());
        session.metric("mcts/root_value", st.rootValue());
        LOG.debug("iteration {}: {} games, {} positions, first player won {}, draws {}", iterations, st.games(),
                st.positions(), st.firstWins(), st.draws());
        return st.positions();
    }

    private void train(TrainingSession session) {
        int steps = config.trainingStepsPerIteration();
        if (steps == 0 || replay.size() == 0) {
            return;
        }
        int batch = config.batchSize();
        PinnedLoss probe = probeSize > 0 && replay.size() >= probeSize ? makeProbe() : null;
        double policy = 0;
        double value = 0;
        double l2 = 0;
        for (int step = 0; step < steps; step++) {
            replay.sample(replayRng, batch, bObs, bPolicy, bLegal, bOutcome);
            AlphaZeroLoss.Result r = loss.compute(bObs, bPolicy, bLegal, bOutcome, batch);
            INDArray before = session.needsParameterHistory() ? net.params().dup() : null;
            if (ComputePath.select().hostBuffers()) {
                net.clipAndUpdate(0); // Adam in Java (AdamStep), no clipping
            } else {
                net.applyUpdate(r.gradient());
            }
            session.updateApplied(before, probe);
            NativeMemory.release(before); // the recorders have read it
            policy += r.policy();
            value += r.value();
            l2 += r.l2();
        }
        session.metric("loss/policy", policy / steps);
        session.metric("loss/value", value / steps);
        session.metric("loss/l2", l2 / steps);
        session.metric("loss/total", (policy + value + l2) / steps);
    }

    /** Samples {@code probeSize} replay positions (with their targets) into a probe for this iteration's updates. */
    private PinnedLoss makeProbe() {
        float[] o = new float[probeSize * inputSize];
        float[] p = new float[probeSize * actions];
        boolean[] l = new boolean[probeSize * actions];
        float[] z = new float[probeSize];
        replay.sample(probeRng, probeSize, o, p, l, z);
        return new AlphaZeroProbe(net, loss, o, p, l, z, probeSize, iterations, "AlphaZero loss (visit cross-entropy"
                + " + squared value error + " + config.l2() + " L2) on " + probeSize + " replay positions sampled in"
                + " iteration " + iterations + " (targets frozen for that iteration's updates)");
    }

    /** A frozen copy of the network: probabilities over all actions (no legality mask), values {@code tanh(v)}. */
    @Override
    public PolicyValueView snapshot() {
        return new AlphaZeroView(net.copy());
    }

    /**
     * {@inheritDoc} AlphaZero's state between iterations: the counters, the three random streams and the replay's
     * contents. No game is in flight at an iteration boundary.
     */
    /**
     * {@inheritDoc} {@code replay} (minibatches), {@code selfplay} (search noise, move sampling), {@code probe}, and
     * {@code eval}: the seeds of the matches every {@code evalEveryIterations} (the final matches are seeded outside
     * the agent).
     */
    @Override
    public NamedStreams randomStreams() {
        return new NamedStreams("alphazero").with(Seeds.REPLAY, replayRng::setState)
                .with(Seeds.SELFPLAY, selfPlayRng::setState).with(Seeds.PROBE, probeRng::setState)
                .with(Seeds.EVAL, evalRng::setState);
    }

    @Override
    public void saveState(StateWriter out) {
        out.section("alphazero");
        out.writeInt(inputSize);
        out.writeInt(actions);
        out.writeLongs(new long[] {iterations, gamesPlayed});
        out.writeLongs(new long[] {selfPlayRng.state(), replayRng.state(), evalRng.state(), probeRng.state()});
        replay.save(out);
    }

    @Override
    public void restoreState(StateReader in) {
        in.section("alphazero");
        in.expectInt(inputSize, "the observation size");
        in.expectInt(actions, "the action count");
        long[] counters = in.readLongs();
        long[] rngs = in.readLongs();
        if (counters.length != 2 || rngs.length != 4) {
            throw in.fail("expected 2 counters and 4 random streams, found " + counters.length + " and " + rngs.length);
        }
        replay.restore(in);
        iterations = counters[0];
        gamesPlayed = counters[1];
        selfPlayRng.setState(rngs[0]);
        replayRng.setState(rngs[1]);
        evalRng.setState(rngs[2]);
        probeRng.setState(rngs[3]);
    }
}
