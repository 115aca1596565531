package dev.gyre.registry;

import dev.gyre.api.ModelException;
import dev.gyre.api.SpecException;
import dev.gyre.api.SpecProblem;
import dev.gyre.api.StageException;
import dev.gyre.registry.internal.Payloads;
import dev.gyre.registry.internal.RecordJson;
import dev.gyre.registry.internal.RegistryTopics;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.UnaryOperator;
import org.apache.pulsar.client.admin.PulsarAdmin;
import org.apache.pulsar.client.api.Producer;
import org.apache.pulsar.client.api.ProducerAccessMode;
import org.apache.pulsar.client.api.PulsarClient;
import org.apache.pulsar.client.api.PulsarClientException;
import org.apache.pulsar.client.api.Schema;
import org.apache.pulsar.client.api.TableView;

/**
 * A model registry kept in one Pulsar namespace: versions of models (their files checked and
 * stored), and per model a {@link Channel} saying which versions serve. Score stages whose spec
 * names the namespace as {@code model.registry} follow the channels while they run.
 *
 * <p>Reads come from live table views of the record topics. Every change takes the record topic's
 * exclusive producer first ({@link ProducerAccessMode#WaitForExclusive}), then reads the latest
 * state and writes the new one, so concurrent changes from several machines are applied one after
 * the other and none is lost. Versions are immutable: pushing an existing version with other bytes
 * is refused.
 *
 * <p>Thread-safe. The caller owns the client and admin and closes them after this registry.
 *
 * <pre>{@code
 * try (ModelRegistry registry = ModelRegistry.open(client, admin, "ml/models", Clock.systemUTC())) {
 *   registry.push(new PushRequest("churn", "3", "onnx", Path.of("churn.onnx")), ModelLoader.serviceLoader());
 *   registry.promote("churn", "3");
 * }
 * }</pre>
 */
public final class ModelRegistry implements AutoCloseable {
  private final PulsarClient client;
  private final PulsarAdmin admin;
  private final RegistryTopics topics;
  private final Clock clock;
  private final TableView<byte[]> versions;
  private final TableView<byte[]> channels;

  private ModelRegistry(PulsarClient client, PulsarAdmin admin, RegistryTopics topics, Clock clock)
      throws PulsarClientException {
    this.client = client;
    this.admin = admin;
    this.topics = topics;
    this.clock = clock;
    this.versions = client.newTableView(Schema.BYTES).topic(topics.versions()).create();
    try {
      this.channels = client.newTableView(Schema.BYTES).topic(topics.channels()).create();
    } catch (PulsarClientException e) {
      versions.closeAsync();
      throw e;
    }
  }

  /**
   * Opens the registry in {@code namespace}, creating its tenant, namespace and topics if missing.
   *
   * @param admin used to create the topics and to compact them after changes; null opens an
   *              existing registry read-only
   * @throws StageException when Pulsar cannot be reached (retriable)
   */
  public static ModelRegistry open(PulsarClient client, PulsarAdmin admin, String namespace, Clock clock) {
    RegistryTopics topics = RegistryTopics.of(Names.namespace(namespace));
    if (admin != null) {
      topics.provision(admin);
    }
    try {
      return new ModelRegistry(client, admin, topics, clock);
    } catch (PulsarClientException e) {
      throw new StageException("cannot read the model registry " + namespace + ": " + e.getMessage(), true, e);
    }
  }

  /** The namespace this registry lives in. */
  public String namespace() {
    return topics.namespace();
  }

  /**
   * Checks a model file and stores it as a new version; see {@link Push} for the checks.
   *
   * @return the version stored, or the one already stored if the same file was pushed before
   * @throws ModelException if the file is refused or the version exists with other bytes
   */
  public PushResult push(PushRequest request, dev.gyre.core.plan.ModelLoader loader) {
    return new Push(this, request, loader, clock).run();
  }

  /** Every version of {@code name}, oldest push first. */
  public List<ModelVersion> versions(String name) {
    return versions.values().stream().map(RecordJson::version).filter(v -> v.name().equals(name))
        .sorted(Comparator.comparing(ModelVersion::pushedAt)).toList();
  }

  /** Names of the models with at least one version, sorted. */
  public List<String> models() {
    return versions.values().stream().map(RecordJson::version).map(ModelVersion::name).distinct().sorted().toList();
  }

  public Optional<ModelVersion> version(String name, String version) {
    byte[] record = versions.get(ModelVersion.key(name, version));
    return Optional.ofNullable(record).map(RecordJson::version);
  }

