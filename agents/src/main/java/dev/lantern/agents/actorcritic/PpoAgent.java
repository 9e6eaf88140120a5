package dev.lantern.agents.actorcritic;

import dev.lantern.agents.api.PinnedLoss;
import dev.lantern.agents.api.NamedStreams;
import dev.lantern.agents.api.Reseedable;
import dev.lantern.agents.run.state.StateReader;
import dev.lantern.agents.run.state.StateWriter;
import dev.lantern.agents.nn.NativeMemory;
import dev.lantern.agents.nn.ActorCriticNet;
import dev.lantern.agents.nn.ActorCriticView;
import dev.lantern.agents.nn.FrozenView;
import dev.lantern.agents.api.PolicyValueView;
import dev.lantern.agents.nn.DensePass;
import dev.lantern.agents.nn.NetworkLearner;
import dev.lantern.agents.nn.Softmax;
import dev.lantern.agents.api.ComputePath;
import dev.lantern.agents.api.TrainingSession;
import dev.lantern.environments.random.Rng;
import dev.lantern.environments.random.Seeds;
import dev.lantern.environments.api.Environment;
import dev.lantern.environments.api.VectorEnv;
import java.util.function.Supplier;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Proximal policy optimization (Schulman et al. 2017, "Proximal Policy Optimization Algorithms") with generalized
 * advantage estimation (Schulman et al. 2016), on the shared-torso actor-critic network.
 *
 * <p><b>Update rule.</b> Each iteration collects {@code numEnvs × rolloutSteps} transitions with the current policy,
 * computes GAE advantages {@code A_t = Σ_k (γλ)^k δ_{t+k}}, {@code δ_t = r_t + γ V(s_{t+1}) − V(s_t)} and returns
 * {@code R_t = A_t + V(s_t)}, then runs {@code epochs} passes of shuffled minibatches minimizing {@link PpoLoss}
 * with Adam, the gradient clipped to a global L2 norm. Time-limit truncation is not termination: the reward of a
 * truncated step is augmented with {@code γ V(s_final)} (bootstrapping, as in Pardo et al. 2018), terminal steps are
 * not bootstrapped.
 *
 * <p><b>Deviations.</b> Values are not clipped (CleanRL shows no benefit on small tasks); the learning rate falls
 * linearly to zero over the budget when {@code annealLearningRate} is set (as CleanRL).
 *
 * <p><b>Probes.</b> With {@code probeSize > 0}, each iteration samples that many transitions of its rollout (with the
 * advantages normalized over the probe) and pins them, with their targets, for the window of that iteration's
 * updates. The pinned loss is the PPO loss <em>without</em> the ratio clip, {@code −mean(r A) + c_v L_value − c_e H}:
 * identical to the trained loss while the ratios stay inside the clip range, and smooth everywhere. The clip is a
 * trust-region device whose kinks make path integrals converge only at first order (measured on four-rooms: the
 * clipped probe left a 5.4% gap between allocation and real change at the default threshold; the smooth one stays
 * under 1%).
 *
 * <p><b>Metrics.</b> {@code loss/policy}, {@code loss/value}, {@code loss/entropy}, {@code loss/total},
 * {@code loss/approx_kl}, {@code loss/clip_fraction}, {@code grad/global_norm} (means over the iteration's updates);
 * {@code time/collect_seconds} and {@code time/update_seconds} (wall clock of the two phases, recorders included in
 * the second).
 */
public final class PpoAgent extends NetworkLearner<PpoConfig, ActorCriticNet> implements Reseedable {


    private final ActorCriticObjective objective;
    private final ActorCriticObjective probeObjective;
    private final VectorEnv envs;
    private final Rng exploreRng;
    private final Rng shuffleRng;
    private final Rng probeRng;
    private final NamedStreams streams;
    private final int probeSize;
    private final int obsSize;
    private final int actions;

    private final Rollout rollout;
    private final float[] minibatchObs;
    private final double[] actLogits;
    private final double[] actValues;
    private long iterations;

    /**
     * @param config     hyperparameters (validated)
     * @param net        the network to train; this agent's thread owns it
     * @param envs       {@code config.numEnvs()} environment copies, already reset
     * @param exploreSeed seeds action sampling
     * @param shuffleSeed seeds minibatch order
     * @param probeSeed   seeds probe sampling
     * @param probeSize   states in each LCA probe; 0 makes no probes
     */
    public PpoAgent(PpoConfig config, ActorCriticNet net, VectorEnv envs, long exploreSeed, long shuffleSeed,
            long probeSeed, int probeSize) {
        super(config, net);
        requireEnvs(net, envs, config.numEnvs());
        if (probeSize < 0 || probeSize > config.rolloutSize()) {
            throw new IllegalArgumentException("probeSize must be in [0, " + config.rolloutSize() + "], got " + probeSize);
        }
        this.objective = new ActorCriticObjective(net, new PpoLoss(config.clipRange(), config.valueCoef(), config.entropyCoef()));
        this.probeObjective = new ActorCriticObjective(net,
                new PpoLoss(Double.POSITIVE_INFINITY, config.valueCoef(), config.entropyCoef()));
        this.envs = envs;
        this.exploreRng = new Rng(exploreSeed);
        this.shuffleRng = new Rng(shuffleSeed);
        this.probeRng = new Rng(probeSeed);
        this.streams = new NamedStreams("ppo").with(Seeds.ENV, envs::reseed).with(Seeds.EXPLORE, exploreRng::setState)
                .with(Seeds.SHUFFLE, shuffleRng::setState).with(Seeds.PROBE, probeRng::setState);
        this.probeSize = probeSize;
        this.obsSize = net.inputSize();
        this.actions = net.actionCount();
        rollout = new Rollout(config.rolloutSize(), obsSize);
        minibatchObs = new float[config.minibatchSize() * obsSize];
        actLogits = new double[envs.size() * actions];
        actValues = new double[envs.size()];
    }

    /**
     * Builds a PPO agent with a fresh network and {@code config.numEnvs()} environment copies, every random stream
     * derived from {@code runSeed} by name ({@code env}, {@code init}, {@code explore}, {@code shuffle},
     * {@code probe}).
     *
     * @param envFactory    makes one environment copy
     * @param totalEnvSteps the run's budget, for learning-rate annealing
     * @param probeSize     states per LCA probe, 0 for none
     * @param dataType      the network's floating-point type
     */
    public static PpoAgent create(PpoConfig config, Supplier<? extends Environment> envFactory, long runSeed,
            long totalEnvSteps, int probeSize, DataType dataType) {
        VectorEnv envs = freshEnvs(envFactory, config.numEnvs(), Seeds.derive(runSeed, Seeds.ENV));
        long anneal = config.annealLearningRate() ? config.updatesFor(totalEnvSteps) + 1 : 0;
        int[] hidden = config.hiddenSizes().stream().mapToInt(Integer::intValue).toArray();
        ActorCriticNet net = ActorCriticNet.create(envs.spec().observationSize(), envs.spec().actionCount(), hidden,
                config.learningRate(), anneal, Seeds.derive(runSeed, Seeds.INIT), dataType);
        return new PpoAgent(config, net, envs, Seeds.derive(runSeed, Seeds.EXPLORE), Seeds.derive(runSeed, Seeds.SHUFFLE),
                Seeds.derive(runSeed, Seeds.PROBE), probeSize);
    }

    /** Iterations completed. */
    public long iterations() {
        return iterations;
    }

    /** A frozen copy of the current policy and value function, for other threads. */
    @Override
    public ActorCriticView snapshot() {
        return new ActorCriticView(net.copy(), net.iterationCount());
    }

    /** {@inheritDoc} An {@link ActorCriticView} of this agent's network is refilled with the current parameters. */
    @Override
    public ActorCriticView snapshot(PolicyValueView spent) {
        ActorCriticNet reused = FrozenView.recycle(spent, ActorCriticView.class, net);
        return reused == null ? snapshot() : new ActorCriticView(reused, net.iterationCount());
    }

    /**
     * {@inheritDoc} PPO's state between iterations: the iteration count, the three random streams and the
     * environment copies mid-episode (their positions, generators and episode counters). The rollout buffers are
     * rebuilt by every iteration and are not saved.
     */
    @Override
    public void saveState(StateWriter out) {
        out.section("ppo");
        out.writeInt(config.rolloutSize());
        out.writeInt(obsSize);
        out.writeLong(iterations);
        out.writeLongs(new long[] {exploreRng.state(), shuffleRng.state(), probeRng.state()});
        saveEnvs(envs, out);
    }

    @Override
    public void restoreState(StateReader in) {
        in.section("ppo");
        in.expectInt(config.rolloutSize(), "the rollout size");
        in.expectInt(obsSize, "the observation size");
        long it = in.readLong();
        long[] rng = in.readLongs();
        if (rng.length != 3) {
            throw in.fail("expected 3 random streams, found " + rng.length);
        }
        restoreEnvs(envs, in);
        iterations = it;
        exploreRng.setState(rng[0]);
        shuffleRng.setState(rng[1]);
        probeRng.setState(rng[2]);
    }

    /** {@inheritDoc} {@code env}, {@code explore} (action sampling), {@code shuffle} (minibatches), {@code probe}. */
    @Override
    public NamedStreams randomStreams() {
        return streams;
    }

    /** One iteration: collect a rollout, then update for {@code epochs} passes over it. */
    @Override
    public void iterate(TrainingSession session) {
        long t0 = System.nanoTime();
        collect(session);
        computeAdvantages();
        long t1 = System.nanoTime();
        PinnedLoss probe = probeSize > 0 ? makeProbe() : null;
        update(session, probe);
        long t2 = System.nanoTime();
        session.metric("time/collect_seconds", (t1 - t0) / 1e9);
        session.metric("time/update_seconds", (t2 - t1) / 1e9);
        iterations++;
    }

    private void collect(TrainingSession session) {
        int envCount = envs.size();
        int stepsPerEnv = config.rolloutSteps();
        double[] probs = new double[envCount * actions];
        int[] stepActions = new int[envCount];
        for (int t = 0; t < stepsPerEnv; t++) {
            int row = t * envCount;
            System.arraycopy(envs.observations, 0, rollout.obs, row * obsSize, envCount * obsSize);
            act(envs.observations);
            double[] logits = actLogits;
            double[] values = actValues;
            Softmax.rows(logits, envCount, actions, probs);
            for (int e = 0; e < envCount; e++) {
                int a = sample(probs, e * actions);
                stepActions[e] = a;
                rollout.actions[row + e] = a;
                rollout.logp[row + e] = Math.log(probs[e * actions + a]);
                rollout.values[row + e] = values[e];
            }
            envs.step(stepActions);
            session.addEnvSteps(envCount);
            boolean anyTruncated = false;
            for (int e = 0; e < envCount; e++) {
                rollout.rewards[row + e] = envs.rewards[e];
                rollout.done[row + e] = envs.terminated[e] || envs.truncated[e];
                anyTruncated |= envs.truncated[e] && !envs.terminated[e];
                if (rollout.done[row + e]) {
                    session.episodeEnded(envs.episodeReturn[e], envs.episodePerformance[e], envs.episodeLength[e],
                            envs.terminated[e] && envs.rewards[e] > 0);
                }
            }
            if (anyTruncated) {
                bootstrapTruncated(row, envCount);
            }
        }
    }

    /** Adds γ V(s_final) to the reward of every truncated (not terminated) step of row {@code row}. */
    private void bootstrapTruncated(int row, int envCount) {
        act(envs.finalObservations);
        double[] finalValues = actValues;
        for (int e = 0; e < envCount; e++) {
            if (envs.truncated[e] && !envs.terminated[e]) {
                rollout.rewards[row + e] += config.gamma() * finalValues[e];
            }
        }
    }

    /**
     * The logits and values of the {@code envs.size()} observations in {@code obs}, into {@link #actLogits} and
     * {@link #actValues}, by the network's fast pass ({@link DensePass}: a handful of native calls into buffers kept
     * for the batch, the one-hot input's first layer on its active columns) instead of DL4J's graph output, which
     * costs several times more per call on a batch of a few environments: acting is one call per step. Off the
     * host-buffer path ({@link ComputePath}, e.g. on a CUDA backend) the graph's own output.
     */
    private void act(float[] obs) {
        if (!ComputePath.select().hostBuffers()) {
            double[][] out = net.outputs(obs, envs.size());
            System.arraycopy(out[0], 0, actLogits, 0, actLogits.length);
            System.arraycopy(out[1], 0, actValues, 0, actValues.length);
            return;
        }
        DensePass pass = net.pass(envs.size());
        pass.setInput(obs);
        pass.forward(actLogits, actValues);
    }

    private void computeAdvantages() {
        act(envs.observations);
        double[] next = actValues;
        rollout.computeAdvantages(next, envs.size(), config.rolloutSteps(), config.gamma(), config.gaeLambda());
    }

    private PinnedLoss makeProbe() {
        int[] picked = probeRng.permutation(config.rolloutSize());
        int[] idx = new int[probeSize];
        System.arraycopy(picked, 0, idx, 0, probeSize);
        float[] obs = new float[probeSize * obsSize];
        PpoTargets targets = gather(idx, obs);
        String what = "unclipped PPO surrogate -mean(r A) + " + config.valueCoef() + " value loss - "
                + config.entropyCoef() + " entropy on " + probeSize + " states sampled from rollout " + iterations
                + " (advantages normalized over the probe; actions, behaviour log-probabilities, advantages and returns"
                + " frozen for that iteration's updates)";
        return new ProbeLoss(probeObjective, batch(obs, probeSize), targets, iterations, what);
    }

    private void update(TrainingSession session, PinnedLoss probe) {
        int n = config.rolloutSize();
        int mb = config.minibatchSize();
        double sumPolicy = 0;
        double sumValue = 0;
        double sumEntropy = 0;
        double sumTotal = 0;
        double sumKl = 0;
        double sumClip = 0;
        double sumNorm = 0;
        int updates = 0;
        int[] idx = new int[mb];
        for (int epoch = 0; epoch < config.epochs(); epoch++) {
            int[] order = shuffleRng.permutation(n);
            for (int start = 0; start < n; start += mb) {
                System.arraycopy(order, start, idx, 0, mb);
                PpoTargets targets = gather(idx, minibatchObs);
                ActorCriticObjective.Evaluation e = objective.evaluate(minibatchObs, targets);
                INDArray before = session.needsParameterHistory() ? net.params().dup() : null;
                double norm = net.clipAndUpdate(config.maxGradNorm());
                session.updateApplied(before, probe);
                NativeMemory.release(before); // the recorders have read it
                LossParts p = e.parts();
                sumPolicy += p.policy();
                sumValue += p.value();
                sumEntropy += p.entropy();
                sumTotal += p.total();
                sumKl += p.approxKl();
                sumClip += p.clipFraction();
                sumNorm += norm;
                updates++;
            }
        }
        session.metric("loss/policy", sumPolicy / updates);
        session.metric("loss/value", sumValue / updates);
        session.metric("loss/entropy", sumEntropy / updates);
        session.metric("loss/total", sumTotal / updates);
        session.metric("loss/approx_kl", sumKl / updates);
        session.metric("loss/clip_fraction", sumClip / updates);
        session.metric("grad/global_norm", sumNorm / updates);
    }

    private PpoTargets gather(int[] idx, float[] obsOut) {
        return rollout.gather(idx, obsOut, config.normalizeAdvantages());
    }

    private INDArray batch(float[] data, int rows) {
        INDArray in = Nd4j.create(data, new long[] {rows, obsSize}, 'c');
        return in.dataType() == net.dataType() ? in : in.castTo(net.dataType());
    }

    private int sample(double[] probs, int offset) {
        double u = exploreRng.nextDouble();
        double c = 0;
        int last = 0;
        for (int j = 0; j < actions; j++) {
            double p = probs[offset + j];
            if (p > 0) {
                c += p;
                last = j;
                if (u < c) {
                    return j;
                }
            }
        }
        return last; // rounding left u above the total: the last action with positive probability
    }
}
