/**
 * Implementation details of the learning loop shared by its packages (the JSON mapper, the feature
 * hash, binary helpers). Not API: may change without notice.
 */
package dev.gyre.learn.internal;
