/**
 * The registry of named environments: versioned ids such as {@code grid/four-rooms-v1} mapped to factories, plus
 * loading a user's map file. Maps of registered grid worlds are resources under
 * {@code dev/lantern/environments/grid/maps/}.
 */
package dev.lantern.environments.registry;
