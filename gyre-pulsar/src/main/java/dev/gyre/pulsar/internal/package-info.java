/** Implementation details of the Pulsar runtime: ports, the standalone's configuration, schemas. */
package dev.gyre.pulsar.internal;
