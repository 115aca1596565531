package dev.gyre.backfill;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gyre.api.ModelException;
import dev.gyre.spec.SpecLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BackfillTest {
  private static final String SPEC = """
      name: cards
      key: card
      source:
        topic: persistent://t/raw/tx
        schema:
          fields: {card: string, amount: double, ts: long, txId: string}
      stages:
        - name: card-features
          type: features
          output: persistent://t/features/cards
          windows:
            time: ts
            timeUnit: s
            allowedLateness: 30s
            aggregates:
              - n_1h = count() over 1h
              - mean_1h = mean(amount) over 1h
              - gap = since_previous()
          features:
            - ratio = amount / mean_1h
        - name: score
          type: score
          output: persistent://t/predictions/cards
          model: {name: m, path: m.onnx, inputs: [ratio]}
      """;

  private static Backfill backfill(Path dir) throws Exception {
    Path spec = dir.resolve("pipeline.yaml");
    Files.writeString(spec, SPEC);
    return Backfill.of(SpecLoader.load(spec), null, d -> {
      throw new ModelException("no models here");
    });
  }

  @Test
  void shouldComputeFeaturesAsOfEachEventAndDeadLetterWhatOnlineWould(@TempDir Path dir) throws Exception {
    Path events = dir.resolve("tx.jsonl");
    Files.writeString(events, String.join("\n",
        "{\"card\":\"a\",\"amount\":10,\"ts\":1000,\"txId\":\"t1\"}",
        "{\"card\":\"b\",\"amount\":7,\"ts\":1001,\"txId\":\"t2\"}",
        "{\"card\":\"a\",\"amount\":20,\"ts\":1060,\"txId\":\"t3\"}",
        "{broken",
        "{\"card\":\"a\",\"amount\":30,\"ts\":1040,\"txId\":\"t4\"}",
        "{\"card\":\"a\",\"amount\":5,\"ts\":900,\"txId\":\"t5\"}"), StandardCharsets.UTF_8);
    Path labelFile = dir.resolve("labels.csv");
    Files.writeString(labelFile, "txId,fraud\nt3,1\nt1,0\nt3,0\nt9,1\n");
    Labels labels = Labels.fromFile(labelFile, "txId", "fraud");
    List<Backfill.Row> rows = new ArrayList<>();
    List<Backfill.DeadLetter> dead = new ArrayList<>();
    Backfill.Summary summary;
    try (Backfill backfill = backfill(dir)) {
      assertThat(backfill.stageNames()).containsExactly("card-features");
      summary = backfill.run(new FileSource(events, List.of()), labels, "txId", rows::add, dead::add);
    }
    assertThat(summary.events()).isEqualTo(6);
    assertThat(summary.rows()).isEqualTo(4);
    assertThat(summary.labelled()).isEqualTo(2);
    assertThat(summary.deadLetters()).containsExactly(java.util.Map.entry("card-features: late-event", 1L),
        java.util.Map.entry("card-features: malformed-json", 1L));
    assertThat(dead).extracting(Backfill.DeadLetter::eventId).containsExactly("4", "6");
    assertThat(labels.duplicates()).isEqualTo(1);
    assertThat(rows).extracting(Backfill.Row::eventId).containsExactly("t1", "t2", "t3", "t4");
    assertThat(rows).extracting(Backfill.Row::label).containsExactly("0", null, "1", null);
    assertThat(rows).extracting(Backfill.Row::key).containsExactly("a", "b", "a", "a");
    assertThat(rows).extracting(Backfill.Row::eventTimeMillis).containsExactly(1_000_000L, 1_001_000L, 1_060_000L,
        1_040_000L);
    // t4 (ts 1040, within the lateness) is computed as of its own time: n counts t1, t3 (same bucket) and t4
    assertThat(rows).extracting(r -> r.event().get("n_1h").longValue()).containsExactly(1L, 1L, 2L, 3L);
    assertThat(rows.get(2).event().get("mean_1h").doubleValue()).isEqualTo(15.0);
    assertThat(rows.get(2).event().get("gap").longValue()).isEqualTo(60_000L);
    assertThat(rows.get(0).event().get("gap").isNull()).isTrue();
    assertThat(rows.get(3).event().get("ratio").doubleValue()).isEqualTo(30.0 / 20.0);
  }

  @Test
  void shouldWriteTheSameValuesToCsvAndParquet(@TempDir Path dir) throws Exception {
    Path events = dir.resolve("tx.csv");
    Files.writeString(events, "card,amount,ts,txId\na,0.1,1000,t1\na,0.2,1001,t2\nb,1e-7,1002,t3\n");
    Path csv = dir.resolve("training.csv");
    Path parquet = dir.resolve("training.parquet");
    List<Backfill.Row> rows = new ArrayList<>();
    try (Backfill backfill = backfill(dir); TrainingSetCsv out = new TrainingSetCsv(csv, backfill.fields(), "label")) {
      backfill.run(new FileSource(events, backfill.fields().subList(0, 4)), Labels.none(), null,
          r -> {
            rows.add(r);
            out.accept(r);
          }, d -> {});
      out.close();
      ParquetExport.convert(csv, parquet, backfill.fields(), "label");
    }
    List<String> lines = Files.readAllLines(csv);
    assertThat(lines.get(0)).isEqualTo("event_id,event_key,event_time,card,amount,ts,txId,n_1h,mean_1h,gap,ratio,label");
    assertThat(lines.get(2)).isEqualTo("2,a,1001000,a,0.2,1001,t2,2,0.15000000000000002,1000,1.3333333333333333,");
    try (Connection db = DriverManager.getConnection("jdbc:duckdb:");
         ResultSet rs = db.createStatement().executeQuery("SELECT event_id, mean_1h, gap, label, ratio FROM '"
             + parquet + "' ORDER BY event_id")) {
      for (Backfill.Row row : rows) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getString(1)).isEqualTo(row.eventId());
        assertThat(Double.doubleToRawLongBits(rs.getDouble(2)))
            .isEqualTo(Double.doubleToRawLongBits(row.event().get("mean_1h").doubleValue()));
        assertThat(rs.getObject(3)).isEqualTo(row.event().get("gap").isNull() ? null : row.event().get("gap").longValue());
        assertThat(rs.getString(4)).isNull();
        assertThat(rs.getDouble(5)).isEqualTo(row.event().get("ratio").doubleValue());
      }
      assertThat(rs.next()).isFalse();
    }
  }
}
