package dev.lantern.agents.dqn;

import dev.lantern.agents.api.LearningAgent;
import dev.lantern.agents.api.PinnedLoss;
import dev.lantern.agents.api.StateReader;
import dev.lantern.agents.api.StateWriter;
import dev.lantern.agents.api.TrainingSession;
import dev.lantern.agents.train.Rng;
import dev.lantern.agents.train.Seeds;
import dev.lantern.environments.api.Environment;
import dev.lantern.environments.api.VectorEnv;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

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
 * <p><b>Deviations.</b> tanh torso ({@link QNet}); several environment copies instead of one; ε decays over env steps
 * of all copies together; the first action of every greedy batch is computed by one forward pass over all copies.
 *
 * <p><b>Probes.</b> With {@code probeSize > 0}, each iteration that updates pins a {@link TdProbe}: {@code probeSize}
 * transitions drawn uniformly from replay with targets frozen at the window start.
 *
 * <p><b>Metrics.</b> {@code loss/td}, {@code q/mean} (mean Q(s, a) of the batches), {@code grad/global_norm} (means
 * over the iteration's updates, before clipping; only in iterations that update), {@code explore/epsilon},
 * {@code replay/size}, {@code time/collect_seconds}, {@code time/update_seconds}.
 *
 * <p><b>Measured</b> (defaults, 30 000 env steps, one core, {@code DqnLearnsGridsTest}): see {@link DqnConfig}.
 */
public final class DqnAgent implements LearningAgent {

    private final DqnConfig config;
    private final QNet net;
    private final QNet target;
    private final TdObjective objective;
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
    private final int[] slots;
    private final float[] batchObs;
    private final float[] batchNext;
    private final int[] batchActions;
    private final double[] batchReturns;
    private final double[] batchDiscounts;
    private final double[] batchTargets;
    private final double[] batchWeights;
    private long iterations;
    private long envStepsSeen;
    private long updatesSinceSync;

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
        List<String> problems = new ArrayList<>();
        config.validate("agent", problems);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("invalid DQN configuration: " + String.join("; ", problems));
        }
        if (envs.size() != config.numEnvs()) {
            throw new IllegalArgumentException("config.numEnvs = " + config.numEnvs() + " but " + envs.size() + " environments given");
        }
        if (envs.spec().observationSize() != net.inputSize() || envs.spec().actionCount() != net.actionCount()) {
            throw new IllegalArgumentException("network " + net.inputSize() + " -> " + net.actionCount()
                    + " does not fit environment " + envs.spec());
        }
        if (probeSize < 0 || probeSize > config.bufferCapacity()) {
            throw new IllegalArgumentException("probeSize must be in [0, " + config.bufferCapacity() + "], got " + probeSize);
        }
        this.config = config;
        this.net = net;
        this.target = net.copy();
        this.objective = new TdObjective(net, config.huberDelta());
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
        int b = config.batchSize();
        obsBefore = new float[envs.size() * obsSize];
        stepActions = new int[envs.size()];
        uniforms = new double[envs.size()];
        slots = new int[b];
        batchObs = new float[b * obsSize];
        batchNext = new float[b * obsSize];
        batchActions = new int[b];
        batchReturns = new double[b];
        batchDiscounts = new double[b];
        batchTargets = new double[b];
        batchWeights = new double[b];
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
        List<Environment> copies = new ArrayList<>();
        for (int i = 0; i < config.numEnvs(); i++) {
            copies.add(envFactory.get());
        }
        VectorEnv envs = new VectorEnv(copies, Seeds.derive(runSeed, "env"));
        envs.reset();
        int[] hidden = config.hiddenSizes().stream().mapToInt(Integer::intValue).toArray();
        QNet net = QNet.create(envs.spec().observationSize(), envs.spec().actionCount(), hidden, config.learningRate(),
                Seeds.derive(runSeed, "init"), dataType);
        return new DqnAgent(config, net, envs, Seeds.derive(runSeed, "explore"), Seeds.derive(runSeed, "replay"),
                Seeds.derive(runSeed, "probe"), probeSize, totalEnvSteps);
    }

    /** The online network (training thread only). */
    public QNet net() {
        return net;
    }

    /** The target network (training thread only). */
    public QNet targetNet() {
        return target;
    }

    /** The hyperparameters. */
    public DqnConfig config() {
        return config;
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

    @Override
    public ComputationGraph network() {
        return net.graph();
    }

    @Override
    public long updates() {
        return net.iterationCount();
    }

    /** A frozen copy of the current Q-function, for other threads. */
    @Override
    public QView snapshot() {
        return new QView(net.copy(), net.iterationCount());
    }

    /** One iteration: collect {@code numEnvs × trainFrequency} steps, then {@code gradientSteps} updates. */
    @Override
    public void iterate(TrainingSession session) {
        long t0 = System.nanoTime();
        collect(session);
        long t1 = System.nanoTime();
        if (envStepsSeen >= config.learningStarts() && buffer.size() >= config.batchSize()) {
            PinnedLoss probe = probeSize > 0 && buffer.size() >= probeSize ? makeProbe() : null;
            update(session, probe);
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
            double[] q = anyGreedy ? net.qValues(net.batch(envs.observations, n)) : null;
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

    private void update(TrainingSession session, PinnedLoss probe) {
        double sumLoss = 0;
        double sumQ = 0;
        double sumNorm = 0;
        int b = config.batchSize();
        for (int g = 0; g < config.gradientSteps(); g++) {
            double[] weights = null;
            if (prioritized != null) {
                prioritized.sample(replayRng, beta(), slots, batchWeights);
                weights = batchWeights;
            } else {
                buffer.sampleUniform(replayRng, slots);
            }
            buffer.gather(slots, batchObs, batchActions, batchReturns, batchDiscounts, batchNext);
            computeTargets(batchNext, b, batchReturns, batchDiscounts, batchTargets);
            TdObjective.Evaluation ev = objective.evaluate(net.batch(batchObs, b), batchActions, batchTargets, weights);
            INDArray grad = net.gradient();
            double norm = grad.norm2Number().doubleValue();
            if (config.maxGradNorm() > 0 && norm > config.maxGradNorm()) {
                grad.muli(config.maxGradNorm() / norm);
            }
            INDArray before = session.needsParameterHistory() ? net.params().dup() : null;
            net.applyUpdate(ev.gradient());
            session.updateApplied(before, probe);
            if (prioritized != null) {
                prioritized.updatePriorities(slots, ev.tdErrors());
            }
            if (++updatesSinceSync >= config.targetUpdateInterval()) {
                syncTarget();
                updatesSinceSync = 0;
            }
            sumLoss += ev.loss();
            sumQ += ev.qMean();
            sumNorm += norm;
        }
        int u = config.gradientSteps();
        session.metric("loss/td", sumLoss / u);
        session.metric("q/mean", sumQ / u);
        session.metric("grad/global_norm", sumNorm / u);
    }

    /** Targets {@code y = R + d Q_target(s', a*)} for {@code rows} next observations (see {@link TdLoss#targets}). */
    private void computeTargets(float[] next, int rows, double[] returns, double[] discounts, double[] out) {
        double[] qTarget = target.qValues(target.batch(next, rows));
        double[] qOnline = config.doubleDqn() ? net.qValues(net.batch(next, rows)) : null;
        TdLoss.targets(qOnline, qTarget, actions, returns, discounts, config.doubleDqn(), out);
    }

    private void syncTarget() {
        if (config.tau() >= 1) {
            target.setParams(net.params());
        } else {
            target.params().muli(1 - config.tau()).addi(net.params().mul(config.tau()));
        }
    }

    private PinnedLoss makeProbe() {
        int[] picked = new int[probeSize];
        buffer.sampleUniform(probeRng, picked);
        float[] obs = new float[probeSize * obsSize];
        float[] next = new float[probeSize * obsSize];
        int[] a = new int[probeSize];
        double[] ret = new double[probeSize];
        double[] disc = new double[probeSize];
        double[] y = new double[probeSize];
        buffer.gather(picked, obs, a, ret, disc, next);
        computeTargets(next, probeSize, ret, disc, y);
        String what = "mean Huber (delta " + config.huberDelta() + ") TD loss on " + probeSize + " transitions drawn"
                + " uniformly from replay at iteration " + iterations + ", " + config.nStep() + "-step "
                + (config.doubleDqn() ? "double-DQN" : "DQN") + " targets frozen with the target network of that moment";
        return new TdProbe(objective, net.batch(obs, probeSize), a, y, iterations, what);
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
        out.writeLongs(new long[] {iterations, envStepsSeen, updatesSinceSync});
        out.writeLongs(new long[] {exploreRng.state(), replayRng.state(), probeRng.state()});
        out.section("envs");
        out.writeLongs(envs.saveState());
        nstep.save(out);
        buffer.save(out);
        if (prioritized != null) {
            prioritized.save(out);
        }
        out.section("target");
        out.writeArray(target.params());
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
        in.section("envs");
        long[] envState = in.readLongs();
        try {
            envs.restoreState(envState);
        } catch (IllegalArgumentException e) {
            throw in.fail(e.getMessage());
        }
        nstep.restore(in);
        buffer.restore(in);
        if (prioritized != null) {
            prioritized.restore(in);
        }
        in.section("target");
        in.readArrayInto(target.params(), "the target network parameters");
        iterations = counters[0];
        envStepsSeen = counters[1];
        updatesSinceSync = counters[2];
        exploreRng.setState(rng[0]);
        replayRng.setState(rng[1]);
        probeRng.setState(rng[2]);
    }
}
