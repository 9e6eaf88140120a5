/** The narrow interfaces through which analysis and the app see agents: decisions, views, pinned losses. */
package dev.lantern.agents.api;
