package dev.gyre.spec;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The {@code windows} block of a features stage: how it reads, and every mistake it reports. */
class WindowBlockTest {
  private static final String WINDOWS = """
      name: p
      source:
        topic: persistent://t/n/in
        schema:
          fields: {card: string, amount: double, merchant: string, ts: long}
      stages:
        - name: f
          type: features
          output: persistent://t/n/out
          windows:
            time: ts
            allowedLateness: 30s
            late: persistent://t/n/late
            aggregates:
      %s
          features:
            - z = amount - 1
      """;

  private static String spec(String... lines) {
    StringBuilder items = new StringBuilder();
    for (String line : lines) {
      items.append("          - ").append(line).append('\n');
    }
    return WINDOWS.formatted(items.toString().stripTrailing());
  }

  @Test
  void shouldReadEveryFormOfAggregate() {
    FeatureStageSpec stage = (FeatureStageSpec) Specs.parse(spec("tx_1m = count() over 1m",
        "amount_std_24h = stddev(amount) over 24h", "tx_day = count() over 1d tumbling",
        "m_1h = distinct(merchant) over 1h every 5m", "last_amount = last(amount)", "gap = since_previous()",
        "amount_total = sum(amount)")).stages().get(0);

    WindowSpec windows = stage.windows();
    assertThat(windows.timeField()).isEqualTo("ts");
    assertThat(windows.timeUnit()).isEqualTo(EventTimeUnit.MILLISECONDS);
    assertThat(windows.allowedLateness()).isEqualTo(Duration.ofSeconds(30));
    assertThat(windows.lateTopic()).isEqualTo("persistent://t/n/late");
    assertThat(windows.aggregates()).containsExactly(
        new AggregateSpec("tx_1m", AggregateFunction.COUNT, null, Duration.ofMinutes(1), Duration.ofSeconds(1), false),
        new AggregateSpec("amount_std_24h", AggregateFunction.STDDEV, "amount", Duration.ofHours(24),
            Duration.ofMinutes(24), false),
        new AggregateSpec("tx_day", AggregateFunction.COUNT, null, Duration.ofDays(1), Duration.ofDays(1), true),
        new AggregateSpec("m_1h", AggregateFunction.DISTINCT, "merchant", Duration.ofHours(1), Duration.ofMinutes(5),
            false),
        new AggregateSpec("last_amount", AggregateFunction.LAST, "amount", null, null, false),
        new AggregateSpec("gap", AggregateFunction.SINCE_PREVIOUS, null, null, null, false),
        new AggregateSpec("amount_total", AggregateFunction.SUM, "amount", null, null, false));
    assertThat(windows.aggregates().get(3).buckets()).isEqualTo(12);
    assertThat(windows.aggregates().get(0)).hasToString("tx_1m = count() over 1m every 1s");
    assertThat(stage.features()).containsExactly(new FeatureSpec("z", "amount - 1"));
  }

  @Test
  void shouldDefaultToMillisecondsNoLatenessAndTheDeadLetterTopic() {
    String yaml = spec("n = count() over 1h").replace("      allowedLateness: 30s\n", "")
        .replace("      late: persistent://t/n/late\n", "");
    WindowSpec windows = ((FeatureStageSpec) Specs.parse(yaml).stages().get(0)).windows();

    assertThat(windows.allowedLateness()).isZero();
    assertThat(windows.lateTopic()).isNull();
    assertThat(windows.timeUnit()).isEqualTo(EventTimeUnit.MILLISECONDS);
  }

  @Test
  void shouldAllowAStageWithWindowsAndNoFeatures() {
    String yaml = spec("n = count() over 1h").replace("    features:\n      - z = amount - 1\n", "");
    FeatureStageSpec stage = (FeatureStageSpec) Specs.parse(yaml).stages().get(0);

    assertThat(stage.features()).isEmpty();
    assertThat(stage.windows().aggregates()).hasSize(1);
  }

