package dev.gyre.remote;

import dev.gyre.api.Model;
import dev.gyre.api.ModelDescriptor;
import dev.gyre.onnx.OnnxModel;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * Benchmark, not a test: {@code predictBatch} throughput and latency of the same ONNX model scored
 * in process (ONNX Runtime) and through {@link KServeV2TestServer} on the same machine (HTTP/1.1,
 * JSON), closed loop from one thread as a score stage calls it, for micro-batches of 1, 16 and 256
 * rows. Writes a Markdown table to {@code target/remote-bench.md}. Arguments: seconds per case
 * (default 5), after a warm-up of the same length.
 *
 * <pre>
 * mvn -o -q -pl gyre-remote test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * cd gyre-remote &amp;&amp; java -cp target/test-classes:target/classes:$(cat target/cp.txt) dev.gyre.remote.RemoteBench 5
 * </pre>
 */
public final class RemoteBench {
  private RemoteBench() {}

  public static void main(String[] args) throws Exception {
    // ONNX Runtime creates its environment with a native recursion that deepens with the length of
    // the command line (a long class path here): give it a deep stack, as gyre-functions does.
    Throwable[] failure = new Throwable[1];
    Thread thread = new Thread(null, () -> {
      try {
        bench(args);
      } catch (Throwable t) {
        failure[0] = t;
      }
    }, "bench", 64L << 20);
    thread.start();
    thread.join();
    if (failure[0] != null) {
      throw new IllegalStateException("the benchmark failed", failure[0]);
    }
  }

  private static void bench(String[] args) throws Exception {
    long seconds = args.length > 0 ? Long.parseLong(args[0]) : 5;
    Path dir = Files.createTempDirectory("gyre-remote-bench");
    Path file = TestModels.classifier(dir.resolve("bench.onnx"), 4, 3, Map.of());
    List<String> inputs = List.of("f0", "f1", "f2", "f3");
    StringBuilder table = new StringBuilder("| path | rows per call | calls/s | rows/s | p50 us | p99 us | p99.9 us |\n"
        + "| --- | --- | --- | --- | --- | --- | --- |\n");
    try (KServeV2TestServer server = KServeV2TestServer.start(Map.of("bench", file));
        Model embedded = OnnxModel.load(new ModelDescriptor("bench", "1", "onnx", file, inputs, Map.of()));
        Model remote = RemoteModel.load(ModelDescriptor.remote("bench", "1", "kserve-v2", server.url(), inputs,
            Map.of()), Clock.systemUTC())) {
      for (int rows : new int[] {1, 16, 256}) {
        FloatBuffer batch = batch(rows, inputs.size());
        for (Model model : List.of(embedded, remote)) {
          run(model, batch, rows, seconds); // warm-up
          String line = row(model == embedded ? "embedded (ONNX Runtime)" : "remote (KServe v2 REST)", rows,
              run(model, batch, rows, seconds), seconds);
          System.out.println(line);
          table.append(line).append('\n');
        }
      }
    }
    Path out = Path.of("target", "remote-bench.md");
    Files.createDirectories(out.getParent());
    Files.writeString(out, "Closed loop, one thread, " + seconds + " s per case after as long a warm-up; "
        + Runtime.getRuntime().availableProcessors() + " cores.\n\n" + table);
    System.out.println("wrote " + out.toAbsolutePath());
  }

  private static Histogram run(Model model, FloatBuffer batch, int rows, long seconds) {
    Histogram histogram = new Histogram(60_000_000_000L, 3);
    long end = System.nanoTime() + seconds * 1_000_000_000L;
    while (System.nanoTime() < end) {
      long start = System.nanoTime();
      model.predictBatch(batch, rows);
      histogram.recordValue(System.nanoTime() - start);
    }
    return histogram;
  }

  private static String row(String path, int rows, Histogram h, long seconds) {
    double calls = h.getTotalCount() / (double) seconds;
    return String.format("| %s | %d | %,.0f | %,.0f | %.0f | %.0f | %.0f |", path, rows, calls, calls * rows,
        h.getValueAtPercentile(50) / 1e3, h.getValueAtPercentile(99) / 1e3, h.getValueAtPercentile(99.9) / 1e3);
  }

  private static FloatBuffer batch(int rows, int width) {
    FloatBuffer batch = ByteBuffer.allocateDirect(Float.BYTES * rows * width).order(ByteOrder.nativeOrder())
        .asFloatBuffer();
    float[][] values = RemoteModelParityTest.rows(rows, width, 5);
    for (float[] row : values) {
      batch.put(row);
    }
    return batch;
  }
}
