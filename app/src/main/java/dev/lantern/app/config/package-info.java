/** Experiment files: the records, the Gson-based loader that reports every problem with its field path. */
package dev.lantern.app.config;
