package dev.gyre.functions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gyre.api.StageException;
import dev.gyre.functions.internal.LargeStack;
import java.net.URL;
import java.net.URLClassLoader;
import org.junit.jupiter.api.Test;

class LargeStackTest {

  private static int depth(int n) {
    return n == 0 ? 0 : 1 + depth(n - 1);
  }

  @Test
  void shouldRunARecursionTooDeepForADefaultThreadStack() {
    // About 100 bytes a frame: 200,000 frames need far more than the default 1 MB.
    assertThat(LargeStack.call("deep", () -> depth(200_000))).isEqualTo(200_000);
  }

  @Test
  void shouldRethrowWhatTheTaskThrows() {
    assertThatThrownBy(() -> LargeStack.call("failing", () -> {
      throw new StageException("model missing", false);
    })).isInstanceOf(StageException.class).hasMessage("model missing");
  }

  @Test
  void shouldKeepTheCallersContextClassLoaderForServiceLoader() {
    ClassLoader own = new URLClassLoader(new URL[0], getClass().getClassLoader());
    ClassLoader before = Thread.currentThread().getContextClassLoader();
    Thread.currentThread().setContextClassLoader(own);
    try {
      assertThat(LargeStack.call("loader", () -> Thread.currentThread().getContextClassLoader())).isSameAs(own);
    } finally {
      Thread.currentThread().setContextClassLoader(before);
    }
  }
}
