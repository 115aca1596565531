package dev.gyre.cli;

import picocli.CommandLine.IVersionProvider;

/** Reports Gyre's version from the jar manifest. */
final class Version implements IVersionProvider {
  @Override
  public String[] getVersion() {
    String version = Gyre.class.getPackage().getImplementationVersion();
    return new String[] {"gyre " + (version == null ? "dev" : version)};
  }
}
