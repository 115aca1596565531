package dev.gyre.remote;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small Open Inference Protocol (KServe v2) REST server for tests and benchmarks: serves ONNX
 * models with ONNX Runtime, as Triton's ONNX backend would, on a free port of 127.0.0.1. Implements
 * {@code GET /v2/health/ready}, {@code GET /v2/models/<name>[/versions/<v>]} (metadata, with the
 * model's {@code gyre.labels} as {@code parameters.labels}) and {@code POST .../infer} (JSON, FP32
 * input, tensor outputs). Faults for the infer endpoint: a delay, an error status for the next N
 * calls, and dropped connections (no answer) for the next N calls. Counts inference requests and
 * the most that were in flight at once.
 */
public final class KServeV2TestServer implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpServer http;
  private final ExecutorService executor = Executors.newFixedThreadPool(32);
  private final OrtEnvironment env = OrtEnvironment.getEnvironment();
  private final Map<String, OrtSession> sessions = new LinkedHashMap<>();
  private final Map<String, String> labels = new LinkedHashMap<>();
  private volatile Duration delay = Duration.ZERO;
  private final AtomicInteger failNext = new AtomicInteger();
  private volatile int failStatus = 503;
  private final AtomicInteger dropNext = new AtomicInteger();
  private final AtomicInteger inferRequests = new AtomicInteger();
  private final AtomicInteger inFlight = new AtomicInteger();
  private final AtomicInteger maxInFlight = new AtomicInteger();

  static {
    // The JDK server leaves Nagle's algorithm on by default, which holds small answers back about 40 ms.
    System.setProperty("sun.net.httpserver.nodelay", "true");
  }

  private KServeV2TestServer(Map<String, Path> models) throws IOException, OrtException {
    for (Map.Entry<String, Path> model : models.entrySet()) {
      OrtSession session = env.createSession(model.getValue().toString(), new OrtSession.SessionOptions());
      sessions.put(model.getKey(), session);
      String l = session.getMetadata().getCustomMetadata().get("gyre.labels");
      if (l != null) {
        labels.put(model.getKey(), l);
      }
    }
    http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
    http.setExecutor(executor);
    http.createContext("/v2", this::handle);
    http.start();
  }

  /** Starts a server for the ONNX files, by model name. */
  public static KServeV2TestServer start(Map<String, Path> models) throws IOException, OrtException {
    return new KServeV2TestServer(models);
  }

  public URI url() {
    return URI.create("http://127.0.0.1:" + http.getAddress().getPort());
  }

  /** Every later inference request waits this long before it is answered. */
  public void delay(Duration delay) {
    this.delay = delay;
  }

  /** The next {@code n} inference requests are answered with {@code status} and no result. */
  public void failNext(int n, int status) {
    failStatus = status;
    failNext.set(n);
  }

  /** The next {@code n} inference requests get no answer: the connection is closed. */
  public void dropNext(int n) {
    dropNext.set(n);
  }

  /** Inference requests received, faulty ones included. */
  public int inferRequests() {
    return inferRequests.get();
  }

  /** The most inference requests that were being handled at the same time. */
  public int maxInFlight() {
    return maxInFlight.get();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String[] parts = exchange.getRequestURI().getPath().split("/");
      if (exchange.getRequestURI().getPath().equals("/v2/health/ready")) {
        reply(exchange, 200, "{\"ready\": true}".getBytes(StandardCharsets.UTF_8));
      } else if (parts.length >= 4 && parts[2].equals("models") && sessions.containsKey(parts[3])) {
        if (parts[parts.length - 1].equals("infer") && exchange.getRequestMethod().equals("POST")) {
          infer(exchange, parts[3]);
        } else {
          reply(exchange, 200, metadata(parts[3]));
        }
      } else {
        reply(exchange, 404, ("{\"error\": \"no model at " + exchange.getRequestURI() + "\"}")
            .getBytes(StandardCharsets.UTF_8));
      }
    } catch (RuntimeException | Error e) {
      if (!"dropping the connection on purpose".equals(e.getMessage())) {
        e.printStackTrace(); // a bug in the test server: show it, as the client only sees a closed connection
      }
      throw e;
    } catch (OrtException e) {
      reply(exchange, 500, ("{\"error\": \"" + e.getMessage().replace('"', '\'') + "\"}")
          .getBytes(StandardCharsets.UTF_8));
    }
  }

  private void infer(HttpExchange exchange, String model) throws IOException, OrtException {
    inferRequests.incrementAndGet();
    int now = inFlight.incrementAndGet();
    maxInFlight.accumulateAndGet(now, Math::max);
    try {
      JsonNode request = JSON.readTree(exchange.getRequestBody());
      if (!delay.isZero()) {
        Thread.sleep(delay.toMillis());
      }
      if (dropNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
        throw new IllegalStateException("dropping the connection on purpose"); // HttpServer closes it
      }
      if (failNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
        reply(exchange, failStatus, "{\"error\": \"injected fault\"}".getBytes(StandardCharsets.UTF_8));
        return;
      }
      reply(exchange, 200, run(model, request));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      inFlight.decrementAndGet();
    }
  }

  private byte[] run(String model, JsonNode request) throws IOException, OrtException {
    OrtSession session = sessions.get(model);
    JsonNode input = request.path("inputs").get(0);
    long[] shape = {input.path("shape").get(0).asLong(), input.path("shape").get(1).asLong()};
    FloatBuffer data = FloatBuffer.allocate((int) (shape[0] * shape[1]));
    input.path("data").forEach(v -> data.put(v.floatValue()));
    data.flip();
    List<String> wanted = new ArrayList<>();
    request.path("outputs").forEach(o -> wanted.add(o.path("name").asText()));
    if (wanted.isEmpty()) {
      wanted.addAll(tensorOutputs(session).keySet());
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (OnnxTensor tensor = OnnxTensor.createTensor(env, data, shape);
        OrtSession.Result result = session.run(Map.of(input.path("name").asText(), tensor),
            new java.util.LinkedHashSet<>(wanted));
        JsonGenerator g = JSON.getFactory().createGenerator(bytes)) {
      g.writeStartObject();
      g.writeStringField("model_name", model);
      g.writeArrayFieldStart("outputs");
      for (String name : wanted) {
        OnnxTensor out = (OnnxTensor) result.get(name).orElseThrow();
        g.writeStartObject();
        g.writeStringField("name", name);
        g.writeStringField("datatype", datatype(out.getInfo().type));
        g.writeArrayFieldStart("shape");
        for (long d : out.getInfo().getShape()) {
          g.writeNumber(d);
        }
        g.writeEndArray();
        g.writeArrayFieldStart("data");
        if (out.getInfo().type == OnnxJavaType.FLOAT) {
          FloatBuffer values = out.getFloatBuffer();
          while (values.hasRemaining()) {
            g.writeNumber(values.get());
          }
        } else if (out.getInfo().type == OnnxJavaType.INT64) {
          LongBuffer values = out.getLongBuffer();
          while (values.hasRemaining()) {
            g.writeNumber(values.get());
          }
        }
        g.writeEndArray();
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
    }
    return bytes.toByteArray();
  }

  private byte[] metadata(String model) throws IOException, OrtException {
    OrtSession session = sessions.get(model);
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("name", model);
    json.put("versions", List.of());
    json.put("platform", "onnxruntime_onnx");
    json.put("inputs", describe(tensorInputs(session)));
    json.put("outputs", describe(tensorOutputs(session)));
    if (labels.containsKey(model)) {
      json.put("parameters", Map.of("labels", labels.get(model)));
    }
    return JSON.writeValueAsBytes(json);
  }

  private static Map<String, TensorInfo> tensorInputs(OrtSession session) throws OrtException {
    return tensors(session.getInputInfo());
  }

  private static Map<String, TensorInfo> tensorOutputs(OrtSession session) throws OrtException {
    return tensors(session.getOutputInfo());
  }

  private static Map<String, TensorInfo> tensors(Map<String, NodeInfo> nodes) {
    Map<String, TensorInfo> tensors = new LinkedHashMap<>();
    nodes.forEach((name, node) -> {
      if (node.getInfo() instanceof TensorInfo t) {
        tensors.put(name, t);
      }
    });
    return tensors;
  }

  private static List<Map<String, Object>> describe(Map<String, TensorInfo> tensors) {
    List<Map<String, Object>> out = new ArrayList<>();
    tensors.forEach((name, t) -> {
      List<Long> shape = new ArrayList<>();
      for (long d : t.getShape()) {
        shape.add(d);
      }
      out.add(Map.of("name", name, "datatype", datatype(t.type), "shape", shape));
    });
    return out;
  }

  private static String datatype(OnnxJavaType type) {
    return switch (type) {
      case FLOAT -> "FP32";
      case DOUBLE -> "FP64";
      case INT64 -> "INT64";
      case INT32 -> "INT32";
      case STRING -> "BYTES";
      default -> type.name();
    };
  }

  private static void reply(HttpExchange exchange, int status, byte[] body) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, body.length);
    exchange.getResponseBody().write(body);
  }

  @Override
  public void close() {
    http.stop(0);
    executor.shutdownNow();
    for (OrtSession session : sessions.values()) {
      try {
        session.close();
      } catch (OrtException e) {
        // closing at the end of a test; nothing to do
      }
    }
  }
}
