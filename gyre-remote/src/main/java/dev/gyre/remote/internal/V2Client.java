package dev.gyre.remote.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.FloatBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

/**
 * The REST half of the Open Inference Protocol (KServe v2) that Gyre uses: readiness, model
 * metadata and inference with JSON bodies. One instance per model server; thread-safe (the JDK
 * {@link HttpClient} pools connections, HTTP/1.1).
 */
public final class V2Client {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final JsonFactory FACTORY = JSON.getFactory();

  private final URI base;
  private final Duration timeout;
  private final HttpClient http;

  public V2Client(URI base, Duration timeout) {
    this.base = base;
    this.timeout = timeout;
    this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(timeout).build();
  }

  /** {@code /v2/models/<name>}, with {@code /versions/<version>} when {@code version} is not null. */
  public static String modelPath(String name, String version) {
    String path = "/v2/models/" + segment(name);
    return version == null ? path : path + "/versions/" + segment(version);
  }

  /** The absolute URL of {@code path} on this server. */
  public URI url(String path) {
    return URI.create(base + path);
  }

  /** GETs {@code path} and returns the JSON body of a 200 answer. */
  public JsonNode get(String path) throws CallFailure {
    HttpRequest request = HttpRequest.newBuilder(url(path)).timeout(timeout).GET().build();
    return send(request, "GET " + url(path));
  }

  /**
   * POSTs an inference request of one FP32 input {@code [rows, width]} and asks for {@code outputs}.
   *
   * @return the response body
   */
  public JsonNode infer(String modelPath, String input, FloatBuffer rows, int rowCount, int width,
      List<String> outputs) throws CallFailure {
    URI url = url(modelPath + "/infer");
    HttpRequest request = HttpRequest.newBuilder(url).timeout(timeout)
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofByteArray(body(input, rows, rowCount, width, outputs))).build();
    return send(request, "POST " + url);
  }

  private JsonNode send(HttpRequest request, String what) throws CallFailure {
    HttpResponse<byte[]> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
    } catch (HttpTimeoutException e) {
      throw new CallFailure(what + " timed out after " + timeout.toMillis() + " ms", true, e);
    } catch (IOException e) {
      throw new CallFailure(what + " failed: " + e, true, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CallFailure(what + " was interrupted", false, e);
    }
    int status = response.statusCode();
    if (status != 200) {
      String body = new String(response.body(), StandardCharsets.UTF_8);
      throw new CallFailure(what + " answered " + status + ": " + abbreviate(body), status >= 500, null);
    }
    try {
      return JSON.readTree(response.body());
    } catch (IOException e) {
      throw new CallFailure(what + " answered with a body that is not JSON: " + e.getMessage(), false, e);
    }
  }

  private static byte[] body(String input, FloatBuffer rows, int rowCount, int width, List<String> outputs) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 + rowCount * width * 12);
    try (JsonGenerator g = FACTORY.createGenerator(bytes)) {
      g.writeStartObject();
      g.writeArrayFieldStart("inputs");
      g.writeStartObject();
      g.writeStringField("name", input);
      g.writeArrayFieldStart("shape");
      g.writeNumber(rowCount);
      g.writeNumber(width);
      g.writeEndArray();
      g.writeStringField("datatype", "FP32");
      g.writeArrayFieldStart("data");
      for (int v = 0; v < rowCount * width; v++) {
        g.writeNumber(rows.get(v));
      }
      g.writeEndArray();
      g.writeEndObject();
      g.writeEndArray();
      g.writeArrayFieldStart("outputs");
      for (String output : outputs) {
        g.writeStartObject();
        g.writeStringField("name", output);
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
    } catch (IOException e) {
      throw new IllegalStateException("writing to memory failed", e);
    }
    return bytes.toByteArray();
  }

  private static String segment(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private static String abbreviate(String text) {
    String oneLine = text.replaceAll("\\s+", " ").trim();
    return oneLine.length() <= 200 ? oneLine : oneLine.substring(0, 200) + "...";
  }
}
