package dev.gyre.functions.internal;

import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * Runs a task on a thread of its own with a large stack, and waits for it.
 *
 * <p>Why: ONNX Runtime 1.29 creates its environment (on the first model load) with a native
 * recursion whose depth grows with the length of the process's command line. The Functions process
 * runtime puts the whole function config, inline spec included, on the instance's command line,
 * and the instance thread's default 1 MB stack then overflows: the JVM dies of SIGSEGV without an
 * error file. Measured on a 1 MB thread: 3,000 extra characters of command line load, 4,000 crash;
 * with a 64 MB stack, 6,000 load.
 */
public final class LargeStack {
  /** Reserved address space, committed only as far as the task uses it. */
  public static final long STACK_BYTES = 64L << 20;

  private LargeStack() {}

  /** Runs {@code task} with the caller's context class loader, rethrowing what it throws. */
  public static <T> T call(String threadName, Supplier<T> task) {
    AtomicReference<T> result = new AtomicReference<>();
    AtomicReference<Throwable> failure = new AtomicReference<>();
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    Thread thread = new Thread(null, () -> {
      try {
        result.set(task.get());
      } catch (Throwable t) {
        failure.set(t);
      }
    }, threadName, STACK_BYTES);
    thread.setContextClassLoader(loader);
    thread.start();
    try {
      thread.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for " + threadName, e);
    }
    Throwable t = failure.get();
    if (t instanceof RuntimeException r) {
      throw r;
    }
    if (t instanceof Error e) {
      throw e;
    }
    return result.get();
  }
}
