package dev.gyre.learn.bench;

import dev.gyre.api.Model;
import dev.gyre.learn.online.OnlineLearner;
import dev.gyre.learn.synthetic.Example;
import dev.gyre.learn.synthetic.PrequentialReport;
import dev.gyre.learn.synthetic.SeaDriftScenario;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * Measures the online learners (updates and predictions per second, median of 5 runs after 3 warm-up
 * runs over 200,000 SEA examples) and the learning loop on {@link SeaDriftScenario} (prequential
 * accuracy with and without learning, labels from the drift to the alert and to recovery). Writes
 * {@code results.md} to the directory in system property {@code gyre.learn.bench.dir}
 * (default {@code target/learn-bench}).
 *
 * <p>Run: {@code mvn -pl gyre-learn test-compile exec:java}
 */
public final class LearnBench {
  private static final int N = 200_000;

  private LearnBench() {}

  public static void main(String[] args) throws IOException {
    Example[] data = new Example[N];
    var sea = SeaDriftScenario.stream();
    for (int i = 0; i < N; i++) {
      data[i] = sea.next();
    }
    StringBuilder md = new StringBuilder("# Learning loop benchmark\n\n");
    md.append(String.format(Locale.ROOT, "Java %s, %d cores; %,d SEA examples per run, median of 5 runs after 3 "
        + "warm-up runs.%n%n| learner | updates/s | predictions/s (snapshot) |%n| --- | ---: | ---: |%n",
        System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(), N));
    md.append(throughput("FTRL-Proximal (2^18 slots)", SeaDriftScenario.ftrl(), data));
    md.append(throughput("Hoeffding tree (adaptive leaves)", SeaDriftScenario.tree(), data));

    md.append(String.format(Locale.ROOT, "%nSEA, abrupt drift at example %,d (concept θ=7 to θ=9.5, 10%% noise), "
        + "labels %d examples late, snapshot every %d labels, ADWIN(δ=0.002) on the served model's errors. "
        + "Accuracy is prequential over labelled predictions; recovery is the first %,d-example window that, with "
        + "the next, is within 2 points of the pre-drift accuracy (examples 10,000 to 20,000).%n%n",
        SeaDriftScenario.DRIFT_AT, SeaDriftScenario.LABEL_DELAY, SeaDriftScenario.SNAPSHOT_EVERY,
        SeaDriftScenario.WINDOW));
    md.append("| run | accuracy | before drift | after drift | drift to alert (labels) | drift to recovery (labels) |\n"
        + "| --- | ---: | ---: | ---: | ---: | ---: |\n");
    md.append(loop("Hoeffding, frozen after 5,000 labels (no learning)", SeaDriftScenario.tree(), 5000, false));
    md.append(loop("Hoeffding, learning", SeaDriftScenario.tree(), Long.MAX_VALUE, false));
    md.append(loop("Hoeffding, learning, retrain on alert", SeaDriftScenario.tree(), Long.MAX_VALUE, true));
    md.append(loop("FTRL, frozen after 5,000 labels (no learning)", SeaDriftScenario.ftrl(), 5000, false));
    md.append(loop("FTRL, learning", SeaDriftScenario.ftrl(), Long.MAX_VALUE, false));
    md.append(loop("FTRL, learning, retrain on alert", SeaDriftScenario.ftrl(), Long.MAX_VALUE, true));

    Path dir = Path.of(System.getProperty("gyre.learn.bench.dir", "target/learn-bench"));
    Files.createDirectories(dir);
    Files.writeString(dir.resolve("results.md"), md);
    System.out.println(md);
    System.out.println("written to " + dir.resolve("results.md").toAbsolutePath());
  }

  private static String throughput(String name, Supplier<OnlineLearner> factory, Example[] data) {
    double[] learn = new double[5];
    double[] predict = new double[5];
    long sink = 0;
    for (int run = -3; run < 5; run++) {
      OnlineLearner learner = factory.get();
      long t0 = System.nanoTime();
      for (Example e : data) {
        learner.learn(e.x(), e.label());
      }
      long t1 = System.nanoTime();
      Model model = learner.snapshot("bench");
      long t2 = System.nanoTime();
      for (Example e : data) {
        sink += model.predict(e.x()).label().length();
      }
      long t3 = System.nanoTime();
      if (run >= 0) {
        learn[run] = data.length / ((t1 - t0) / 1e9);
        predict[run] = data.length / ((t3 - t2) / 1e9);
      }
    }
    if (sink == 42) {
      System.out.print("");
    }
    return String.format(Locale.ROOT, "| %s | %,.0f | %,.0f |%n", name, median(learn), median(predict));
  }

  private static String loop(String name, Supplier<OnlineLearner> learner, long learnLabels, boolean retrain) {
    PrequentialReport r = SeaDriftScenario.run(learner, learnLabels, retrain);
    long drift = SeaDriftScenario.DRIFT_AT;
    double before = r.accuracy(10_000, drift);
    long alert = r.firstAlertAfter(drift);
    long recovered = r.recoveredAt(drift, before - 0.02);
    return String.format(Locale.ROOT, "| %s | %.3f | %.3f | %.3f | %s | %s |%n", name, r.accuracy(), before,
        r.accuracy(drift, SeaDriftScenario.EXAMPLES), alert < 0 ? "none" : String.format("%,d", alert - drift),
        recovered < 0 ? "not within " + String.format("%,d", SeaDriftScenario.EXAMPLES - drift)
            : String.format("%,d", recovered - drift));
  }

  private static double median(double[] v) {
    double[] s = v.clone();
    Arrays.sort(s);
    return s[s.length / 2];
  }
}