  /** The version, or a {@link SpecException} naming the versions there are. */
  public ModelVersion require(String name, String version) {
    return version(name, version).orElseThrow(() -> new SpecException(new SpecProblem("VERSION", 0, version,
        "is not a version of model '" + name + "' in the registry " + namespace() + "; "
            + (versions(name).isEmpty() ? "it has no versions (gyre model push)"
            : "versions: " + String.join(", ", versions(name).stream().map(ModelVersion::version).toList())))));
  }

  /** Which versions of {@code name} serve; {@link Channel#empty} before the first promotion. */
  public Channel channel(String name) {
    byte[] record = channels.get(name);
    return record == null ? Channel.empty(name) : RecordJson.channel(record);
  }

  /** Makes {@code version} the champion. Returns the channel unchanged if it is already. */
  public Channel promote(String name, String version) {
    require(name, version);
    return change(name, c -> version.equals(c.champion()) ? c : c.promote(version, clock.instant(), Names.user()));
  }

  /** Makes the previous champion the champion again. */
  public Channel rollback(String name) {
    return change(name, c -> c.rollback(clock.instant(), Names.user()));
  }

  /** Routes {@code share} of the keys to {@code version}; share 0 ends the canary ({@code version} may be null then). */
  public Channel canary(String name, String version, double share) {
    if (!(share >= 0 && share <= 1)) {
      throw new SpecException(new SpecProblem("--share", 0, Double.toString(share),
          "is not a share of keys from 0 to 1; 0.1 routes 10% of keys to the canary, 0 ends the canary"));
    }
    if (share != 0) {
      require(name, version);
    }
    return change(name, c -> c.canary(version == null ? "" : version, share, clock.instant(), Names.user()));
  }

  /** Makes {@code version} score every event into the shadow topic; {@code null} ends the shadow. */
  public Channel shadow(String name, String version) {
    if (version != null) {
      require(name, version);
    }
    return change(name, c -> c.shadow(version, clock.instant(), Names.user()));
  }

  /** Calls {@code listener} with each model's channel as it changes (and not with the current ones). */
  public void listen(BiConsumer<String, Channel> listener) {
    channels.listen((name, record) -> listener.accept(name, record == null ? Channel.empty(name)
        : RecordJson.channel(record)));
  }

  /** Reads a version's file and checks its size and SHA-256 against the record. */
  public byte[] fetch(ModelVersion version, long maxBytes) {
    byte[] bytes = Payloads.read(client, topics.payloads(), version.payload());
    ModelFiles.check("model '" + version.name() + "' version " + version.version() + " from the registry",
        bytes, version.format(), maxBytes, version.sha256());
    return bytes;
  }

  /** Reads the record topics up to their ends, so that reads see every change made so far. */
  public void refresh() {
    try {
      versions.refresh();
      channels.refresh();
    } catch (PulsarClientException e) {
      throw new StageException("cannot read the model registry " + namespace() + ": " + e.getMessage(), true, e);
    }
  }

  RegistryTopics topics() {
    return topics;
  }

  PulsarClient client() {
    return client;
  }

  PulsarAdmin admin() {
    if (admin == null) {
      throw new IllegalStateException("the registry was opened read-only");
    }
    return admin;
  }

  TableView<byte[]> versionTable() {
    return versions;
  }

  /** Opens the exclusive producer of a record topic: while it is open, nobody else changes that topic. */
  Producer<byte[]> exclusive(String topic) {
    try {
      return client.newProducer(Schema.BYTES).topic(topic).accessMode(ProducerAccessMode.WaitForExclusive)
          .enableBatching(false).create();
    } catch (PulsarClientException e) {
      throw new StageException("cannot write to the model registry " + namespace() + ": " + e.getMessage(), true, e);
    }
  }

  private Channel change(String name, UnaryOperator<Channel> change) {
    admin();
    try (Producer<byte[]> writer = exclusive(topics.channels())) {
      channels.refresh();
      Channel before = channel(name);
      Channel after;
      try {
        after = change.apply(before);
      } catch (IllegalStateException e) {
        throw new ModelException(e.getMessage());
      }
      if (after != before) {
        writer.newMessage().key(name).value(RecordJson.write(after)).send();
        channels.refresh();
        RegistryTopics.compact(admin, topics.channels());
      }
      return after;
    } catch (PulsarClientException e) {
      throw new StageException("cannot write to the model registry " + namespace() + ": " + e.getMessage(), true, e);
    }
  }

  @Override
  public void close() {
    try {
      versions.close();
      channels.close();
    } catch (java.io.IOException e) {
      // closing anyway
    }
  }
}
