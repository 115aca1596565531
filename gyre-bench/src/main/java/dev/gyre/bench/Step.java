package dev.gyre.bench;

/**
 * What one fixed-rate step measured.
 *
 * @param phase             {@code warm-up}, {@code latency} or {@code search}
 * @param rate              the offered rate, events per second
 * @param seconds           the planned duration
 * @param planned           events the schedule held
 * @param sent              events handed to the producer
 * @param sendSeconds       how long sending took
 * @param deliveredInWindow events that reached the final consumer while the step was sending
 * @param delivered         events that reached it by the end of the step's drain
 * @param maxLagMillis      the furthest the sender fell behind its schedule
 * @param aborted           whether the step was stopped early because its backlog grew past the limit
 * @param drained           whether every sent event arrived before the drain timeout
 * @param latency           end-to-end latency from intended send time
 * @param cpuMicrosPerEvent CPU microseconds per delivered event, by process and by thread group of the
 *                          bench JVM (see {@link CpuMeter})
 */
public record Step(String phase, long rate, double seconds, long planned, long sent, double sendSeconds,
    long deliveredInWindow, long delivered, double maxLagMillis, boolean aborted, boolean drained, Latency latency,
    java.util.Map<String, Double> cpuMicrosPerEvent) {

  public Step {
    cpuMicrosPerEvent = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(cpuMicrosPerEvent));
  }

  /** Events sent per second of sending. */
  public double sentRate() {
    return sendSeconds > 0 ? sent / sendSeconds : 0;
  }

  /** Events delivered per second of sending. */
  public double deliveredRate() {
    return sendSeconds > 0 ? deliveredInWindow / sendSeconds : 0;
  }
}
