package dev.gyre.train;

import dev.gyre.api.ModelException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;

/**
 * Labelled rows of numeric features, checked and copied on construction.
 *
 * <p>Feature names must be distinct and non-blank; labels non-blank. Neither may contain a comma,
 * because both are stored comma-separated in the exported model's metadata. Every row has one
 * finite value per feature name, in that order.
 *
 * @param featureNames the features, in the order of each row's values (and of the model's input)
 * @param rows         the feature values; copied, and {@link #rows()} returns copies
 * @param labels       one class label per row
 * @throws ModelException listing the first problems found, with row numbers (0-based)
 */
public record TrainingSet(List<String> featureNames, List<float[]> rows, List<String> labels) {

  public TrainingSet {
    featureNames = List.copyOf(featureNames);
    labels = List.copyOf(labels);
    List<String> problems = new ArrayList<>();
    if (featureNames.isEmpty()) {
      problems.add("there must be at least one feature");
    }
    if (labels.isEmpty()) {
      problems.add("there must be at least one row");
    }
    checkNames(featureNames, "feature name", problems);
    if (new HashSet<>(featureNames).size() != featureNames.size()) {
      problems.add("feature names " + featureNames + " must be distinct");
    }
    if (rows.size() != labels.size()) {
      problems.add("there are " + rows.size() + " rows but " + labels.size() + " labels");
    }
    List<float[]> copies = new ArrayList<>(rows.size());
    for (int r = 0; r < rows.size() && problems.size() < 10; r++) {
      float[] row = Objects.requireNonNull(rows.get(r), "row");
      if (row.length != featureNames.size()) {
        problems.add("row " + r + " has " + row.length + " values but there are " + featureNames.size() + " features");
      }
      for (int c = 0; c < row.length && c < featureNames.size(); c++) {
        if (!Float.isFinite(row[c])) {
          problems.add("row " + r + " feature '" + featureNames.get(c) + "' was " + row[c] + " but it must be finite");
        }
      }
      copies.add(row.clone());
    }
    checkNames(labels, "label", problems);
    if (!problems.isEmpty()) {
      throw new ModelException("invalid training set: " + String.join("; ", problems));
    }
    rows = List.copyOf(copies);
  }

  private static void checkNames(List<String> names, String what, List<String> problems) {
    for (int i = 0; i < names.size() && problems.size() < 10; i++) {
      String name = names.get(i);
      if (name.isBlank() || name.contains(",") || !name.equals(name.strip())) {
        problems.add(what + " " + i + " was '" + name
            + "' but it must be non-blank, without commas or surrounding spaces");
      }
    }
  }

  /** Copies of the rows; use {@link #value(int, int)} to read without copying. */
  @Override
  public List<float[]> rows() {
    return rows.stream().map(float[]::clone).toList();
  }

  /** The number of rows. */
  public int size() {
    return labels.size();
  }

  /** The value of feature {@code column} in row {@code row}. */
  public float value(int row, int column) {
    return rows.get(row)[column];
  }
}
