package dev.gyre.bench;

import dev.gyre.spec.SpecDocument;
import dev.gyre.spec.SpecLoader;
import java.nio.file.Path;

/**
 * The pipeline spec under test as text, moved to a tenant of the bench's own: every topic
 * {@code persistent://<tenant>/...} of the spec becomes {@code persistent://<newTenant>/...}, so a
 * scenario never meets the data of {@code gyre demo} or of another scenario.
 *
 * @param yaml   the spec as written
 * @param dir    the spec's directory, against which model paths resolve
 * @param tenant the tenant its topics use, e.g. {@code ml}
 */
public record BenchSpec(String yaml, Path dir, String tenant) {

  /** The spec's text with its topics in {@code newTenant}. */
  public String yamlIn(String newTenant) {
    return yaml.replace("persistent://" + tenant + "/", "persistent://" + newTenant + "/");
  }

  /** The spec loaded with its topics in {@code newTenant}. */
  public SpecDocument documentIn(String newTenant) {
    return SpecLoader.parse(yamlIn(newTenant), dir);
  }
}
