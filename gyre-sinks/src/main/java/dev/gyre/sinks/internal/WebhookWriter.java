package dev.gyre.sinks.internal;

import dev.gyre.core.event.EventCondition;
import dev.gyre.core.event.Rejection;
import dev.gyre.spec.WebhookSinkSpec;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

/**
 * POSTs each event that passes the sink's {@code when} condition, as JSON, one at a time, with the
 * header {@code Gyre-Event-Id} so the receiver can drop a redelivered event. A 2xx is success. A
 * 5xx, a 429, no connection or a timeout is retried {@code retries} times with exponential backoff
 * (100 ms, doubling, at most 5 s), then the event is rejected with {@code webhook-failed}; any other
 * status is rejected at once with {@code webhook-rejected}. When the sink is stopping, the batch is
 * handed back for redelivery instead.
 */
public final class WebhookWriter implements SinkWriter {
  static final String FAILED = "webhook-failed";
  static final String REJECTED = "webhook-rejected";
  static final String EVENT_ID_HEADER = "Gyre-Event-Id";

  private final WebhookSinkSpec spec;
  private final EventCondition when;
  private final URI url;
  private final BooleanSupplier running;
  private final Backoff backoff;
  private HttpClient http;

  /**
   * @param when    the compiled condition, or null to post every event
   * @param running false once the sink is stopping, to give up retrying
   */
  public WebhookWriter(WebhookSinkSpec spec, EventCondition when, Function<String, String> env,
      BooleanSupplier running, Backoff backoff) {
    this.spec = spec;
    this.when = when;
    this.url = URI.create(EnvReferences.resolve(spec.url(), env, "sink '" + spec.name() + "' url"));
    this.running = running;
    this.backoff = backoff;
  }

  @Override
  public void open() {
    http = HttpClient.newBuilder().connectTimeout(spec.timeout()).followRedirects(HttpClient.Redirect.NEVER).build();
  }

  @Override
  public Result write(List<SinkEvent> events) {
    List<Rejected> rejected = new ArrayList<>();
    int skipped = 0;
    for (SinkEvent event : events) {
      try {
        if (when != null && !when.test(event.event())) {
          skipped++;
          continue;
        }
      } catch (Rejection r) {
        rejected.add(new Rejected(event, r.reason(), r.getMessage()));
        continue;
      }
      Rejected failure = post(event);
      if (failure != null) {
        rejected.add(failure);
      }
    }
    return new Result(rejected, skipped);
  }

  /** Posts one event with retries; null when it was accepted. */
  private Rejected post(SinkEvent event) {
    HttpRequest request = HttpRequest.newBuilder(url).timeout(spec.timeout())
        .header("Content-Type", "application/json").header(EVENT_ID_HEADER, event.eventId())
        .POST(HttpRequest.BodyPublishers.ofByteArray(event.body())).build();
    String last = null;
    for (int attempt = 0; attempt <= spec.retries(); attempt++) {
      if (attempt > 0 && !backoff.sleep(attempt - 1, running)) {
        throw new RetryLater("sink '" + spec.name() + "' is stopping", null);
      }
      try {
        int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        if (status / 100 == 2) {
          return null;
        }
        last = "HTTP " + status + " from " + url;
        if (status < 500 && status != 429) {
          return new Rejected(event, REJECTED, last + "; not retried");
        }
      } catch (IOException e) {
        last = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new RetryLater("sink '" + spec.name() + "' was interrupted", e);
      }
    }
    return new Rejected(event, FAILED, "gave up after " + (spec.retries() + 1) + " attempts; last: " + last);
  }

  @Override
  public void close() {
    http = null; // HttpClient has no close() before Java 21; its threads end when it is unreachable
  }
}
