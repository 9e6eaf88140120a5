package dev.lantern.agents.actorcritic;

import dev.lantern.agents.api.NamedStreams;
import dev.lantern.agents.api.Reseedable;
import dev.lantern.agents.run.state.StateReader;
import dev.lantern.agents.run.state.StateWriter;
import dev.lantern.agents.api.TrainingSession;
import dev.lantern.agents.nn.ActorCriticNet;
import dev.lantern.agents.nn.ActorCriticView;
import dev.lantern.agents.api.PolicyValueView;
import dev.lantern.agents.nn.NetworkLearner;
import dev.lantern.environments.api.Environment;
import java.util.function.Supplier;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * Synchronous advantage actor-critic (A2C; Mnih et al. 2016, "Asynchronous Methods for Deep Reinforcement Learning",
 * in the synchronous form of OpenAI Baselines) on the same actor-critic network and sites as PPO.
 *
 * <p><b>Update rule.</b> Each iteration collects {@code numEnvs × rolloutSteps} transitions with the current policy,
 * computes GAE advantages and returns (λ = 1 gives the paper's n-step returns), and takes ONE Adam step on the whole
 * rollout minimizing {@code −mean(log π(a|s) A) + c_v L_value − c_e H} (the value loss is PPO's), the
 * gradient clipped to a global norm. It runs on {@link PpoAgent}'s machinery with one epoch, one minibatch and no
 * ratio clip ({@link A2cConfig#asPpo()}): the surrogate {@code −mean(r A)} with {@code r = π/π_old} has exactly A2C's
 * gradient at the step's start, where {@code r = 1}; so the parameters follow A2C exactly. The reported
 * {@code loss/policy} is the surrogate's value {@code −mean(r A)}, not {@code −mean(log π A)}.
 *
 * <p><b>Deviations.</b> Adam instead of the paper's RMSProp (as many modern A2C baselines); truncation bootstrapped as in PPO.
 *
 * <p><b>Measured</b> (2-core CPU, defaults): empty-8x8 solved (greedy return optimal) within 40k steps for seeds
 * 1–3 (slow tier). On four-rooms, A2C did not reach the goal greedily within 80k steps in any setting tried
 * (rollouts of 5–16 steps, learning rates 1e-3–5e-3, with and without advantage normalization): one update per
 * rollout extracts too little from the rare early successes, where PPO's 16 minibatch updates per rollout do.
 *
 * <p><b>Metrics</b> as {@link PpoAgent} ({@code loss/clip_fraction} is always 0 and {@code loss/approx_kl} 0 at the
 * single step's start).
 */
public final class A2cAgent extends NetworkLearner<A2cConfig, ActorCriticNet> implements Reseedable {

    private final PpoAgent inner;

    private A2cAgent(A2cConfig config, PpoAgent inner) {
        super(config, inner.net());
        this.inner = inner;
    }

    /**
     * Builds an A2C agent with a fresh network and {@code config.numEnvs()} environment copies, every random stream
     * derived from {@code runSeed} by name as for PPO.
     *
     * @param probeSize states per LCA probe (at most the rollout size), 0 for none
     */
    public static A2cAgent create(A2cConfig config, Supplier<? extends Environment> envFactory, long runSeed,
            long totalEnvSteps, int probeSize, DataType dataType) {
        return new A2cAgent(config, PpoAgent.create(config.asPpo(), envFactory, runSeed, totalEnvSteps, probeSize,
                dataType));
    }

    @Override
    public void iterate(TrainingSession session) {
        inner.iterate(session);
    }

    @Override
    public ActorCriticView snapshot() {
        return inner.snapshot();
    }

    @Override
    public ActorCriticView snapshot(PolicyValueView spent) {
        return inner.snapshot(spent);
    }

    /** {@inheritDoc} PPO's: {@code env}, {@code explore}, {@code shuffle} (the one minibatch's order), {@code probe}. */
    @Override
    public NamedStreams randomStreams() {
        return inner.randomStreams().as("a2c");
    }

    @Override
    public void saveState(StateWriter out) {
        out.section("a2c");
        inner.saveState(out);
    }

    @Override
    public void restoreState(StateReader in) {
        in.section("a2c");
        inner.restoreState(in);
    }
}
