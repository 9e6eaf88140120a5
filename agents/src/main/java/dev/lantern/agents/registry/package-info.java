/**
 * The registry of learners: {@link dev.lantern.agents.registry.Learners} lists every
 * {@link dev.lantern.agents.api.AgentKind}, one registration line each, and creates, evaluates and describes learners
 * by their {@code agent.type} name. The only package that names every concrete learner; it sits above them, so
 * {@code agents.api} stays free of them.
 */
package dev.lantern.agents.registry;
