package dev.gyre.formula;

import java.util.List;
import java.util.Map;

/**
 * Micro-benchmark of the seed formulas; not a test (Surefire ignores the name). Each evaluation
 * sets {@code temp}, computes {@code temp_scaled = (temp - 20) / 10} and
 * {@code alert = temp_scaled > 1.5}, and reads the alert.
 *
 * <p>Run after {@code mvn -pl gyre-formula -am install}:
 * {@code java -cp gyre-formula/target/classes:gyre-formula/target/test-classes:gyre-api/target/classes
 * dev.gyre.formula.FormulaBench}. A JMH harness would be more rigorous; this gives the order of
 * magnitude without a new dependency.
 */
public final class FormulaBench {
  private static final int WARM_UP = 10_000_000;
  private static final int MEASURED = 50_000_000;

  private FormulaBench() {}

  public static void main(String[] args) {
    Program program = Program.compile(List.of(
        new Definition("temp_scaled", "(temp - 20) / 10"),
        new Definition("alert", "temp_scaled > 1.5")),
        Map.of("deviceId", ValueType.STRING, "temp", ValueType.NUMBER, "ts", ValueType.NUMBER));
    Frame frame = program.newFrame();
    long alerts = run(program, frame, WARM_UP);
    for (int round = 1; round <= 3; round++) {
      long start = System.nanoTime();
      alerts += run(program, frame, MEASURED);
      double ns = (System.nanoTime() - start) / (double) MEASURED;
      System.out.printf("round %d: %.2f ns/evaluation (%,d evaluations of 2 formulas)%n",
          round, ns, MEASURED);
    }
    System.out.println("(alerts: " + alerts + ")");
  }

  private static long run(Program program, Frame frame, int evaluations) {
    long alerts = 0;
    for (int i = 0; i < evaluations; i++) {
      frame.setNumber(0, 30 + (i & 15) * 0.7);
      program.evaluate(frame);
      if (frame.bool(1)) {
        alerts++;
      }
    }
    return alerts;
  }
}
