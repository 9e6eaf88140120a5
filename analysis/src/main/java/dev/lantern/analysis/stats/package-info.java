/**
 * Statistics across seeds with the semantics of rliable (Agarwal et al., NeurIPS 2021, "Deep Reinforcement Learning
 * at the Edge of the Statistical Precipice"): aggregate estimators over a score matrix {@code [runs x tasks]}
 * ({@link dev.lantern.analysis.stats.Estimator}: interquartile mean, median, mean, optimality gap), stratified
 * bootstrap percentile intervals ({@link dev.lantern.analysis.stats.StratifiedBootstrap}), performance profiles
 * ({@link dev.lantern.analysis.stats.PerformanceProfile}), the probability of improvement
 * ({@link dev.lantern.analysis.stats.ProbabilityOfImprovement}, Mann-Whitney U / (n m)), runs censored at a budget
 * ({@link dev.lantern.analysis.stats.CensoredSample}), and one metric compared over several configurations
 * ({@link dev.lantern.analysis.stats.SeedComparison}). Pure Java on commons-math3 (percentiles); every result is a
 * function of the scores and a seed, bit for bit.
 */
package dev.lantern.analysis.stats;
