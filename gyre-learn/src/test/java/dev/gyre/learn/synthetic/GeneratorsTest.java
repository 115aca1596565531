package dev.gyre.learn.synthetic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class GeneratorsTest {

  @Test
  void seaShouldLabelByTheConceptOfItsIndexWithoutNoise() {
    SeaGenerator sea = new SeaGenerator(5, 0, 3, 4, 1000);
    for (int i = 0; i < 2000; i++) {
      Example e = sea.next();
      double theta = i < 1000 ? 7 : 9.5;
      assertThat(e.index()).isEqualTo(i);
      assertThat(e.label()).isEqualTo(e.x()[0] + e.x()[1] <= theta ? "1" : "0");
      assertThat(e.x()[2]).isBetween(0f, 10f);
    }
  }

  @Test
  void seaShouldFlipTheDeclaredShareOfLabels() {
    SeaGenerator noisy = new SeaGenerator(5, 0.1, 1, 1, Long.MAX_VALUE);
    int flipped = 0;
    for (int i = 0; i < 100_000; i++) {
      Example e = noisy.next();
      flipped += e.label().equals(e.x()[0] + e.x()[1] <= 8 ? "1" : "0") ? 0 : 1;
    }
    assertThat(flipped).isBetween(9_700, 10_300);
  }

  @Test
  void generatorsShouldRepeatTheirStreamForTheSameSeed() {
    SeaGenerator a = new SeaGenerator(7, 0.1, 1, 2, 10);
    SeaGenerator b = new SeaGenerator(7, 0.1, 1, 2, 10);
    RotatingHyperplane h1 = new RotatingHyperplane(7, 5, 0.001, 0.1, 0.05);
    RotatingHyperplane h2 = new RotatingHyperplane(7, 5, 0.001, 0.1, 0.05);
    for (int i = 0; i < 100; i++) {
      Example x = a.next();
      Example y = b.next();
      assertThat(x.x()).isEqualTo(y.x());
      assertThat(x.label()).isEqualTo(y.label());
      Example p = h1.next();
      Example q = h2.next();
      assertThat(p.x()).isEqualTo(q.x()).hasSize(5);
      assertThat(p.label()).isEqualTo(q.label());
    }
    assertThat(h1.inputs()).containsExactly("x1", "x2", "x3", "x4", "x5");
  }

  @Test
  void hyperplaneShouldBeBalancedAndLearnable() {
    RotatingHyperplane plane = new RotatingHyperplane(3, 4, 0, 0, 0);
    int positives = 0;
    for (int i = 0; i < 10_000; i++) {
      positives += plane.next().label().equals("1") ? 1 : 0;
    }
    assertThat(positives).isBetween(4_000, 6_000);
    PrequentialReport r = Prequential.run(new RotatingHyperplane(3, 4, 0, 0, 0),
        () -> new dev.gyre.learn.online.FtrlLearner("h", plane.inputs(), "0", "1",
            new dev.gyre.learn.online.FtrlLearner.Settings(0.5, 1, 0, 0.1, 18)),
        null, new Prequential.Settings(10_000, 0, 1000, 50, Long.MAX_VALUE, false));
    assertThat(r.windowAccuracy().get(9)).isGreaterThan(0.9);
  }

  @Test
  void shouldRefuseImpossibleSettings() {
    assertThatThrownBy(() -> new SeaGenerator(1, 0.5, 1, 2, 0)).hasMessageContaining("0 <= noise < 0.5");
    assertThatThrownBy(() -> new RotatingHyperplane(1, 1, 0, 0, 0)).hasMessageContaining("dims >= 2");
  }
}
