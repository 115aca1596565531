package dev.gyre.registry;

import dev.gyre.api.SpecException;
import dev.gyre.api.SpecProblem;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/** The forms of names the registry stores: they end up in record keys and in cache paths. */
final class Names {
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");
  private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9._-]+");

  private Names() {}

  /** A model name or version as the registry accepts it; {@code what} names the argument in the problem. */
  static String check(String what, String value) {
    if (value == null || !NAME.matcher(value).matches()) {
      throw new SpecException(new SpecProblem(what, 0, value, "is not usable in the registry; use letters, digits,"
          + " '.', '_' and '-', starting with a letter or digit, at most 128 characters"));
    }
    return value;
  }

  static String namespace(String namespace) {
    String[] parts = namespace == null ? new String[0] : namespace.split("/", -1);
    if (parts.length != 2 || !SEGMENT.matcher(parts[0]).matches() || !SEGMENT.matcher(parts[1]).matches()) {
      throw new SpecException(new SpecProblem("--registry", 0, namespace,
          "is not a Pulsar namespace; use the form tenant/namespace, such as ml/models"));
    }
    return namespace;
  }

  /** Who is making a change: {@code user@host}. */
  static String user() {
    String host;
    try {
      host = InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      host = "unknown-host";
    }
    return System.getProperty("user.name", "unknown") + "@" + host;
  }
}
