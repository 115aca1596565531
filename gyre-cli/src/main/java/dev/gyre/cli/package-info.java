/**
 * The {@code gyre} command line: {@code validate}, {@code run}, {@code train} and {@code demo}.
 * Only {@link dev.gyre.cli.Gyre#main} calls {@code System.exit}: 0 when all went well, 1 on a
 * failure, 2 on bad usage or a bad spec.
 */
package dev.gyre.cli;
