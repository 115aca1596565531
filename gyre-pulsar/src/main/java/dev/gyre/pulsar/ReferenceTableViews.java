package dev.gyre.pulsar;

import dev.gyre.api.StageException;
import dev.gyre.core.enrich.BytesReferenceTable;
import dev.gyre.core.enrich.ReferenceTables;
import java.util.ArrayList;
import java.util.List;
import org.apache.pulsar.client.api.PulsarClient;
import org.apache.pulsar.client.api.PulsarClientException;
import org.apache.pulsar.client.api.Schema;
import org.apache.pulsar.client.api.TableView;

/**
 * Backs a plan's reference tables ({@code enrich}) with Pulsar {@link TableView}s, one per topic in
 * this process, shared by every stage instance that reads it. {@link #open} returns once each view
 * has read its topic to the end, so the rows that exist when a pipeline starts are there before the
 * first event; after that each view follows its topic live (an empty value deletes a row). Closing
 * closes the views.
 */
final class ReferenceTableViews implements AutoCloseable {
  private final List<TableView<byte[]>> views = new ArrayList<>();

  private ReferenceTableViews() {}

  /**
   * Opens a view per table and binds it in {@code tables}.
   *
   * @throws StageException when a view cannot be created; the views opened so far are closed
   */
  static ReferenceTableViews open(PulsarClient client, ReferenceTables tables) {
    ReferenceTableViews opened = new ReferenceTableViews();
    for (String topic : tables.topics()) {
      try {
        TableView<byte[]> view = client.newTableView(Schema.BYTES).topic(topic).create();
        opened.views.add(view);
        tables.bind(topic, new BytesReferenceTable(view::get));
      } catch (PulsarClientException e) {
        opened.close();
        throw new StageException("cannot read the reference table " + topic + ": " + e.getMessage(), true, e);
      }
    }
    return opened;
  }

  /** How many views are open: one per table topic. */
  int size() {
    return views.size();
  }

  @Override
  public void close() {
    for (TableView<byte[]> view : views) {
      try {
        view.close();
      } catch (java.io.IOException e) {
        // stopping anyway: a view holds no state worth saving
      }
    }
    views.clear();
  }
}
