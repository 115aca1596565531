package dev.gyre.core.window;

import java.util.Arrays;

/**
 * A HyperLogLog sketch of precision 12 (4,096 registers, standard error about 1.6%), sparse while
 * small. Values are added as 64-bit hashes ({@link #hash(String)}, {@link #hash(double)}), which
 * are the same on every JVM, so sketches and their estimates are deterministic. Not thread-safe.
 */
public final class HyperLogLog {
  /** Registers: 2^12. */
  public static final int REGISTERS = 1 << 12;
  private static final int SPARSE_LIMIT = REGISTERS / 4;
  private static final double ALPHA = 0.7213 / (1 + 1.079 / REGISTERS);

  /** Sparse form: sorted entries {@code index << 6 | rank}, one per register set; null when dense. */
  int[] sparse = new int[0];
  /** Dense form: one byte per register; null while sparse. */
  byte[] dense;

  /** Adds a value by its hash. */
  public void add(long hash) {
    int index = (int) (hash >>> 52);
    int rank = Long.numberOfLeadingZeros((hash << 12) | (1L << 11)) + 1;
    if (dense != null) {
      dense[index] = (byte) Math.max(dense[index], rank);
      return;
    }
    int at = Arrays.binarySearch(sparse, index << 6);
    int pos = at >= 0 ? at : -at - 1;
    if (pos < sparse.length && sparse[pos] >>> 6 == index) {
      sparse[pos] = index << 6 | Math.max(sparse[pos] & 63, rank);
      return;
    }
    if (sparse.length >= SPARSE_LIMIT) {
      toDense();
      add(hash);
      return;
    }
    int[] grown = new int[sparse.length + 1];
    System.arraycopy(sparse, 0, grown, 0, pos);
    grown[pos] = index << 6 | rank;
    System.arraycopy(sparse, pos, grown, pos + 1, sparse.length - pos);
    sparse = grown;
  }

  /** Raises {@code registers} (4,096 of them) to this sketch's where it is higher. */
  public void mergeInto(byte[] registers) {
    if (dense != null) {
      for (int i = 0; i < REGISTERS; i++) {
        registers[i] = (byte) Math.max(registers[i], dense[i]);
      }
      return;
    }
    for (int entry : sparse) {
      int index = entry >>> 6;
      registers[index] = (byte) Math.max(registers[index], entry & 63);
    }
  }

  /**
   * Merges a sparse sketch into {@code registers}, appending each register it sets from zero to
   * {@code touched}, so that an estimate and a reset need not visit all 4,096.
   *
   * @return the new count of {@code touched}, or -1 when this sketch is dense (nothing merged)
   */
  int mergeSparse(byte[] registers, int[] touched, int count) {
    if (dense != null) {
      return -1;
    }
    for (int entry : sparse) {
      int index = entry >>> 6;
      if (registers[index] == 0) {
        touched[count++] = index;
      }
      registers[index] = (byte) Math.max(registers[index], entry & 63);
    }
    return count;
  }

  /** The estimate for registers that are zero except the {@code count} listed in {@code touched}. */
  static long estimate(byte[] registers, int[] touched, int count) {
    double sum = REGISTERS - count;
    for (int i = 0; i < count; i++) {
      sum += Double.longBitsToDouble((1023L - registers[touched[i]]) << 52);
    }
    return estimate(sum, REGISTERS - count);
  }

  /** The estimated number of distinct values added. */
  public long estimate() {
    byte[] registers = new byte[REGISTERS];
    mergeInto(registers);
    return estimate(registers);
  }

  /** The estimate for merged registers: HyperLogLog with linear counting for small counts. */
  public static long estimate(byte[] registers) {
    double sum = 0;
    int zeros = 0;
    for (byte r : registers) {
      sum += Double.longBitsToDouble((1023L - r) << 52); // 2^-r, exactly
      zeros += r == 0 ? 1 : 0;
    }
    return estimate(sum, zeros);
  }

  private static long estimate(double sum, int zeros) {
    double raw = ALPHA * REGISTERS * REGISTERS / sum;
    if (raw <= 2.5 * REGISTERS && zeros > 0) {
      return Math.round(REGISTERS * Math.log((double) REGISTERS / zeros));
    }
    return Math.round(raw);
  }

  /** Whether nothing was added. */
  public boolean isEmpty() {
    return dense == null && sparse.length == 0;
  }

  private void toDense() {
    dense = new byte[REGISTERS];
    mergeInto(dense);
    sparse = null;
  }

  /** A well-mixed hash of a string's characters (FNV-1a, then MurmurHash3's finalizer). */
  public static long hash(String value) {
    long h = 0xcbf29ce484222325L;
    for (int i = 0; i < value.length(); i++) {
      h = (h ^ value.charAt(i)) * 0x100000001b3L;
    }
    return mix(h);
  }

  /** A well-mixed hash of a number; {@code -0.0} hashes as {@code 0.0}. */
  public static long hash(double value) {
    return mix(Double.doubleToLongBits(value == 0 ? 0.0 : value) ^ 0x9e3779b97f4a7c15L);
  }

  private static long mix(long h) {
    h ^= h >>> 33;
    h *= 0xff51afd7ed558ccdL;
    h ^= h >>> 33;
    h *= 0xc4ceb9fe1a85ec53L;
    return h ^ (h >>> 33);
  }
}