  @Test
  void shouldReportEveryBadAggregateLineAtItsOwnLine() {
    assertThat(Specs.problems(spec("a = avg(amount) over 1h", "b = sum(amount) over 1x", "c = count(amount)",
        "d = sum() over 1h", "e = last(amount) over 1h", "f = sum(amount) over 1h sliding", "g = count() over 1s",
        "h = count() over 1h every 7m", "i = count() over 10h every 1s", "j = amount", "z = count()")))
        .containsExactly(
            "stages[0].windows.aggregates[0] (line 15): was 'a = avg(amount) over 1h' but it calls 'avg', which is "
                + "not an aggregate function; use one of count, sum, mean, min, max, stddev, distinct, last, "
                + "since_previous",
            "stages[0].windows.aggregates[1] (line 16): was 'b = sum(amount) over 1x' but it has the window size "
                + "'1x', which is not a duration; write a whole number with a unit ms, s, m, h or d, such as 30s or 24h",
            "stages[0].windows.aggregates[2] (line 17): was 'c = count(amount)' but it calls count(amount), but "
                + "count() takes no field",
            "stages[0].windows.aggregates[3] (line 18): was 'd = sum() over 1h' but it calls sum() without a field; "
                + "write sum(<field>)",
            "stages[0].windows.aggregates[4] (line 19): was 'e = last(amount) over 1h' but it gives last a window, "
                + "but it always looks at the key's whole history; remove 'over 1h'",
            "stages[0].windows.aggregates[5] (line 20): was 'f = sum(amount) over 1h sliding' but it has 'over 1h "
                + "sliding' after the call, where nothing, 'over SIZE', 'over SIZE every STEP' or 'over SIZE "
                + "tumbling' is expected",
            "stages[0].windows.aggregates[6] (line 21): was 'g = count() over 1s' but it has a window of 1s, which "
                + "does not split into 60 buckets of whole milliseconds; give the bucket width, such as 'over 1s "
                + "every 100ms'",
            "stages[0].windows.aggregates[7] (line 22): was 'h = count() over 1h every 7m' but it has buckets of 7m, "
                + "which do not divide the window of 1h; use a width that does",
            "stages[0].windows.aggregates[8] (line 23): was 'i = count() over 10h every 1s' but it keeps 36000 "
                + "buckets, more than 1000; use a wider 'every'",
            "stages[0].windows.aggregates[9] (line 24): was 'j = amount' but it has no function call after '='; "
                + "write 'name = function(field) over SIZE', such as 'amount_sum_1h = sum(amount) over 1h'",
            "stages[0].windows.aggregates[10] (line 25): was 'z = count()' but it defines 'z', which is also a "
                + "feature of this stage; give each its own name");
  }

  @Test
  void shouldReportBadBlockKeys() {
    String yaml = spec("n = count() over 1h").replace("allowedLateness: 30s", "allowedLateness: 8d")
        .replace("late: persistent://t/n/late", "late: later").replace("time: ts", "time: ts\n      timeUnit: us");

    assertThat(Specs.problems(yaml)).containsExactly(
        "stages[0].windows.timeUnit (line 12): was 'us' but it is not one of ms, s; did you mean 'ms'?",
        "stages[0].windows.allowedLateness (line 13): was '8d' but it is out of range; use a duration from 0 to 7d",
        "stages[0].windows.late (line 14): was 'later' but it is neither dead-letter nor a topic: it is not a full "
            + "topic name; use the form persistent://tenant/namespace/topic (or non-persistent://tenant/namespace/topic)");
  }

  @Test
  void shouldRefuseWindowsOnAScoreStage() {
    String yaml = """
        name: p
        source:
          topic: persistent://t/n/in
          schema:
            fields: {x: double}
        stages:
          - name: s
            type: score
            output: persistent://t/n/out
            model: {name: m, path: m.onnx, inputs: [x]}
            windows: {time: x, aggregates: [n = count()]}
        """;

    assertThat(Specs.problems(yaml)).containsExactly("stages[0].windows (line 11): was '{time: x, aggregates: [n = "
        + "count()]}' but it is only used by stages of type features; remove it, or set type: features");
  }

  @Test
  void shouldRoundTripAggregateLinesThroughToString() {
    List<String> lines = List.of("a = count() over 1m every 1s", "b = mean(amount) over 1d tumbling",
        "c = last(amount)", "d = since_previous()");
    List<AggregateSpec> read = ((FeatureStageSpec) Specs.parse(spec(lines.toArray(String[]::new))).stages().get(0))
        .windows().aggregates();

    assertThat(read.stream().map(AggregateSpec::toString)).containsExactlyElementsOf(lines);
  }
}
