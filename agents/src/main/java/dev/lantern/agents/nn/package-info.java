/** DL4J networks with named sites ({@code torso.dense0}, {@code policy.logits}, ...) and their parameter layout. */
package dev.lantern.agents.nn;
