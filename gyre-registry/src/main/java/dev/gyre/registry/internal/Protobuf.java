package dev.gyre.registry.internal;

import java.nio.charset.StandardCharsets;

/**
 * A minimal reader of the protobuf wire format, enough to walk an ONNX file's messages without
 * generated classes. Each instance reads one message's bytes, {@code [from, to)} of a shared array.
 * Malformed input throws {@link IllegalArgumentException}.
 */
final class Protobuf {
  static final int VARINT = 0;
  static final int FIXED64 = 1;
  static final int BYTES = 2;
  static final int FIXED32 = 5;

  private final byte[] data;
  private final int end;
  private int pos;
  private int field;
  private int wireType;
  private int valueStart;
  private int valueEnd;
  private long varint;

  Protobuf(byte[] data, int from, int to) {
    this.data = data;
    this.pos = from;
    this.end = to;
  }

  /** Advances to the next field; false at the end of the message. */
  boolean next() {
    if (pos >= end) {
      return false;
    }
    long tag = readVarint();
    field = (int) (tag >>> 3);
    wireType = (int) (tag & 7);
    if (field <= 0) {
      throw new IllegalArgumentException("field number " + field + " at byte " + pos);
    }
    switch (wireType) {
      case VARINT -> varint = readVarint();
      case FIXED64 -> skip(8);
      case FIXED32 -> skip(4);
      case BYTES -> {
        long length = readVarint();
        if (length < 0 || length > end - pos) {
          throw new IllegalArgumentException("a length of " + length + " at byte " + pos + " runs past its message");
        }
        valueStart = pos;
        pos += (int) length;
        valueEnd = pos;
      }
      default -> throw new IllegalArgumentException("wire type " + wireType + " at byte " + pos);
    }
    return true;
  }

  int field() {
    return field;
  }

  int wireType() {
    return wireType;
  }

  long varint() {
    return varint;
  }

  /** The current length-delimited field as a message. */
  Protobuf message() {
    requireBytes();
    return new Protobuf(data, valueStart, valueEnd);
  }

  String string() {
    requireBytes();
    return new String(data, valueStart, valueEnd - valueStart, StandardCharsets.UTF_8);
  }

  private void requireBytes() {
    if (wireType != BYTES) {
      throw new IllegalArgumentException("field " + field + " has wire type " + wireType + ", not a message");
    }
  }

  private void skip(int n) {
    if (n > end - pos) {
      throw new IllegalArgumentException("a fixed-size value at byte " + pos + " runs past its message");
    }
    pos += n;
  }

  private long readVarint() {
    long result = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      if (pos >= end) {
        throw new IllegalArgumentException("a number is cut off at byte " + pos);
      }
      byte b = data[pos++];
      result |= (long) (b & 0x7f) << shift;
      if (b >= 0) {
        return result;
      }
    }
    throw new IllegalArgumentException("a number longer than 10 bytes at byte " + pos);
  }
}
