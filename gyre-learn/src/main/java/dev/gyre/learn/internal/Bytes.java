package dev.gyre.learn.internal;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** Helpers of the binary snapshot formats: string lists and checked lengths. */
public final class Bytes {
  private Bytes() {}

  /** Writes a count, then each string. */
  public static void writeStrings(DataOutputStream out, List<String> values) throws IOException {
    out.writeInt(values.size());
    for (String v : values) {
      out.writeUTF(v);
    }
  }

  /** Reads what {@link #writeStrings} wrote. */
  public static List<String> readStrings(DataInputStream in) throws IOException {
    int n = length(in, 2);
    List<String> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      out.add(in.readUTF());
    }
    return out;
  }

  /**
   * Reads a count and checks the rest of the input can hold that many items of at least
   * {@code minItemBytes} bytes each, so corrupt input fails fast instead of allocating gigabytes.
   */
  public static int length(DataInputStream in, int minItemBytes) throws IOException {
    int n = in.readInt();
    if (n < 0 || (long) n * minItemBytes > in.available()) {
      throw new IOException("corrupt length " + n + " with " + in.available() + " bytes left");
    }
    return n;
  }
}
