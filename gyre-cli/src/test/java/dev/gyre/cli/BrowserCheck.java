package dev.gyre.cli;

import static org.assertj.core.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@code src/test/browser/check-dashboard.mjs} in Node with playwright-core against a real
 * headless Chromium. The script and its lock file are copied to {@code target/browser}, where
 * {@code npm ci} installs playwright-core once per change of the lock file, so {@code node_modules}
 * lives under {@code target/} and {@code mvn clean} removes it. playwright-core never downloads a
 * browser; Chromium comes from the system ({@code apt-get install -y chromium}) or
 * {@code GYRE_CHROMIUM}.
 */
final class BrowserCheck {
  private static final Path SOURCE = Path.of("src", "test", "browser");
  private static final Path WORK = Path.of("target", "browser");
  private static final List<String> FILES = List.of("package.json", "package-lock.json", "check-dashboard.mjs");

  /** What the check printed and how it ended. */
  record Result(int exitCode, String out, String err) {}

  private BrowserCheck() {}

  /**
   * The Chromium to drive. On a fresh machine the project installs Debian's package itself (as root,
   * with apt-get, as CI runs), so the test command stays {@code mvn verify}; elsewhere it fails the
   * test with how to install it.
   */
  static Path chromium() throws Exception {
    String configured = System.getenv("GYRE_CHROMIUM");
    Path path = Path.of(configured == null || configured.isBlank() ? "/usr/bin/chromium" : configured);
    if (!Files.isExecutable(path) && configured == null && "root".equals(System.getProperty("user.name"))
        && Files.isExecutable(Path.of("/usr/bin/apt-get"))) {
      Files.createDirectories(WORK);
      Result apt = run(List.of("sh", "-c", "apt-get update -qq && DEBIAN_FRONTEND=noninteractive"
          + " apt-get install -y -qq chromium"), 900);
      if (apt.exitCode() != 0) {
        fail("installing Debian's chromium failed:\n" + apt.out() + apt.err());
      }
    }
    if (!Files.isExecutable(path)) {
      fail("DashboardIT drives a real headless Chromium, and there is none at " + path + ". Install Debian's: "
          + "`apt-get install -y chromium` (as root), or set GYRE_CHROMIUM to a Chromium or Chrome binary.");
    }
    return path;
  }

  /** Copies the script to target/browser and runs {@code npm ci} there unless the same lock file is installed. */
  static void install() throws Exception {
    Files.createDirectories(WORK);
    for (String file : FILES) {
      Files.copy(SOURCE.resolve(file), WORK.resolve(file), StandardCopyOption.REPLACE_EXISTING);
    }
    Path stamp = WORK.resolve("node_modules").resolve(".gyre-installed-lock.json");
    String lock = Files.readString(WORK.resolve("package-lock.json"));
    if (Files.isRegularFile(stamp) && Files.readString(stamp).equals(lock)) {
      return;
    }
    Result npm = run(List.of("npm", "ci", "--no-audit", "--no-fund"), 300);
    if (npm.exitCode() != 0) {
      fail("`npm ci` in " + WORK.toAbsolutePath() + " failed (Node.js 20+ and npm are needed, and the npm registry):\n"
          + npm.out() + npm.err());
    }
    Files.writeString(stamp, lock);
  }

  /** Runs the check against {@code url}; the arguments are those of check-dashboard.mjs. */
  static Result check(String url, Path chromium, String... arguments) throws Exception {
    List<String> command = new ArrayList<>(List.of("node", "check-dashboard.mjs", "--url", url,
        "--chromium", chromium.toString()));
    command.addAll(List.of(arguments));
    return run(command, 180);
  }

  private static Result run(List<String> command, int timeoutSeconds) throws Exception {
    Path out = Files.createTempFile("gyre-browser", ".out");
    Path err = Files.createTempFile("gyre-browser", ".err");
    ProcessBuilder builder = new ProcessBuilder(command).directory(WORK.toFile())
        .redirectOutput(out.toFile()).redirectError(err.toFile());
    builder.environment().put("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
    Process process;
    try {
      process = builder.start();
    } catch (java.io.IOException e) {
      throw new AssertionError("cannot run `" + command.get(0) + "`: DashboardIT needs Node.js 20+ and npm on the PATH", e);
    }
    if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      fail("`" + String.join(" ", command) + "` did not finish within " + timeoutSeconds + " s:\n"
          + Files.readString(out) + Files.readString(err));
    }
    Result result = new Result(process.exitValue(), Files.readString(out), Files.readString(err));
    Files.deleteIfExists(out);
    Files.deleteIfExists(err);
    return result;
  }
}
