package dev.gyre.train.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonWriterTest {

  @Test
  void shouldWriteMembersInOrderWithEscapesAndNullForNaN() {
    Map<String, Integer> counts = new LinkedHashMap<>();
    counts.put("b\"1", 2);
    counts.put("a", 1);
    String json = new JsonWriter()
        .put("s", "line\nwith \\ and \u0001")
        .put("n", 0.5).put("nan", Double.NaN).put("none", null).put("flag", true)
        .put("counts", counts)
        .put("nested", new JsonWriter().put("x", 1L))
        .toString();
    assertThat(json).isEqualTo("{\"s\":\"line\\nwith \\\\ and \\u0001\",\"n\":0.5,\"nan\":null,\"none\":null,"
        + "\"flag\":true,\"counts\":{\"b\\\"1\":2,\"a\":1},\"nested\":{\"x\":1}}");
  }
}
