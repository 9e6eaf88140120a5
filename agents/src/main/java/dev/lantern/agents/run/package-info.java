/**
 * The run-directory format (DESIGN.md, docs/run-directory.md): the directory and its file names
 * ({@link dev.lantern.agents.run.RunDirectory}), {@code metrics.jsonl} ({@link dev.lantern.agents.run.MetricsFile}),
 * atomic writes, checkpoints and where a resumed run picks up ({@link dev.lantern.agents.run.ResumePoint}). It knows
 * learners only through {@code agents.api}; the training loop that writes it lives in {@code agents.train}.
 */
package dev.lantern.agents.run;
