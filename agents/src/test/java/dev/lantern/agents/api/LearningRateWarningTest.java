package dev.lantern.agents.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.lantern.agents.actorcritic.A2cConfig;
import dev.lantern.agents.actorcritic.PpoConfig;
import dev.lantern.agents.alphazero.AlphaZeroConfig;
import dev.lantern.agents.dqn.DqnConfig;
import dev.lantern.agents.tabular.TabularLearnerConfig;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A learning rate above 1 is a warning, never a problem: the run must go ahead (and stay reproducible). Tabular α
 * keeps its range (0, 1], where the Q-learning update is an average; above 1 it is refused.
 */
class LearningRateWarningTest {

    private static final String WARNING = "agent.learningRate: 1.0E30 is above 1, far outside the usual range (about "
            + "1e-5 to 1e-2 for Adam); training will likely diverge (the run goes ahead as configured)";

    private static PpoConfig ppo(double lr) {
        PpoConfig d = PpoConfig.defaults();
        return new PpoConfig(d.numEnvs(), d.rolloutSteps(), d.epochs(), d.minibatchSize(), lr, d.gamma(),
                d.gaeLambda(), d.clipRange(), d.valueCoef(), d.entropyCoef(), d.maxGradNorm(), d.hiddenSizes(),
                d.normalizeAdvantages(), d.annealLearningRate());
    }

    private static A2cConfig a2c(double lr) {
        A2cConfig d = A2cConfig.defaults();
        return new A2cConfig(d.numEnvs(), d.rolloutSteps(), lr, d.gamma(), d.gaeLambda(), d.valueCoef(),
                d.entropyCoef(), d.maxGradNorm(), d.hiddenSizes(), d.normalizeAdvantages(), d.annealLearningRate());
    }

    private static DqnConfig dqn(double lr) {
        DqnConfig d = DqnConfig.defaults();
        return new DqnConfig(d.numEnvs(), lr, d.gamma(), d.bufferCapacity(), d.batchSize(), d.learningStarts(),
                d.trainFrequency(), d.gradientSteps(), d.targetUpdateInterval(), d.tau(), d.doubleDqn(), d.nStep(),
                d.epsilonStart(), d.epsilonEnd(), d.epsilonDecaySteps(), d.prioritized(), d.priorityAlpha(),
                d.priorityBetaStart(), d.priorityEpsilon(), d.maxGradNorm(), d.hiddenSizes(), d.huberDelta());
    }

    private static AlphaZeroConfig alphaZero(double lr) {
        AlphaZeroConfig d = AlphaZeroConfig.defaults();
        return new AlphaZeroConfig(d.gamesPerIteration(), d.simulations(), d.cPuct(), d.dirichletAlpha(),
                d.dirichletFraction(), d.temperatureMoves(), d.replayCapacity(), d.batchSize(),
                d.trainingStepsPerIteration(), lr, d.l2(), d.hiddenSizes(), d.mirrorAugment(), d.evalEveryIterations(),
                d.evalGames(), d.evalSimulations(), d.evalUctSimulations());
    }

    @Test
    void everyNetworkLearnerWarnsAboveOneAndValidatesAsBefore() {
        for (AgentConfig c : List.of(ppo(1e30), a2c(1e30), dqn(1e30), alphaZero(1e30))) {
            assertEquals(List.of(), ConfigProblems.of(c::validate, "agent"), c.type() + ": not an error");
            assertEquals(List.of(WARNING), ConfigProblems.of(c::warnings, "agent"), c.type());
        }
        for (AgentConfig c : List.of(ppo(1), a2c(1), dqn(1), alphaZero(1), PpoConfig.defaults(), A2cConfig.defaults(),
                DqnConfig.defaults(), AlphaZeroConfig.defaults(), TabularLearnerConfig.defaults())) {
            assertEquals(List.of(), ConfigProblems.of(c::warnings, "agent"), c.type() + " at " + c);
        }
    }

    @Test
    void tabularAlphaAboveOneStaysAnError() {
        TabularLearnerConfig d = TabularLearnerConfig.defaults();
        TabularLearnerConfig c = new TabularLearnerConfig(d.algorithm(), 1.5, d.gamma(), d.epsilonStart(),
                d.epsilonEnd(), d.epsilonDecaySteps());
        assertEquals(List.of("agent.learningRate: must be in (0, 1], got 1.5"), ConfigProblems.of(c::validate, "agent"));
    }
}
