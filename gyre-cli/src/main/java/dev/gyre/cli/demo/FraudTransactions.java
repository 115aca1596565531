package dev.gyre.cli.demo;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Synthetic card transactions for {@code examples/fraud}, deterministic for a seed. Each card has its
 * own typical amount (log-normal around 27), its own rate (1 to 8 a day) and a few usual merchants
 * (90% of its purchases). About 3% of cards suffer one fraud episode of one of three patterns, every
 * transaction of which is labelled fraud: a <em>burst</em> (6 to 15 purchases 5 to 40 s apart at random
 * merchants), an <em>unusual amount</em> (1 or 2 purchases of 8 to 20 times the card's typical amount),
 * or <em>many merchants</em> (5 to 10 purchases within about 30 minutes, each at a new merchant).
 * Transactions come out in time order, with ids {@code tx-000001}, ... in that order.
 */
public final class FraudTransactions {
  /** One transaction; {@code ts} in epoch milliseconds. */
  public record Tx(String txId, String card, double amount, String merchant, long ts, boolean fraud) {
    public String json() {
      return String.format(Locale.ROOT, "{\"txId\":\"%s\",\"card\":\"%s\",\"amount\":%.2f,\"merchant\":\"%s\",\"ts\":%d}",
          txId, card, amount, merchant, ts);
    }
  }

  /** Monday 5 January 2026, 00:00 UTC. */
  public static final long START = 1_767_571_200_000L;
  private static final int MERCHANTS = 500;
  private static final long DAY = 86_400_000L;

  private FraudTransactions() {}

  public static List<Tx> generate(int cards, int days, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    List<Tx> all = new ArrayList<>();
    long end = START + days * DAY;
    for (int c = 0; c < cards; c++) {
      String card = String.format(Locale.ROOT, "card-%05d", c);
      double typical = Math.exp(3.3 + 0.6 * gaussian(random));
      double perDay = 1 + 7 * random.nextDouble();
      int[] usual = new int[5 + random.nextInt(8)];
      for (int i = 0; i < usual.length; i++) {
        usual[i] = random.nextInt(MERCHANTS);
      }
      for (long t = START + exponential(random, DAY / perDay); t < end; t += exponential(random, DAY / perDay)) {
        String merchant = merchant(random.nextDouble() < 0.9 ? usual[random.nextInt(usual.length)]
            : random.nextInt(MERCHANTS));
        all.add(new Tx(null, card, cents(typical * Math.exp(0.4 * gaussian(random))), merchant, t, false));
      }
      if (random.nextDouble() < 0.03) {
        episode(random, card, typical, START + (long) (random.nextDouble() * (end - START - DAY)), all);
      }
    }
    all.sort(Comparator.comparingLong(Tx::ts).thenComparing(Tx::card));
    List<Tx> numbered = new ArrayList<>(all.size());
    for (int i = 0; i < all.size(); i++) {
      Tx tx = all.get(i);
      numbered.add(new Tx(String.format(Locale.ROOT, "tx-%06d", i + 1), tx.card(), tx.amount(), tx.merchant(), tx.ts(),
          tx.fraud()));
    }
    return numbered;
  }

  private static void episode(SplittableRandom random, String card, double typical, long at, List<Tx> out) {
    switch (random.nextInt(3)) {
      case 0 -> {
        int n = 6 + random.nextInt(10);
        for (int i = 0; i < n; i++, at += 5_000 + random.nextInt(35_000)) {
          out.add(new Tx(null, card, cents(typical * (0.3 + random.nextDouble())), merchant(random.nextInt(MERCHANTS)),
              at, true));
        }
      }
      case 1 -> {
        int n = 1 + random.nextInt(2);
        for (int i = 0; i < n; i++, at += 60_000 + random.nextInt(600_000)) {
          out.add(new Tx(null, card, cents(typical * (8 + 12 * random.nextDouble())), merchant(random.nextInt(MERCHANTS)),
              at, true));
        }
      }
      default -> {
        int n = 5 + random.nextInt(6);
        for (int i = 0; i < n; i++, at += 60_000 + random.nextInt(300_000)) {
          out.add(new Tx(null, card, cents(typical * Math.exp(0.4 * gaussian(random))), merchant(MERCHANTS + i), at, true));
        }
      }
    }
  }

  private static String merchant(int m) {
    return "m-" + m;
  }

  private static double cents(double amount) {
    return Math.max(0.5, Math.round(amount * 100) / 100.0);
  }

  private static long exponential(SplittableRandom random, double mean) {
    return 1 + (long) (-Math.log(1 - random.nextDouble()) * mean);
  }

  private static double gaussian(SplittableRandom random) {
    return Math.sqrt(-2 * Math.log(1 - random.nextDouble())) * Math.cos(2 * Math.PI * random.nextDouble());
  }
}
