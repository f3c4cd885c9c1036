package cn.huiyin.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

/**
 * What {@code kubectl kustomize <dir>} renders for the features our kustomization uses: the files named under
 * {@code resources}, each possibly holding several documents, with {@code namespace} set on every namespaced object.
 * Anything else in the kustomization is refused, so a feature added there is not silently left unchecked.
 */
record Kustomization(Path dir, List<String> resources, List<ObjectNode> objects) {

    private static final YAMLMapper YAML = new YAMLMapper();
    /** The only kind in our files that is cluster-scoped: kustomize leaves its namespace alone. */
    private static final List<String> CLUSTER_SCOPED = List.of("Namespace");
    private static final List<String> UNDERSTOOD = List.of("apiVersion", "kind", "namespace", "resources");

    static Kustomization render(Path dir) {
        JsonNode kustomization = readAll(dir.resolve("kustomization.yaml")).get(0);
        kustomization.fieldNames().forEachRemaining(field -> {
            if (!UNDERSTOOD.contains(field)) {
                throw new IllegalStateException("kustomization.yaml uses '" + field + "', which this rendering does not do");
            }
        });
        String namespace = kustomization.path("namespace").asText(null);
        List<String> resources = StreamSupport.stream(kustomization.path("resources").spliterator(), false)
                .map(JsonNode::asText).toList();
        List<ObjectNode> objects = new ArrayList<>();
        for (String resource : resources) {
            for (JsonNode document : readAll(dir.resolve(resource))) {
                if (!(document instanceof ObjectNode object)) {
                    throw new IllegalStateException(resource + ": a document that is not a mapping");
                }
                if (namespace != null && !CLUSTER_SCOPED.contains(object.path("kind").asText())) {
                    object.withObjectProperty("metadata").put("namespace", namespace);
                }
                objects.add(object);
            }
        }
        return new Kustomization(dir, resources, objects);
    }

    /** Every document of a YAML file, empty ones (a comment alone, a trailing {@code ---}) left out. */
    static List<JsonNode> readAll(Path file) {
        try (MappingIterator<JsonNode> documents = YAML.readerFor(JsonNode.class).readValues(Files.readString(file))) {
            List<JsonNode> all = new ArrayList<>();
            while (documents.hasNextValue()) {
                JsonNode document = documents.nextValue();
                if (document != null && !document.isNull() && !document.isMissingNode()) {
                    all.add(document);
                }
            }
            return all;
        } catch (IOException e) {
            throw new UncheckedIOException(file + " does not parse", e);
        }
    }

    Optional<ObjectNode> find(String kind, String name) {
        return objects.stream().filter(o -> o.path("kind").asText().equals(kind))
                .filter(o -> o.path("metadata").path("name").asText().equals(name)).findFirst();
    }

    ObjectNode get(String kind, String name) {
        return find(kind, name).orElseThrow(() -> new AssertionError("no " + kind + " " + name + " in " + resources));
    }

    List<ObjectNode> all(String kind) {
        return objects.stream().filter(o -> o.path("kind").asText().equals(kind)).toList();
    }
}
