package dev.lantern.agents.dqn;

import dev.lantern.agents.api.ComputePath;
import dev.lantern.agents.api.PinnedLoss;
import dev.lantern.agents.api.TrainingSession;
import dev.lantern.agents.nn.DensePass;
import dev.lantern.agents.nn.NativeMemory;
import dev.lantern.environments.random.Rng;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The learning half of {@link DqnAgent}: draws minibatches from replay, computes (double) DQN targets with the target
 * network, takes Adam steps on the Huber TD loss with the gradient clipped to a global norm, updates priorities, keeps
 * the target network in step (hard copy or Polyak, {@link DqnConfig}) and builds the pinned probe of each window.
 *
 * <p>Metrics (means over one update phase): {@code loss/td}, {@code q/mean}, {@code grad/global_norm} (before
 * clipping).
 */
final class DqnUpdater {

    private final DqnConfig config;
    private final QNet net;
    private final QNet target;
    private final TdObjective objective;
    private final ReplayBuffer buffer;
    private final PrioritizedReplay prioritized;
    private final Rng replayRng;
    private final Rng probeRng;
    private final int actions;
    private final int[] slots;
    private final float[] batchObs;
    private final float[] batchNext;
    private final int[] batchActions;
    private final double[] batchReturns;
    private final double[] batchDiscounts;
    private final double[] batchTargets;
    private final double[] batchWeights;
    long updatesSinceSync;

    DqnUpdater(DqnConfig config, QNet net, ReplayBuffer buffer, PrioritizedReplay prioritized, Rng replayRng,
            Rng probeRng) {
        this.config = config;
        this.net = net;
        this.target = net.copy();
        this.objective = new TdObjective(net, config.huberDelta());
        this.buffer = buffer;
        this.prioritized = prioritized;
        this.replayRng = replayRng;
        this.probeRng = probeRng;
        this.actions = net.actionCount();
        int b = config.batchSize();
        int obsSize = net.inputSize();
        slots = new int[b];
        batchObs = new float[b * obsSize];
        batchNext = new float[b * obsSize];
        batchActions = new int[b];
        batchReturns = new double[b];
        batchDiscounts = new double[b];
        batchTargets = new double[b];
        batchWeights = new double[b];
    }

    QNet target() {
        return target;
    }

    /** {@code gradientSteps} updates; {@code beta} is prioritized replay's current β. */
    void update(TrainingSession session, PinnedLoss probe, double beta) {
        double sumLoss = 0;
        double sumQ = 0;
        double sumNorm = 0;
        int b = config.batchSize();
        for (int g = 0; g < config.gradientSteps(); g++) {
            double[] weights = null;
            if (prioritized != null) {
                prioritized.sample(replayRng, beta, slots, batchWeights);
                weights = batchWeights;
            } else {
                buffer.sampleUniform(replayRng, slots);
            }
            buffer.gather(slots, batchObs, batchActions, batchReturns, batchDiscounts, batchNext);
            computeTargets(batchNext, b, batchReturns, batchDiscounts, batchTargets);
            TdObjective.Evaluation ev = objective.evaluate(batchObs, batchActions, batchTargets, weights);
            INDArray before = session.needsParameterHistory() ? net.params().dup() : null;
            double norm = clipAndUpdate(ev);
            session.updateApplied(before, probe);
            NativeMemory.release(before); // the recorders have read it
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

    /**
     * Clips the gradient of {@code ev} to {@code maxGradNorm} and takes the Adam step: in Java on the
     * {@link ComputePath#HOST_BUFFERS} path ({@link QNet#clipAndUpdate}), else ND4J's norm and scaling and DL4J's
     * updater on DL4J's gradient object.
     *
     * @return the gradient's global L2 norm before clipping
     */
    private double clipAndUpdate(TdObjective.Evaluation ev) {
        if (ComputePath.select().hostBuffers()) {
            return net.clipAndUpdate(config.maxGradNorm());
        }
        INDArray grad = net.gradient();
        double norm = grad.norm2Number().doubleValue();
        if (config.maxGradNorm() > 0 && norm > config.maxGradNorm()) {
            grad.muli(config.maxGradNorm() / norm);
        }
        net.applyUpdate(ev.gradient());
        return norm;
    }

    /** Targets {@code y = R + d Q_target(s', a*)} for {@code rows} next observations (see {@link TdLoss#targets}). */
    private void computeTargets(float[] next, int rows, double[] returns, double[] discounts, double[] out) {
        if (!ComputePath.select().hostBuffers()) {
            double[] qTarget = target.qValues(next, rows);
            double[] qOnline = config.doubleDqn() ? net.qValues(next, rows) : null;
            TdLoss.targets(qOnline, qTarget, actions, returns, discounts, config.doubleDqn(), out);
            return;
        }
        // The fast pass: the next observations are converted and scanned once, the target network's pass copies them.
        DensePass targetPass = target.pass(rows);
        double[] qOnline = null;
        if (config.doubleDqn()) {
            DensePass onlinePass = net.pass(rows);
            onlinePass.setInput(next);
            qOnline = onlinePass.forward().clone();
            targetPass.setInput(onlinePass);
        } else {
            targetPass.setInput(next);
        }
        TdLoss.targets(qOnline, targetPass.forward(), actions, returns, discounts, config.doubleDqn(), out);
    }

    private void syncTarget() {
        if (config.tau() >= 1) {
            target.setParams(net.params());
        } else {
            INDArray scaled = net.params().mul(config.tau());
            target.params().muli(1 - config.tau()).addi(scaled);
            NativeMemory.release(scaled);
        }
    }

    /** A probe of {@code size} transitions drawn uniformly from replay, targets frozen now; {@code window} names it. */
    PinnedLoss makeProbe(int size, long window) {
        int obsSize = net.inputSize();
        int[] picked = new int[size];
        buffer.sampleUniform(probeRng, picked);
        float[] obs = new float[size * obsSize];
        float[] next = new float[size * obsSize];
        int[] a = new int[size];
        double[] ret = new double[size];
        double[] disc = new double[size];
        double[] y = new double[size];
        buffer.gather(picked, obs, a, ret, disc, next);
        computeTargets(next, size, ret, disc, y);
        String what = "mean Huber (delta " + config.huberDelta() + ") TD loss on " + size + " transitions drawn"
                + " uniformly from replay at iteration " + window + ", " + config.nStep() + "-step "
                + (config.doubleDqn() ? "double-DQN" : "DQN") + " targets frozen with the target network of that moment";
        return new TdProbe(objective, net.batch(obs, size), a, y, window, what);
    }
}
