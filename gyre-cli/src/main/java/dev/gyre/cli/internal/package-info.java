/** Plumbing shared by the commands: broker connections, the metrics endpoint, terminal progress. */
package dev.gyre.cli.internal;
