package cn.huiyin.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import cn.huiyin.notify.wechat.WechatConfig;

/**
 * The Kubernetes manifests in {@code k8s/} as {@code kubectl kustomize k8s} renders them, against the application they
 * deploy: every listed file is there and parses, the backing services (CloudNativePG, Redis, Strimzi Kafka) are the
 * ones the configuration points at, probes and ports are the ones the service serves, and every environment variable
 * the Deployment hands the service sets a property the service reads (a misspelt name would be ignored silently).
 */
class KubernetesManifestsTest {

    private static final Path K8S = Path.of("k8s");
    private static final Path PROPERTIES = Path.of("src", "main", "resources", "application.properties");
    private static final Path DOCKERFILE = Path.of("src", "main", "docker", "Dockerfile.jvm");
    /** Read by the base image's run-java.sh, not by the service. */
    private static final Set<String> IMAGE_VARIABLES = Set.of("JAVA_OPTS_APPEND");

    private final Kustomization rendered = Kustomization.render(K8S);
    private final Properties properties = properties();

    private static Properties properties() {
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(PROPERTIES)) {
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }

    /** A property's production value: no profile, and an expression's default where it reads the environment. */
    private String production(String key, String quarkusDefault) {
        String value = properties.getProperty(key, quarkusDefault);
        Matcher expression = Pattern.compile("\\$\\{[A-Z_]+:([^}]*)}").matcher(value);
        return expression.matches() ? expression.group(1) : value;
    }

    private ObjectNode app() {
        return rendered.get("Deployment", "huiyin");
    }

    private JsonNode container() {
        return app().path("spec").path("template").path("spec").path("containers").get(0);
    }

    private JsonNode config() {
        return rendered.get("ConfigMap", "huiyin-config").path("data");
    }

