package dev.gyre.spec;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * A sink that POSTs each matching event, as JSON, to an HTTP endpoint, retrying server errors.
 *
 * @param name    the sink's name
 * @param input   the topic read
 * @param url     the endpoint, {@code http://} or {@code https://}; may hold {@code ${ENV_VAR}} references
 * @param when    a formula over the event's fields that must be true for the event to be posted, or
 *                {@code null} to post every event; compiled when the pipeline is planned
 * @param timeout how long one attempt may take, more than zero
 * @param retries how many times a failed attempt (5xx, 429, no connection, timeout) is retried, with
 *                exponential backoff, before the event is dead-lettered; 0 or more
 */
public record WebhookSinkSpec(String name, String input, String url, String when, Duration timeout, int retries)
    implements SinkSpec {
  public WebhookSinkSpec {
    StageChecks.checkName(name, "sink");
    TopicName.parse(Objects.requireNonNull(input, "input"));
    boolean wholeReference = Objects.requireNonNull(url, "url").matches("\\$\\{[A-Za-z_][A-Za-z0-9_]*}");
    String scheme = wholeReference ? "http" : URI.create(url.replaceAll("\\$\\{[^}]*}", "x")).getScheme();
    if (!"http".equals(scheme) && !"https".equals(scheme)) {
      throw new IllegalArgumentException("sink '" + name + "' needs an http or https URL, was " + url);
    }
    if (Objects.requireNonNull(timeout, "timeout").isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("timeout must be more than zero, was " + timeout);
    }
    if (retries < 0) {
      throw new IllegalArgumentException("retries must not be negative, was " + retries);
    }
  }
}
