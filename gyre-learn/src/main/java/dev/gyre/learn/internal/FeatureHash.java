package dev.gyre.learn.internal;

import java.nio.charset.StandardCharsets;

/**
 * The deterministic feature hash of the online learners: FNV-1a (32 bit) of the name's UTF-8 bytes,
 * then MurmurHash3's fmix32 finaliser so the low bits are well mixed, masked to {@code bits} bits.
 * Stable across JVMs and releases: a snapshot's weights are addressed by it, so changing it would
 * break every stored {@code gyre-ftrl} model.
 */
public final class FeatureHash {
  private FeatureHash() {}

  /** The slot of {@code name} in a table of {@code 2^bits} slots. */
  public static int slot(String name, int bits) {
    int h = 0x811C9DC5;
    for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
      h ^= b & 0xFF;
      h *= 0x01000193;
    }
    h ^= h >>> 16;
    h *= 0x85EBCA6B;
    h ^= h >>> 13;
    h *= 0xC2B2AE35;
    h ^= h >>> 16;
    return h & ((1 << bits) - 1);
  }
}
