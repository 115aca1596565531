package dev.gyre.cli.internal;

import dev.gyre.spec.Durations;
import java.time.Duration;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads durations on the command line the way the spec writes them: {@code 500ms}, {@code 5s}. */
public final class DurationConverter implements ITypeConverter<Duration> {
  @Override
  public Duration convert(String value) {
    try {
      return Durations.parse(value);
    } catch (IllegalArgumentException e) {
      throw new TypeConversionException("'" + value + "' " + e.getMessage());
    }
  }
}
