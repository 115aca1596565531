package dev.gyre.pulsar.internal;

import dev.gyre.api.StageException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** Local TCP ports for the embedded broker. */
public final class FreePorts {
  private FreePorts() {}

  /** A port that was free a moment ago on 127.0.0.1. */
  public static int pick() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Fails with a message naming the port and the fix if something already listens on it. */
  public static void requireFree(int port, String what) {
    try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
      socket.setReuseAddress(true);
    } catch (IOException e) {
      throw new StageException(what + " " + port + " is already in use (is another Pulsar running?);"
          + " stop it, connect to it with --service-url/--admin-url, or choose other ports", false, e);
    }
  }
}
