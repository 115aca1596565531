package dev.gyre.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gyre.api.ModelException;
import java.io.ByteArrayOutputStream;
import java.io.ObjectOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelFilesTest {
  @TempDir
  static Path dir;
  static Path model;
  static byte[] bytes;

  @BeforeAll
  static void train() throws Exception {
    model = TestModels.train(dir.resolve("m.onnx"), "m", "1", List.of("x", "y"), 1);
    bytes = Files.readAllBytes(model);
  }

  private static ModelFiles.Checked check(byte[] file) {
    return ModelFiles.check("model 'm' version 1", file, "onnx", ModelFiles.DEFAULT_MAX_BYTES, null);
  }

  @Test
  void shouldAcceptATrainedOnnxModelAndReadItsMetadata() {
    ModelFiles.Checked checked = ModelFiles.check("m", bytes, "onnx", bytes.length, ModelFiles.sha256(bytes));

    assertThat(checked.sizeBytes()).isEqualTo(bytes.length);
    assertThat(checked.sha256()).hasSize(64).isEqualTo(ModelFiles.sha256(bytes));
    assertThat(checked.metadata()).containsEntry("gyre.inputs", "x,y").containsEntry("gyre.labels", "no,yes")
        .containsKey("gyre.training.report");
    assertThat(checked.producer()).startsWith("Tribuo");
  }

  @Test
  void shouldRefuseAFileOverTheSizeLimit() {
    assertThatThrownBy(() -> ModelFiles.check("model 'm' version 1", bytes, "onnx", bytes.length - 1, null))
        .isInstanceOf(ModelException.class)
        .hasMessage("model 'm' version 1 is refused: it is " + bytes.length + " bytes, more than the limit of "
            + (bytes.length - 1) + ". Check that this is the intended model, or raise the limit (--max-bytes).");
  }

  @Test
  void shouldRefuseAFileWhoseSha256IsNotTheOneExpected() {
    String other = ModelFiles.sha256("other".getBytes(StandardCharsets.UTF_8));

    assertThatThrownBy(() -> ModelFiles.check("m", bytes, "onnx", bytes.length, other))
        .isInstanceOf(ModelException.class)
        .hasMessageContaining("has the SHA-256 " + ModelFiles.sha256(bytes) + " but " + other + " was expected");
  }

  @Test
  void shouldRefuseAPythonPickle() {
    byte[] pickle = {(byte) 0x80, 4, (byte) 0x95, 0, 0, 0, 0, 0, 0, 0, 0, 0x7d, (byte) 0x94, 0x2e};

    assertThatThrownBy(() -> check(pickle)).isInstanceOf(ModelException.class)
        .hasMessageContaining("is a Python pickle (protocol 4), a format that runs code when it is read");
  }

  @Test
  void shouldRefuseAJavaSerializationStream() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ObjectOutputStream objects = new ObjectOutputStream(out)) {
      objects.writeObject(List.of(1.0, 2.0));
    }

    assertThatThrownBy(() -> check(out.toByteArray())).isInstanceOf(ModelException.class)
        .hasMessageContaining("is a Java serialization stream, a format that runs code when it is read");
  }

  @Test
  void shouldRefuseAZipArchiveHoldingAPickleAsPyTorchWritesThem() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(out)) {
      zip.putNextEntry(new ZipEntry("archive/data.pkl"));
      zip.write(new byte[] {(byte) 0x80, 2, 0x2e});
      zip.closeEntry();
    }

    assertThatThrownBy(() -> ModelFiles.check("m", out.toByteArray(), "pt", 1 << 20, null))
        .hasMessageContaining("is a zip archive holding the Python pickle 'archive/data.pkl'");
  }

  @Test
  void shouldRefuseExternalDataOutsideTheModel() throws Exception {
    for (String location : List.of("../../etc/passwd", "/etc/passwd", "weights/../../secret.bin", "C:\\keys.bin")) {
      byte[] file = Files.readAllBytes(TestModels.withExternalData(model, dir.resolve("ext.onnx"), location));

      assertThatThrownBy(() -> check(file)).as(location).isInstanceOf(ModelException.class)
          .hasMessageContaining("whose data is at '" + location + "', a path outside the model");
    }
  }

  @Test
  void shouldRefuseExternalDataInASeparateFileTheRegistryDoesNotStore() throws Exception {
    byte[] file = Files.readAllBytes(TestModels.withExternalData(model, dir.resolve("ext.onnx"), "weights.bin"));

    assertThatThrownBy(() -> check(file)).isInstanceOf(ModelException.class)
        .hasMessageContaining("in a separate file 'weights.bin', which is not stored with the model");
  }

  @Test
  void shouldRefuseBytesThatAreNotOnnx() {
    byte[] text = "{\"weights\": [1, 2, 3]}".getBytes(StandardCharsets.UTF_8);

    assertThatThrownBy(() -> check(text)).isInstanceOf(ModelException.class)
        .hasMessageStartingWith("model 'm' version 1 is refused: it is not a well-formed ONNX file (");
  }

  @Test
  void shouldRefuseAnOnnxFileCutShort() {
    byte[] cut = java.util.Arrays.copyOf(bytes, bytes.length / 2);

    assertThatThrownBy(() -> check(cut)).isInstanceOf(ModelException.class)
        .hasMessageContaining("is not a well-formed ONNX file");
  }
}
