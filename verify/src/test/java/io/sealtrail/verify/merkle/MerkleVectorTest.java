package io.sealtrail.verify.merkle;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.function.Executable;

/** Every transparency-dev/merkle inclusion and consistency vector; see merkle-vectors/PROVENANCE.md. */
class MerkleVectorTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TestFactory
  Stream<DynamicTest> inclusionVectors() throws IOException, URISyntaxException {
    return vectors("inclusion", v -> () -> {
      boolean failed = fails(() -> InclusionProof.verify(
          v.get("leafIdx").asLong(), v.get("treeSize").asLong(),
          b64(v.get("leafHash")), hashes(v.get("proof")), b64(v.get("root"))));
      assertThat(failed).as(v.get("desc").asText()).isEqualTo(v.get("wantErr").asBoolean());
    });
  }

  @TestFactory
  Stream<DynamicTest> consistencyVectors() throws IOException, URISyntaxException {
    return vectors("consistency", v -> () -> {
      boolean failed = fails(() -> ConsistencyProof.verify(
          v.get("size1").asLong(), v.get("size2").asLong(),
          b64(v.get("root1")), b64(v.get("root2")), hashes(v.get("proof"))));
      assertThat(failed).as(v.get("desc").asText()).isEqualTo(v.get("wantErr").asBoolean());
    });
  }

  @TestFactory
  Stream<DynamicTest> allVectorFilesArePresent() throws IOException, URISyntaxException {
    // Guards against a resource copy that silently lost files (the provenance note says 98 + 98).
    return Stream.of(
        DynamicTest.dynamicTest("inclusion count", () -> assertThat(files("inclusion")).hasSize(98)),
        DynamicTest.dynamicTest("consistency count",
            () -> assertThat(files("consistency")).hasSize(98)));
  }

  private interface Check {
    void run() throws ProofException;
  }

  private interface Body {
    Executable of(JsonNode vector);
  }

  private static boolean fails(Check check) {
    try {
      check.run();
      return false;
    } catch (ProofException e) {
      return true;
    }
  }

  private static Stream<DynamicTest> vectors(String kind, Body body)
      throws IOException, URISyntaxException {
    Path root = root();
    return files(kind).stream().map(file -> {
      String name = root.relativize(file).toString().replace('\\', '/');
      // The path is repeated in the failure message: surefire reports dynamic tests by position.
      return DynamicTest.dynamicTest(name, () -> {
        try {
          body.of(JSON.readTree(file.toFile())).execute();
        } catch (AssertionError e) {
          throw new AssertionError(name + ": " + e.getMessage(), e);
        }
      });
    });
  }

  private static List<Path> files(String kind) throws IOException, URISyntaxException {
    try (Stream<Path> walk = Files.walk(root().resolve(kind))) {
      return walk.filter(p -> p.toString().endsWith(".json")).sorted().toList();
    }
  }

  private static Path root() throws URISyntaxException {
    return Path.of(MerkleVectorTest.class.getResource("/merkle-vectors").toURI());
  }

  private static byte[] b64(JsonNode node) {
    return node == null || node.isNull() ? null : Base64.getDecoder().decode(node.asText());
  }

  private static List<byte[]> hashes(JsonNode node) {
    List<byte[]> out = new ArrayList<>();
    if (node != null && !node.isNull()) {
      node.forEach(h -> out.add(b64(h)));
    }
    return out;
  }
}
