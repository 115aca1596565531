package dev.gyre.core.window;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class KeyStateCodecTest {
  private static final String[] LINES = {"n = count() over 1m", "s = sum(amount) over 1h", "sd = stddev(amount) over 24h",
      "d = distinct(merchant) over 1h", "l = last(amount)", "g = since_previous()", "hi = max(amount) over 1d tumbling"};

  @Test
  void shouldRoundTripStatesWithSparseAndDenseSketchesAndContinueIdentically() {
    Windows original = new Windows(Duration.ofSeconds(30), LINES);
    Windows restored = new Windows(Windows.spec(Duration.ofSeconds(30), LINES), new InMemoryKeyedStateStore());
    KeyStateCodec codec = new KeyStateCodec(original.layout);
    for (int i = 0; i < 3_000; i++) {   // key "busy" sees 3,000 merchants in 30 s: a bucket's sketch goes dense
      original.apply("busy", 1_000_000L + i * 10L, i * 0.25, "m" + i, i);
      original.apply("calm", 1_000_000L + i * 10_000L, -i, "m" + i % 3, i);
    }
    for (String key : new String[] {"busy", "calm"}) {
      byte[] bytes = codec.encode(original.state(key));
      restored.engine.store().put(key, codec.decode(bytes));
      assertThat(codec.encode(restored.state(key))).isEqualTo(bytes);
    }
    assertThat(Arrays.stream(restored.state("busy").series).flatMap(s -> Arrays.stream(s.hlls))
        .anyMatch(h -> h != null && h.dense != null)).isTrue();

    for (int i = 3_000; i < 3_100; i++) {
      original.apply("busy", 1_000_000L + i * 1_000L, i, "m" + i, i);
      restored.apply("busy", 1_000_000L + i * 1_000L, i, "m" + i, i);
      assertThat(restored.out).containsExactly(original.out);
    }
    assertThat(restored.apply("busy", 4_099_000L, 1, "x", 3_099)).isEqualTo(WindowEngine.Result.ALREADY_APPLIED);
  }

  @Test
  void shouldKeepAQuietKeySmall() {
    Windows w = new Windows(Duration.ZERO, LINES);
    w.apply("k", 1_000, 12.5, "shop", 1);

    // 4 windows of one bucket (count, n, 4 doubles per field, a sketch of one entry), one last value
    assertThat(new KeyStateCodec(w.layout).encode(w.state("k")).length).isEqualTo(133);
  }

  @Test
  void shouldRefuseStateOfAnotherLayoutVersionOrLength() {
    Windows w = new Windows(Duration.ZERO, LINES);
    w.apply("k", 1_000, 12.5, "shop", 1);
    byte[] bytes = new KeyStateCodec(w.layout).encode(w.state("k"));
    KeyStateCodec other = new KeyStateCodec(WindowLayout.of(Windows.spec(Duration.ZERO, "n = count() over 1h")));
    KeyStateCodec codec = new KeyStateCodec(w.layout);
    byte[] future = bytes.clone();
    future[0] = 2;

    assertThatIllegalArgumentException().isThrownBy(() -> other.decode(bytes)).withMessageContaining("another layout");
    assertThatIllegalArgumentException().isThrownBy(() -> codec.decode(future)).withMessageContaining("version 2");
    assertThatIllegalArgumentException().isThrownBy(() -> codec.decode(Arrays.copyOf(bytes, bytes.length - 3)));
    assertThatIllegalArgumentException().isThrownBy(() -> codec.decode(Arrays.copyOf(bytes, bytes.length + 1)));
  }
}
