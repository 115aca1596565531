package dev.gyre.train.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class TreeEnsembleExportTest {

  @Test
  void shouldSendEveryFloatTheWayTribuoSendsItAtADoubleThreshold() {
    Random random = new Random(9);
    for (int i = 0; i < 100_000; i++) {
      float a = (float) random.nextGaussian();
      float b = random.nextBoolean() ? Math.nextUp(a) : (float) random.nextGaussian();
      double threshold = ((double) a + b) / 2;   // how CART places a split between two values
      float f = TreeEnsembleExport.floatAtOrBelow(threshold);
      for (float x : new float[] {a, b, f, Math.nextUp(f), Math.nextDown(f)}) {
        assertThat(x <= f).as("x %s, threshold %s", x, threshold).isEqualTo(!(x > threshold));
      }
    }
  }

  @Test
  void shouldKeepThresholdsThatAreFloatsAlready() {
    assertThat(TreeEnsembleExport.floatAtOrBelow(0.5)).isEqualTo(0.5f);
    assertThat(TreeEnsembleExport.floatAtOrBelow(0.1)).isEqualTo(Math.nextDown(0.1f));
  }
}
