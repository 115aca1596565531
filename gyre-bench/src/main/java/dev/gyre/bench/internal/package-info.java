/** Helpers of the bench that are not its API: the LocalRunner process and option converters. */
package dev.gyre.bench.internal;
