package dev.gyre.learn.bench;

import dev.gyre.learn.drift.*;
import dev.gyre.learn.online.*;
import dev.gyre.learn.synthetic.*;
import java.time.Clock;
import java.util.List;

public class Explore {
  public static void main(String[] a) {
    List<String> in = List.of("x1", "x2", "x3");
    for (String kind : List.of("ftrl", "tree")) {
      for (boolean retrain : List.of(false, true)) {
        for (long learn : List.of(5000L, Long.MAX_VALUE)) {
          if (learn == 5000L && retrain) continue;
          for (String det : List.of("adwin", "ph")) {
            var stream = new SeaGenerator(42, 0.1, 3, 4, 20_000);
            java.util.function.Supplier<OnlineLearner> f = kind.equals("ftrl")
                ? () -> new FtrlLearner("sea", in, "0", "1", new FtrlLearner.Settings(Double.parseDouble(System.getProperty("alpha", "0.1")), 1, 0, 1, 18))
                : () -> new HoeffdingTreeLearner("sea", in, HoeffdingTreeLearner.Settings.defaults());
            ConceptDriftDetector d = det.equals("adwin") ? new Adwin(0.002) : new PageHinkley(0.005, Double.parseDouble(System.getProperty("lambda", "50")), 30);
            var r = Prequential.run(stream, f, new ErrorDriftMonitor(d, Clock.systemUTC()),
                new Prequential.Settings(40_000, 500, 1000, 100, learn, retrain));
            double pre = r.accuracy(10_000, 20_000);
            System.out.printf("%s retrain=%s learn=%s %s pre=%.3f post=%.3f alerts=%s recovered=%d windows=%s%n", kind, retrain,
                learn == 5000L ? "5000" : "all", det, pre, r.accuracy(20_000, 40_000), r.alerts(), r.recoveredAt(20_000, pre - 0.02),
                r.windowAccuracy().stream().map(x -> String.format("%.2f", x)).toList());
          }
        }
      }
    }
  }
}
