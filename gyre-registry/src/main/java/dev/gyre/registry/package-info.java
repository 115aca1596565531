/**
 * Gyre's model registry and hot swap. {@link dev.gyre.registry.ModelRegistry} keeps versions of
 * models in a Pulsar namespace (a compacted topic of {@link dev.gyre.registry.ModelVersion}
 * records, a topic of file chunks, and a compacted topic of {@link dev.gyre.registry.Channel}s
 * naming each model's champion, earlier champions and canary). {@link dev.gyre.registry.ModelFiles}
 * checks every file before it is stored and before it serves. {@link dev.gyre.registry.RegistryWatcher}
 * follows a channel and swaps versions into a running score stage through its
 * {@link dev.gyre.core.serving.ModelRouter}; {@link dev.gyre.registry.RegistryExtension} starts the
 * watchers with the stage host.
 */
package dev.gyre.registry;
