/**
 * The narrow interfaces through which the trainer, analysis and the app see agents: learning agents and their
 * training sessions, decisions, views, pinned losses, config records and their shared field checks.
 */
package dev.lantern.agents.api;