    private static List<JsonNode> list(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).toList();
    }

    @Test
    void every_listed_resource_exists_parses_and_names_its_object() {
        assertThat(rendered.resources()).isNotEmpty().allSatisfy(resource -> assertThat(K8S.resolve(resource)).isRegularFile());
        assertThat(rendered.objects()).allSatisfy(o -> {
            assertThat(o.path("apiVersion").asText()).as("apiVersion of %s", o.path("metadata").path("name")).isNotBlank();
            assertThat(o.path("kind").asText()).isNotBlank();
            assertThat(o.path("metadata").path("name").asText()).isNotBlank();
        });
        List<String> identities = rendered.objects().stream()
                .map(o -> o.path("kind").asText() + "/" + o.path("metadata").path("name").asText()).toList();
        assertThat(identities).doesNotHaveDuplicates();
        assertThat(rendered.objects()).filteredOn(o -> !o.path("kind").asText().equals("Namespace"))
                .allSatisfy(o -> assertThat(o.path("metadata").path("namespace").asText()).isEqualTo("huiyin"));
    }

    @Test
    void every_manifest_in_the_directory_is_listed_but_the_example_secret() throws IOException {
        try (Stream<Path> files = Files.list(K8S)) {
            Set<String> manifests = files.map(f -> f.getFileName().toString()).filter(f -> f.endsWith(".yaml"))
                    .filter(f -> !f.equals("kustomization.yaml")).collect(Collectors.toCollection(TreeSet::new));
            assertThat(manifests).contains("secret.example.yaml");
            manifests.remove("secret.example.yaml");
            assertThat(rendered.resources()).containsExactlyInAnyOrderElementsOf(manifests);
        }
    }

    @Test
    void the_database_is_the_cloudnativepg_cluster_and_its_secret_gives_the_password() {
        ObjectNode cluster = rendered.all("Cluster").stream()
                .filter(c -> c.path("apiVersion").asText().startsWith("postgresql.cnpg.io/")).findFirst().orElseThrow();
        String name = cluster.path("metadata").path("name").asText();
        JsonNode initdb = cluster.path("spec").path("bootstrap").path("initdb");

        assertThat(config().path("HUIYIN_DB_HOST").asText()).isEqualTo(name + "-rw"); // the primary's Service
        assertThat(config().path("HUIYIN_DB_PORT").asText()).isEqualTo("5432");
        assertThat(config().path("HUIYIN_DB_NAME").asText()).isEqualTo(initdb.path("database").asText());
        assertThat(config().path("HUIYIN_DB_USER").asText()).isEqualTo(initdb.path("owner").asText());
        JsonNode password = env(container()).get("QUARKUS_DATASOURCE_PASSWORD").path("valueFrom").path("secretKeyRef");
        assertThat(password.path("name").asText()).isEqualTo(name + "-app"); // the owner's Secret the operator keeps
        assertThat(password.path("key").asText()).isEqualTo("password");
        assertThat(cluster.path("spec").path("instances").asInt()).isGreaterThanOrEqualTo(2);
        int perReplica = Integer.parseInt(production("quarkus.datasource.reactive.max-size", "20"))
                + Integer.parseInt(production("quarkus.datasource.\"generic-plans\".reactive.max-size", "20"))
                + Integer.parseInt(production("quarkus.datasource.jdbc.max-size", "20"));
        int replicas = rendered.get("HorizontalPodAutoscaler", "huiyin").path("spec").path("maxReplicas").asInt();
        assertThat(cluster.path("spec").path("postgresql").path("parameters").path("max_connections").asInt())
                .as("connections for %d replicas of %d", replicas, perReplica).isGreaterThan(replicas * perReplica);
    }

    @Test
    void redis_is_the_service_in_the_url_and_that_service_reaches_the_redis_pod() {
        Matcher url = Pattern.compile("redis://([a-z0-9-]+):(\\d+)").matcher(config().path("HUIYIN_REDIS_URL").asText());
        assertThat(url.matches()).isTrue();
        ObjectNode service = rendered.get("Service", url.group(1));
        JsonNode port = list(service.path("spec").path("ports")).stream()
                .filter(p -> p.path("port").asText().equals(url.group(2))).findFirst().orElseThrow();
        ObjectNode redis = selected(service);
        JsonNode redisContainer = redis.path("spec").path("template").path("spec").path("containers").get(0);
        assertThat(redisContainer.path("image").asText()).startsWith("redis:");
        assertThat(list(redisContainer.path("ports"))).anySatisfy(p -> {
            assertThat(p.path("name").asText()).isEqualTo(port.path("targetPort").asText());
            assertThat(p.path("containerPort").asInt()).isEqualTo(6379);
        });
    }

    @Test
    void kafka_is_a_kraft_cluster_of_three_brokers_keeping_two_in_sync_and_the_bootstrap_is_its_plain_listener() {
        ObjectNode kafka = rendered.all("Kafka").get(0);
        String name = kafka.path("metadata").path("name").asText();
        assertThat(kafka.path("metadata").path("annotations").path("strimzi.io/kraft").asText()).isEqualTo("enabled");
        assertThat(kafka.path("metadata").path("annotations").path("strimzi.io/node-pools").asText()).isEqualTo("enabled");
        assertThat(kafka.path("spec").has("zookeeper")).isFalse();
        int brokers = rendered.all("KafkaNodePool").stream()
                .filter(pool -> pool.path("metadata").path("labels").path("strimzi.io/cluster").asText().equals(name))
                .filter(pool -> list(pool.path("spec").path("roles")).stream().anyMatch(r -> r.asText().equals("broker")))
                .mapToInt(pool -> pool.path("spec").path("replicas").asInt()).sum();
        assertThat(brokers).isEqualTo(3);
        assertThat(kafka.path("spec").path("kafka").path("config").path("min.insync.replicas").asInt()).isEqualTo(2);

        JsonNode plain = list(kafka.path("spec").path("kafka").path("listeners")).stream()
                .filter(l -> !l.path("tls").asBoolean()).findFirst().orElseThrow();
        assertThat(config().path("HUIYIN_KAFKA_BOOTSTRAP").asText())
                .isEqualTo(name + "-kafka-bootstrap:" + plain.path("port").asInt());
        assertThat(rendered.all("KafkaTopic")).isNotEmpty().allSatisfy(topic -> {
            assertThat(topic.path("metadata").path("labels").path("strimzi.io/cluster").asText()).isEqualTo(name);
            assertThat(topic.path("spec").path("replicas").asInt()).isBetween(1, brokers);
            assertThat(topic.path("spec").path("config").path("min.insync.replicas").asInt())
                    .isLessThan(topic.path("spec").path("replicas").asInt()); // one broker may go
        });
        assertThat(rendered.all("KafkaTopic")).extracting(t -> t.path("metadata").path("name").asText())
                .contains(properties.getProperty("mp.messaging.incoming.intake-in.topic"),
                        properties.getProperty("mp.messaging.incoming.intake-in.dead-letter-queue.topic"));
    }

    @Test
    void probes_and_ports_are_the_ones_the_service_serves() {
        int httpPort = Integer.parseInt(production("quarkus.http.port", "8080"));
        assertThat(config().has("HUIYIN_HTTP_PORT")).isFalse(); // it would move the port away from the probes
        JsonNode http = list(container().path("ports")).stream().filter(p -> p.path("name").asText().equals("http"))
                .findFirst().orElseThrow();
        assertThat(http.path("containerPort").asInt()).isEqualTo(httpPort);

        String health = "/" + production("quarkus.http.non-application-root-path", "q") + "/"
                + production("quarkus.smallrye-health.root-path", "health") + "/";
        Map<String, String> expected = Map.of("startupProbe", health + production("quarkus.smallrye-health.startup-path", "started"),
                "readinessProbe", health + production("quarkus.smallrye-health.readiness-path", "ready"),
                "livenessProbe", health + production("quarkus.smallrye-health.liveness-path", "live"));
        expected.forEach((probe, path) -> {
            JsonNode get = container().path(probe).path("httpGet");
            assertThat(get.path("path").asText()).as(probe).isEqualTo(path);
            assertThat(get.path("port").asText()).as(probe).isEqualTo("http");
        });

        ObjectNode service = rendered.get("Service", "huiyin");
        assertThat(selected(service)).isSameAs(app());
        assertThat(service.path("spec").path("ports").get(0).path("targetPort").asText()).isEqualTo("http");
        JsonNode scrape = app().path("spec").path("template").path("metadata").path("annotations");
        assertThat(scrape.path("prometheus.io/port").asInt()).isEqualTo(httpPort);
        assertThat(scrape.path("prometheus.io/path").asText())
                .isEqualTo(production("quarkus.micrometer.export.prometheus.path", "/q/metrics"));
    }

    @Test
    void the_image_recipe_matches_the_deployment() throws IOException {
        String recipe = Files.readString(DOCKERFILE, StandardCharsets.UTF_8);
        int httpPort = Integer.parseInt(production("quarkus.http.port", "8080"));
        assertThat(recipe).containsPattern("(?m)^FROM \\S+/openjdk-17:\\S+$")
                .containsPattern("(?m)^EXPOSE " + httpPort + "$")
                .contains("COPY --chown=185 target/quarkus-app/lib/ /deployments/lib/")
                .contains("ENV JAVA_APP_JAR=\"/deployments/quarkus-run.jar\"");
        Matcher user = Pattern.compile("(?m)^USER (\\d+)$").matcher(recipe);
        assertThat(user.find()).isTrue();
        assertThat(app().path("spec").path("template").path("spec").path("securityContext").path("runAsUser").asText())
                .isEqualTo(user.group(1));
        // the Deployment's JAVA_OPTS_APPEND replaces the image's, so it must repeat every flag of it
        Matcher imageOptions = Pattern.compile("(?m)^ENV JAVA_OPTS_APPEND=\"([^\"]*)\"$").matcher(recipe);
        assertThat(imageOptions.find()).isTrue();
        String deployed = env(container()).get("JAVA_OPTS_APPEND").path("value").asText();
        assertThat(deployed.split("\\s+")).contains(imageOptions.group(1).split("\\s+"));
    }

    @Test
    void every_environment_variable_handed_to_the_service_sets_a_property_it_reads() {
        ConfigNames names = ConfigNames.of(PROPERTIES, WechatConfig.class);
        Map<String, String> variables = new TreeMap<>();
        env(container()).keySet().forEach(name -> variables.put(name, "env of the Deployment"));
        for (JsonNode source : list(container().path("envFrom"))) {
            if (source.has("configMapRef")) {
                String map = source.path("configMapRef").path("name").asText();
                rendered.get("ConfigMap", map).path("data").fieldNames().forEachRemaining(n -> variables.put(n, "ConfigMap " + map));
            } else {
                // the Secret is the operators' own: secret.example.yaml documents its keys
                String secret = source.path("secretRef").path("name").asText();
                JsonNode example = Kustomization.readAll(K8S.resolve("secret.example.yaml")).get(0);
                assertThat(example.path("metadata").path("name").asText()).isEqualTo(secret);
                example.path("stringData").fieldNames().forEachRemaining(n -> variables.put(n, "Secret " + secret));
            }
        }
        assertThat(variables).containsKeys("HUIYIN_DB_HOST", "QUARKUS_PROFILE", "HUIYIN_WEB_QUERY_CODE_SECRET");

        List<String> unknown = new ArrayList<>();
        variables.forEach((name, from) -> {
            if (!IMAGE_VARIABLES.contains(name) && !names.knows(name)) {
                unknown.add(name + " (" + from + ")");
            }
        });
        assertThat(unknown).as("variables no property of the service reads").isEmpty();
    }

    @Test
    void the_property_index_knows_each_kind_of_name_and_no_misspelling() {
        ConfigNames names = ConfigNames.of(PROPERTIES, WechatConfig.class);
        assertThat(names.knows("QUARKUS_DATASOURCE_REACTIVE_URL")).isTrue(); // a Quarkus property
        assertThat(names.knows("QUARKUS_SHUTDOWN_TIMEOUT")).isTrue();
        assertThat(names.knows("HUIYIN_DB_HOST")).isTrue(); // read by an expression in application.properties
        assertThat(names.knows("HUIYIN_WECOM_CORP_SECRET")).isTrue(); // a @ConfigMapping property
        assertThat(names.knows("HUIYIN_WECHAT_ACCOUNTS_TAXHALL_SIGNATURE_WINDOW")).isTrue(); // under a map key
        assertThat(names.knows("HUIYIN_REDIS_KEY_PREFIX")).isTrue(); // a @ConfigProperty
        assertThat(names.knows("HUIYIN_DB_HOTS")).isFalse();
        assertThat(names.knows("QUARKUS_DATASOURCE_PASSWROD")).isFalse();
        assertThat(names.knows("HUIYIN_WECHAT_ACCOUNTS_TAXHALL_TOKN")).isFalse();
    }

    /** Where kubectl is installed, its own rendering has exactly the objects ours has. */
    @Test
    void kubectl_renders_the_same_objects_where_it_is_installed() throws Exception {
        assumeTrue(onPath("kubectl"), "kubectl is not installed");
        Process kubectl = new ProcessBuilder("kubectl", "kustomize", K8S.toString()).redirectErrorStream(true).start();
        String output = new String(kubectl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(kubectl.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(kubectl.exitValue()).as(output).isZero();
        Path file = Files.createTempFile("kustomize", ".yaml");
        try {
            Files.writeString(file, output);
            assertThat(identities(Kustomization.readAll(file))).isEqualTo(identities(List.copyOf(rendered.objects())));
        } finally {
            Files.delete(file);
        }
    }

    private static Set<String> identities(List<? extends JsonNode> objects) {
        return objects.stream().map(o -> o.path("kind").asText() + "/" + o.path("metadata").path("namespace").asText()
                + "/" + o.path("metadata").path("name").asText()).collect(Collectors.toCollection(TreeSet::new));
    }

    private static boolean onPath(String command) {
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator))
                .anyMatch(dir -> !dir.isEmpty() && Files.isExecutable(Path.of(dir, command)));
    }

    /** The container's {@code env} entries by name. */
    private static Map<String, JsonNode> env(JsonNode container) {
        Map<String, JsonNode> byName = new TreeMap<>();
        list(container.path("env")).forEach(e -> byName.put(e.path("name").asText(), e));
        return byName;
    }

    /** The Deployment whose pods the Service's selector picks; exactly one. */
    private ObjectNode selected(ObjectNode service) {
        JsonNode selector = service.path("spec").path("selector");
        List<ObjectNode> matches = rendered.all("Deployment").stream().filter(d -> {
            JsonNode labels = d.path("spec").path("template").path("metadata").path("labels");
            List<String> keys = new ArrayList<>();
            selector.fieldNames().forEachRemaining(keys::add);
            return keys.stream().allMatch(k -> labels.path(k).asText().equals(selector.path(k).asText()));
        }).toList();
        assertThat(matches).as("Deployments selected by Service %s", service.path("metadata").path("name")).hasSize(1);
        return matches.get(0);
    }
}
