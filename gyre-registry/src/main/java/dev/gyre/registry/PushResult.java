package dev.gyre.registry;

/**
 * What a push did.
 *
 * @param version       the stored version
 * @param alreadyStored true when the same file was stored under this version before, and nothing was written
 */
public record PushResult(ModelVersion version, boolean alreadyStored) {}
