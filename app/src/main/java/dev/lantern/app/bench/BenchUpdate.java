package dev.lantern.app.bench;

import dev.lantern.agents.nn.Backend;
import dev.lantern.agents.actorcritic.ActorCriticObjective;
import dev.lantern.agents.actorcritic.PpoAgent;
import dev.lantern.agents.actorcritic.PpoConfig;
import dev.lantern.agents.actorcritic.PpoLoss;
import dev.lantern.agents.actorcritic.PpoTargets;
import dev.lantern.agents.train.CountingSession;
import dev.lantern.agents.nn.ActorCriticNet;
import dev.lantern.agents.api.ComputePath;
import dev.lantern.environments.api.VectorEnv;
import dev.lantern.environments.grid.GridWorld;
import dev.lantern.environments.registry.EnvRegistry;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import dev.lantern.app.console.LanternCommand;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code lantern bench update}: network updates per second of the standard actor-critic MLP (four-rooms one-hot
 * input, torso 64-64 tanh, policy head 4 + value head 1, float, one thread), measured in one run, three ways:
 * Lantern's training step as PPO runs it per minibatch ({@link ActorCriticObjective#evaluate}: fast pass, PPO loss and
 * head gradients in Java, backward; then {@link ActorCriticNet#clipAndUpdate}: global-norm clipping and Adam), the same
 * step through DL4J's graph calls and updater ({@link ActorCriticObjective#evaluateThroughGraph}, clipping, DL4J's
 * Adam: Lantern's path before the fast pass), and plain DL4J
 * {@code MultiLayerNetwork.fit(DataSet)} on an equivalent MLP (64-64 tanh, a 5-wide identity output with MSE, Adam) on
 * the same observations. The measurements are interleaved over several repetitions so that the ratios compare figures
 * taken side by side; it prints the median and the range. Then PPO's rollout collection speed (env steps/s of the
 * collect phase of {@link PpoAgent#iterate} with the default configuration).
 */
@Command(name = "update", description = "Network updates per second: Lantern's PPO step vs DL4J fit(), one thread.")
final class BenchUpdate extends LanternCommand {

    private static final String ENV = "grid/four-rooms-v1";
    private static final int[] BATCHES = {32, 256};
    private static final int POOL = 8; // distinct minibatches cycled through

    @Option(names = "--seconds", paramLabel = "S", description = "seconds per measurement (default: 1)")
    private double seconds = 1;

    @Option(names = "--repetitions", paramLabel = "N", description = "interleaved repetitions (default: 3)")
    private int repetitions = 3;

    /** One way of updating on one batch size. */
    private interface Step {
        void run(int i);
    }

    @Override
    protected int execute() {
        new BenchArguments().inRange("--repetitions", repetitions, 1, 100).rejectWithSeconds(seconds);
        PrintWriter out = out();
        GridWorld probe = EnvRegistry.make(ENV);
        int inputSize = probe.spec().observationSize();
        int actions = probe.spec().actionCount();
        PpoConfig config = PpoConfig.defaults();
        long nanos = (long) (seconds * 1e9);
        out.printf(Locale.ROOT, "lantern bench update: %s, MLP %d-64-64-(%d+1) tanh, float, Adam, one thread (OMP_NUM_THREADS=%s), "
                + "%.2f s per measurement, %d interleaved repetitions; %s%n", ENV, inputSize, actions,
                System.getenv().getOrDefault("OMP_NUM_THREADS", "unset"), seconds, repetitions, Backend.summary());
        out.printf(Locale.ROOT, "%-6s %-34s %14s %22s%n", "batch", "way", "updates/s", "(min - max)");
        for (int batch : BATCHES) {
            Step[] ways = ways(batch, inputSize, actions, config);
            String[] names = {ComputePath.current().hostBuffers() ? "Lantern PPO step (fast pass)"
                    : "Lantern PPO step (ND4J_OPS path)", "Lantern PPO step (DL4J graph calls)",
                "DL4J MultiLayerNetwork.fit"};
            double[][] rates = new double[ways.length][repetitions];
            for (Step w : ways) {
                measure(w, nanos / 4); // warm-up: JIT, workspaces, buffers
            }
            for (int r = 0; r < repetitions; r++) {
                for (int w = 0; w < ways.length; w++) {
                    rates[w][r] = measure(ways[w], nanos);
                }
            }
            for (int w = 0; w < ways.length; w++) {
                double[] s = rates[w].clone();
                Arrays.sort(s);
                out.printf(Locale.ROOT, "%-6d %-34s %,14.0f %22s%n", batch, names[w], median(s),
                        String.format(Locale.ROOT, "(%,.0f - %,.0f)", s[0], s[s.length - 1]));
            }
            printRatio(out, batch, "fast pass / fit", rates[0], rates[2]);
            printRatio(out, batch, "fast pass / graph calls", rates[0], rates[1]);
        }
        double[] collect = collect(config, nanos);
        out.printf(Locale.ROOT, "PPO collect, %d envs x %d steps, default config %,14.0f env steps/s (min %,.0f - max %,.0f)%n",
                config.numEnvs(), config.rolloutSteps(), collect[0], collect[1], collect[2]);
        out.flush();
        return 0;
    }

    /** Prints the ratio of two ways, taken within each repetition: median and range. */
    private static void printRatio(PrintWriter out, int batch, String what, double[] a, double[] b) {
        double[] ratio = new double[a.length];
        for (int r = 0; r < a.length; r++) {
            ratio[r] = a[r] / b[r];
        }
        Arrays.sort(ratio);
        out.printf(Locale.ROOT, "%-6d ratio %-28s %13.2fx %22s%n", batch, what, median(ratio),
                String.format(Locale.ROOT, "(%.2fx - %.2fx)", ratio[0], ratio[ratio.length - 1]));
    }

    private static double median(double[] sorted) {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    /** Updates per second of {@code step} over {@code nanos}. */
    private static double measure(Step step, long nanos) {
        long[] count = {0};
        return Timed.repeat(nanos, () -> {
            step.run((int) (count[0]++ % POOL));
            return 1;
        }).perSecond();
    }

    /** The three ways on batches of {@code batch} observations drawn from random walks in the environment. */
    private static Step[] ways(int batch, int inputSize, int actions, PpoConfig config) {
        SplittableRandom rng = new SplittableRandom(batch);
        float[][] obs = new float[POOL][];
        PpoTargets[] targets = new PpoTargets[POOL];
        DataSet[] data = new DataSet[POOL];
        INDArray[] obsArrays = new INDArray[POOL];
        VectorEnv envs = walkers(batch);
        int[] walk = new int[batch];
        for (int k = 0; k < POOL; k++) {
            for (int s = 0; s < 7; s++) {
                for (int e = 0; e < batch; e++) {
                    walk[e] = rng.nextInt(actions);
                }
                envs.step(walk);
            }
            obs[k] = Arrays.copyOf(envs.observations, batch * inputSize);
            int[] a = new int[batch];
            double[] logp = new double[batch];
            double[] adv = new double[batch];
            double[] ret = new double[batch];
            float[] labels = new float[batch * (actions + 1)];
            for (int b = 0; b < batch; b++) {
                a[b] = rng.nextInt(actions);
                logp[b] = Math.log(1.0 / actions) + (rng.nextDouble() - 0.5) * 0.2;
                adv[b] = rng.nextDouble() * 2 - 1;
                ret[b] = rng.nextDouble();
                for (int j = 0; j <= actions; j++) {
                    labels[b * (actions + 1) + j] = (float) rng.nextDouble();
                }
            }
            targets[k] = new PpoTargets(a, logp, adv, ret);
            obsArrays[k] = Nd4j.create(obs[k], new long[] {batch, inputSize}, 'c');
            data[k] = new DataSet(obsArrays[k].dup(), Nd4j.create(labels, new long[] {batch, actions + 1}, 'c'));
        }
        PpoLoss loss = new PpoLoss(config.clipRange(), config.valueCoef(), config.entropyCoef());
        int[] hidden = config.hiddenSizes().stream().mapToInt(Integer::intValue).toArray();
        ActorCriticNet fastNet = ActorCriticNet.create(inputSize, actions, hidden, config.learningRate(), 0, 1, DataType.FLOAT);
        ActorCriticNet graphNet = ActorCriticNet.create(inputSize, actions, hidden, config.learningRate(), 0, 1, DataType.FLOAT);
        ActorCriticObjective fast = new ActorCriticObjective(fastNet, loss);
        ActorCriticObjective graph = new ActorCriticObjective(graphNet, loss);
        MultiLayerNetwork mln = mlp(inputSize, actions + 1, hidden, config.learningRate());
        double maxNorm = config.maxGradNorm();
        return new Step[] {
            i -> {
                fast.evaluate(obs[i], targets[i]);
                fastNet.clipAndUpdate(maxNorm);
            },
            i -> clipAndApply(graphNet, graph.evaluateThroughGraph(obsArrays[i], targets[i]), maxNorm),
            i -> mln.fit(data[i])
        };
    }

    /** What {@link PpoAgent} did after each evaluation before {@link ActorCriticNet#clipAndUpdate}: clip, DL4J's Adam. */
    private static void clipAndApply(ActorCriticNet net, ActorCriticObjective.Evaluation e, double maxNorm) {
        INDArray grad = net.gradient();
        double norm = grad.norm2Number().doubleValue();
        if (maxNorm > 0 && norm > maxNorm) {
            grad.muli(maxNorm / norm);
        }
        net.applyUpdate(e.gradient());
    }

    private static VectorEnv walkers(int copies) {
        List<GridWorld> ws = new ArrayList<>();
        for (int c = 0; c < copies; c++) {
            ws.add(EnvRegistry.make(ENV));
        }
        VectorEnv v = new VectorEnv(ws, 7);
        v.reset();
        return v;
    }

    /** The equivalent plain DL4J network: dense 64-64 tanh, an identity output of {@code outputs} with MSE, Adam. */
    private static MultiLayerNetwork mlp(int inputSize, int outputs, int[] hidden, double learningRate) {
        MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder()
                .seed(1)
                .dataType(DataType.FLOAT)
                .updater(new Adam(learningRate, 0.9, 0.999, 1e-8))
                .list()
                .layer(new DenseLayer.Builder().nIn(inputSize).nOut(hidden[0]).activation(Activation.TANH).build())
                .layer(new DenseLayer.Builder().nIn(hidden[0]).nOut(hidden[1]).activation(Activation.TANH).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MSE).nIn(hidden[1]).nOut(outputs)
                        .activation(Activation.IDENTITY).build())
                .build();
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        return net;
    }

    /**
     * PPO's collect phase with the default configuration on four-rooms: env steps per second of the
     * {@code time/collect_seconds} of each iteration, iterations run for {@code nanos} after one warm-up iteration;
     * {median, min, max} over iterations.
     */
    private static double[] collect(PpoConfig config, long nanos) {
        PpoAgent agent = PpoAgent.create(config, () -> EnvRegistry.make(ENV), 1, 1_000_000, 0, DataType.FLOAT);
        CountingSession session = new CountingSession();
        agent.iterate(session);
        List<Double> collectSeconds = new ArrayList<>();
        long end = System.nanoTime() + nanos;
        do {
            agent.iterate(session);
            collectSeconds.add(session.lastMetrics().get("time/collect_seconds"));
        } while (System.nanoTime() < end);
        double[] s = collectSeconds.stream().mapToDouble(d -> config.rolloutSize() / d).sorted().toArray();
        return new double[] {median(s), s[0], s[s.length - 1]};
    }
}
