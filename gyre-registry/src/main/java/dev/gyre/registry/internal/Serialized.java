package dev.gyre.registry.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Recognises serialization formats that execute code when read: Java object streams, Python
 * pickles (protocols 2 to 5, which open with a PROTO opcode) and zip archives holding a pickle
 * (PyTorch's {@code torch.save} and joblib). Text pickles (protocols 0 and 1) have no magic bytes;
 * they never parse as ONNX, so the format check refuses them instead.
 */
public final class Serialized {
  private static final int JAVA_MAGIC_0 = 0xAC;
  private static final int JAVA_MAGIC_1 = 0xED;
  private static final int PICKLE_PROTO = 0x80;

  private Serialized() {}

  /** What kind of code-running serialization {@code bytes} is, or null when none is recognised. */
  public static String kind(byte[] bytes) {
    if (bytes.length >= 4 && (bytes[0] & 0xff) == JAVA_MAGIC_0 && (bytes[1] & 0xff) == JAVA_MAGIC_1
        && bytes[2] == 0 && bytes[3] == 5) {
      return "a Java serialization stream";
    }
    if (bytes.length >= 2 && (bytes[0] & 0xff) == PICKLE_PROTO && bytes[1] >= 2 && bytes[1] <= 5) {
      return "a Python pickle (protocol " + bytes[1] + ")";
    }
    if (bytes.length >= 4 && bytes[0] == 'P' && bytes[1] == 'K' && bytes[2] == 3 && bytes[3] == 4) {
      String pickle = pickleInZip(bytes);
      return pickle == null ? null : "a zip archive holding the Python pickle '" + pickle + "'";
    }
    return null;
  }

  private static String pickleInZip(byte[] bytes) {
    try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
      for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
        String name = entry.getName().toLowerCase(java.util.Locale.ROOT);
        if (name.endsWith(".pkl") || name.endsWith(".pickle") || name.endsWith("/data.pkl")) {
          return entry.getName();
        }
      }
    } catch (IOException | IllegalArgumentException e) {
      return null; // not a readable zip: the format check decides
    }
    return null;
  }
}
