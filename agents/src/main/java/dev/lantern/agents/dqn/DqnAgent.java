package dev.lantern.agents.dqn;

import dev.lantern.agents.api.PinnedLoss;
import dev.lantern.agents.nn.NetworkLearner;
import dev.lantern.agents.nn.FrozenView;
import dev.lantern.agents.api.PolicyValueView;
import dev.lantern.agents.run.state.StateReader;
import dev.lantern.agents.run.state.StateWriter;
import dev.lantern.agents.api.TrainingSession;
import dev.lantern.agents.api.NamedStreams;
import dev.lantern.agents.api.Reseedable;
import dev.lantern.environments.random.Rng;
import dev.lantern.environments.random.Seeds;
import dev.lantern.environments.api.Environment;
import dev.lantern.environments.api.VectorEnv;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * Deep Q-learning (Mnih et al. 2015, "Human-level control through deep reinforcement learning") with double Q-learning
 * targets (van Hasselt et al. 2016), n-step returns (Hessel et al. 2018) and optional proportional prioritized replay
 * (Schaul et al. 2016), collecting through a {@link VectorEnv}.
 *
 * <p><b>Update rule.</b> Each iteration steps the {@code numEnvs} copies {@code trainFrequency} times with ε-greedy
 * actions (ε falls linearly over env steps; greedy ties go to the lowest action), assembles n-step transitions
 * ({@link NStepAssembler}: truncation bootstraps from the final observation, termination does not) into replay, then,
 * once {@code learningStarts} env steps were seen, takes {@code gradientSteps} Adam steps on the Huber TD loss
 * ({@link TdLoss}) of minibatches from replay, targets {@code y = R + γ^k Q_target(s', argmax_a Q_online(s', a))},
 * the gradient clipped to a global L2 norm. The target network follows {@link DqnConfig}'s {@code tau} and
 * {@code targetUpdateInterval}. With prioritized replay, β rises linearly from {@code priorityBetaStart} to 1 over the
 * run's budget and the sampled transitions' priorities are set from their new TD errors.
 *
 * <p><b>Deviations.</b> A tanh torso ({@link QNet}), for smooth losses under loss change allocation; several
 * environment copies stepped together instead of one (each copy keeps its own n-step window); ε decays over the env
 * steps of all copies together; Adam instead of RMSProp (as CleanRL and Dopamine); no frame stacking or reward
 * clipping (the grid worlds are fully observed, rewards already in [−1, 1]).
 *
 * <p><b>Probes.</b> With {@code probeSize > 0}, each iteration that updates (once replay holds {@code probeSize}
 * transitions) pins a {@link TdProbe} for its {@code gradientSteps} updates: {@code probeSize} transitions drawn
 * uniformly from replay with targets frozen at the window start.
 *
 * <p><b>Metrics.</b> {@code loss/td}, {@code q/mean} (mean Q(s, a) of the batches), {@code grad/global_norm} (means
 * over the iteration's updates, before clipping; only in iterations that update), {@code explore/epsilon},
 * {@code replay/size}, {@code time/collect_seconds}, {@code time/update_seconds}.
 *
 * <p><b>Measured</b> ({@code DqnLearnsGridsTest}, slow tier: defaults, {@link DqnConfig#DEFAULT_BUDGET} = 40 000 env
 * steps, FLOAT, one ND4J thread, on a 2-core machine with another job on the second core; greedy evaluation over 10
 * episodes). On the fast pass ({@code nn.DensePass}, tanh and the sparse first layer in Java, Adam in Java):
 * <pre>
 *   grid/four-rooms-v1  seeds 1, 2, 3: return 0.80 = optimal (20 steps) each;  11 s, 7 s, 6 s
 *   grid/key-door-v1    seeds 1, 2, 3: return 0.87 = optimal (13 steps) each;   9 s, 10 s, 11 s
 * </pre>
 * (through DL4J's graph calls and updater, the {@link dev.lantern.agents.api.ComputePath#ND4J_OPS} path, the same
 * returns took 66 s, 72 s, 74 s and 98 s, 64 s, 60 s on a busier machine.) With the default step size (5e-4), {@code lantern
 * run} four-rooms seeds 1-15 and key-door seeds 1-5 all end optimal, the first solving evaluation (every 5 000 steps)
 * at 15 000-40 000 steps, median 25 000. The step size used to be 1e-3: then four-rooms ended optimal in 9 of seeds
 * 1-10 on either compute path (seed 2 lost on the fast pass, seed 10 on the ND4J op path: a greedy policy found, then
 * unlearned by the end), first solves at a median of 30 000 steps on both. The update phase dominates (5 000
 * gradient steps a run, each two forward passes on the next observations, online and target, one forward and backward
 * on the batch, and Adam over 80 k parameters). An earlier setting (3-step returns, ε over 12 000 steps, 30 000-step
 * budget) failed four-rooms on seed 2: ε-greedy had not found the goal often enough before ε bottomed out. With
 * {@code prioritized = true} (otherwise the older defaults), four-rooms seed 1 reached the optimum too (58 s,
 * near-optimal episodes from about 15 000 steps); one run only, not part of the slow test.
 */
public final class DqnAgent extends NetworkLearner<DqnConfig, QNet> implements Reseedable {

    private final VectorEnv envs;
    private final NStepAssembler nstep;
    private final ReplayBuffer buffer;
    private final PrioritizedReplay prioritized;
    private final TransitionSink sink;
    private final Rng exploreRng;
    private final Rng replayRng;
    private final Rng probeRng;
    private final int probeSize;
    private final long totalEnvSteps;
    private final int obsSize;
    private final int actions;
    private final float[] obsBefore;
    private final int[] stepActions;
    private final double[] uniforms;
    private final DqnUpdater updater;
    private long iterations;
    private long envStepsSeen;

    /**
     * @param config        hyperparameters (validated)
     * @param net           the online network; this agent's thread owns it
     * @param envs          {@code config.numEnvs()} environment copies, already reset
     * @param exploreSeed   seeds ε-greedy
     * @param replaySeed    seeds minibatch sampling
     * @param probeSeed     seeds probe sampling
     * @param probeSize     transitions per LCA probe, 0 for none
     * @param totalEnvSteps the run's budget, for β's annealing
     */
    public DqnAgent(DqnConfig config, QNet net, VectorEnv envs, long exploreSeed, long replaySeed, long probeSeed,
            int probeSize, long totalEnvSteps) {
        super(config, net);
        List<String> problems = new ArrayList<>();
        config.validate("agent", problems);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("invalid DQN configuration: " + String.join("; ", problems));
        }
        requireEnvs(net, envs, config.numEnvs());
        if (probeSize < 0 || probeSize > config.bufferCapacity()) {
            throw new IllegalArgumentException("probeSize must be in [0, " + config.bufferCapacity() + "], got " + probeSize);
        }
        this.envs = envs;
        this.obsSize = net.inputSize();
        this.actions = net.actionCount();
        this.nstep = new NStepAssembler(envs.size(), obsSize, config.nStep(), config.gamma());
        this.buffer = new ReplayBuffer(config.bufferCapacity(), obsSize);
        this.prioritized = config.prioritized()
                ? new PrioritizedReplay(buffer, config.priorityAlpha(), config.priorityEpsilon()) : null;
        this.sink = prioritized != null ? prioritized : buffer;
        this.exploreRng = new Rng(exploreSeed);
        this.replayRng = new Rng(replaySeed);
        this.probeRng = new Rng(probeSeed);
        this.probeSize = probeSize;
        this.totalEnvSteps = totalEnvSteps;
        this.updater = new DqnUpdater(config, net, buffer, prioritized, replayRng, probeRng);
        obsBefore = new float[envs.size() * obsSize];
        stepActions = new int[envs.size()];
        uniforms = new double[envs.size()];
    }

    /**
     * Builds a DQN agent with a fresh network and {@code config.numEnvs()} environment copies, every random stream
     * derived from {@code runSeed} by name ({@code env}, {@code init}, {@code explore}, {@code replay}, {@code probe}).
     *
     * @param envFactory    makes one environment copy
     * @param totalEnvSteps the run's budget (β of prioritized replay reaches 1 there)
     * @param probeSize     transitions per LCA probe, 0 for none
     * @param dataType      the network's floating-point type
     */
    public static DqnAgent create(DqnConfig config, Supplier<? extends Environment> envFactory, long runSeed,
            long totalEnvSteps, int probeSize, DataType dataType) {
        VectorEnv envs = freshEnvs(envFactory, config.numEnvs(), Seeds.derive(runSeed, Seeds.ENV));
        int[] hidden = config.hiddenSizes().stream().mapToInt(Integer::intValue).toArray();
        QNet net = QNet.create(envs.spec().observationSize(), envs.spec().actionCount(), hidden, config.learningRate(),
                Seeds.derive(runSeed, Seeds.INIT), dataType);
        return new DqnAgent(config, net, envs, Seeds.derive(runSeed, Seeds.EXPLORE), Seeds.derive(runSeed, Seeds.REPLAY),
                Seeds.derive(runSeed, Seeds.PROBE), probeSize, totalEnvSteps);
    }

    /** The target network (training thread only). */
    public QNet targetNet() {
        return updater.target();
    }

    /** The replay storage. */
    public ReplayBuffer replay() {
        return buffer;
    }

    /** Iterations completed. */
    public long iterations() {
        return iterations;
    }

    /** Env steps (all copies) seen by the ε and β schedules. */
    public long envStepsSeen() {
        return envStepsSeen;
    }

    /** ε at the current env step: {@code ε_end + (ε_start − ε_end) · max(0, 1 − t / epsilonDecaySteps)}. */
    public double epsilon() {
        double frac = config.epsilonDecaySteps() == 0 ? 0
                : Math.max(0, 1 - envStepsSeen / (double) config.epsilonDecaySteps());
        return config.epsilonEnd() + (config.epsilonStart() - config.epsilonEnd()) * frac;
    }

    /** β at the current env step: from {@code priorityBetaStart} linearly to 1 at the run's budget. */
    public double beta() {
        double frac = totalEnvSteps <= 0 ? 1 : Math.min(1, envStepsSeen / (double) totalEnvSteps);
        return config.priorityBetaStart() + (1 - config.priorityBetaStart()) * frac;
    }

    /** A frozen copy of the current Q-function, for other threads. */
    @Override
    public QView snapshot() {
        return new QView(net.copy(), net.iterationCount());
    }

    /** {@inheritDoc} A {@link QView} of this agent's network is refilled with the current parameters. */
    @Override
    public QView snapshot(PolicyValueView spent) {
        QNet reused = FrozenView.recycle(spent, QView.class, net);
        return reused == null ? snapshot() : new QView(reused, net.iterationCount());
    }

    /** One iteration: collect {@code numEnvs × trainFrequency} steps, then {@code gradientSteps} updates. */
    @Override
    public void iterate(TrainingSession session) {
        long t0 = System.nanoTime();
        collect(session);
        long t1 = System.nanoTime();
        if (envStepsSeen >= config.learningStarts() && buffer.size() >= config.batchSize()) {
            PinnedLoss probe = probeSize > 0 && buffer.size() >= probeSize ? updater.makeProbe(probeSize, iterations) : null;
            updater.update(session, probe, beta());
        }
        long t2 = System.nanoTime();
        session.metric("explore/epsilon", epsilon());
        session.metric("replay/size", buffer.size());
        session.metric("time/collect_seconds", (t1 - t0) / 1e9);
        session.metric("time/update_seconds", (t2 - t1) / 1e9);
        iterations++;
    }

    private void collect(TrainingSession session) {
        int n = envs.size();
        for (int t = 0; t < config.trainFrequency(); t++) {
            double eps = epsilon();
            boolean anyGreedy = false;
            for (int e = 0; e < n; e++) {
                uniforms[e] = exploreRng.nextDouble();
                anyGreedy |= uniforms[e] >= eps;
            }
            double[] q = anyGreedy ? net.qValues(envs.observations, n) : null;
            for (int e = 0; e < n; e++) {
                stepActions[e] = uniforms[e] < eps ? exploreRng.nextInt(actions) : TdLoss.argmax(q, e * actions, actions);
            }
            System.arraycopy(envs.observations, 0, obsBefore, 0, obsBefore.length);
            envs.step(stepActions);
            session.addEnvSteps(n);
            envStepsSeen += n;
            nstep.record(obsBefore, stepActions, envs, sink);
            for (int e = 0; e < n; e++) {
                if (envs.terminated[e] || envs.truncated[e]) {
                    session.episodeEnded(envs.episodeReturn[e], envs.episodePerformance[e], envs.episodeLength[e],
                            envs.terminated[e] && envs.rewards[e] > 0);
                }
            }
        }
    }

    /**
     * {@inheritDoc} DQN's state: counters (iterations, env steps seen by the schedules, updates since the last target
     * update), the three random streams, the environment copies, the n-step windows, the replay contents with write
     * position and size, the priorities, and the target network's parameters.
     */
    @Override
    public void saveState(StateWriter out) {
        out.section("dqn");
        out.writeInt(envs.size());
        out.writeInt(obsSize);
        out.writeBoolean(config.prioritized());
        out.writeLongs(new long[] {iterations, envStepsSeen, updater.updatesSinceSync});
        out.writeLongs(new long[] {exploreRng.state(), replayRng.state(), probeRng.state()});
        saveEnvs(envs, out);
        nstep.save(out);
        buffer.save(out);
        if (prioritized != null) {
            prioritized.save(out);
        }
        out.section("target");
        out.writeArray(updater.target().params());
    }

    /** {@inheritDoc} {@code env}, {@code explore} (ε-greedy), {@code replay} (minibatches), {@code probe}. */
    @Override
    public NamedStreams randomStreams() {
        return new NamedStreams("dqn").with(Seeds.ENV, envs::reseed).with(Seeds.EXPLORE, exploreRng::setState)
                .with(Seeds.REPLAY, replayRng::setState).with(Seeds.PROBE, probeRng::setState);
    }

    @Override
    public void restoreState(StateReader in) {
        in.section("dqn");
        in.expectInt(envs.size(), "the number of environment copies");
        in.expectInt(obsSize, "the observation size");
        if (in.readBoolean() != config.prioritized()) {
            throw in.fail("prioritized replay differs between the checkpoint and this run");
        }
        long[] counters = in.readLongs();
        long[] rng = in.readLongs();
        if (counters.length != 3 || rng.length != 3) {
            throw in.fail("expected 3 counters and 3 random streams, found " + counters.length + " and " + rng.length);
        }
        restoreEnvs(envs, in);
        nstep.restore(in);
        buffer.restore(in);
        if (prioritized != null) {
            prioritized.restore(in);
        }
        in.section("target");
        in.readArrayInto(updater.target().params(), "the target network parameters");
        iterations = counters[0];
        envStepsSeen = counters[1];
        updater.updatesSinceSync = counters[2];
        exploreRng.setState(rng[0]);
        replayRng.setState(rng[1]);
        probeRng.setState(rng[2]);
    }
}
