package uk.socialprescribing.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

/** The repository's k8s/ overlays as {@code kubectl kustomize} renders them, one JSON tree per object. */
final class Manifests {

    static final Path REPO = Path.of("..").toAbsolutePath().normalize();
    static final Path K8S = REPO.resolve("k8s");
    static final ObjectMapper YAML = YAMLMapper.builder(new YAMLFactory().disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES).enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)).build();
    static final List<String> OVERLAYS = List.of("dev", "prod");

    private static final Map<String, List<ObjectNode>> RENDERED = new ConcurrentHashMap<>();

    private Manifests() {
    }

    /** Every object of an overlay, rendered once per test run. */
    static List<ObjectNode> render(String overlay) {
        return RENDERED.computeIfAbsent(overlay, Manifests::kustomize);
    }

    static List<ObjectNode> ofKind(String overlay, String kind) {
        return render(overlay).stream().filter(o -> kind.equals(o.path("kind").asText())).toList();
    }

    private static List<ObjectNode> kustomize(String overlay) {
        Path out;
        try {
            out = Files.createTempFile("kustomize-" + overlay, ".yaml");
            Process process;
            try {
                process = new ProcessBuilder("kubectl", "kustomize", K8S.resolve("overlays").resolve(overlay).toString())
                        .redirectOutput(out.toFile()).redirectErrorStream(false).start();
            } catch (IOException e) {
                fail("kubectl is needed to render k8s/ (kubectl v1.32 with kustomize v5; it is at /usr/bin/kubectl on this machine kind): "
                        + e.getMessage());
                throw new IllegalStateException(e);
            }
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                fail("kubectl kustomize k8s/overlays/" + overlay + " did not finish within two minutes");
            }
            String errors = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(0, process.exitValue(), "kubectl kustomize k8s/overlays/" + overlay + " failed: " + errors);
            List<ObjectNode> objects = new ArrayList<>();
            try (var parser = YAML.getFactory().createParser(out.toFile())) {
                for (var it = YAML.readValues(parser, JsonNode.class); it.hasNext();) {
                    JsonNode node = it.next();
                    if (node != null && node.isObject()) {
                        objects.add((ObjectNode) node);
                    }
                }
            }
            Files.delete(out);
            return objects;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String name(JsonNode object) {
        return object.path("kind").asText() + "/" + object.path("metadata").path("name").asText();
    }
}
