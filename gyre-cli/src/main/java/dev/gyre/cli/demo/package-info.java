/**
 * The sensor demo: real hourly temperatures replayed as four devices with malformed events mixed
 * in, a labelled training set derived from the same data, and the run that ties them together.
 */
package dev.gyre.cli.demo;
