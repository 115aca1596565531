/**
 * Implementation of the Pulsar Functions adapter: the message properties Gyre sets (kept equal to
 * those of Gyre's own stage host), and the large-stack thread models are loaded on. Not API: may
 * change without notice.
 */
package dev.gyre.functions.internal;
