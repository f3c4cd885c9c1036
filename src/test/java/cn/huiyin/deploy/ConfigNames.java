package cn.huiyin.deploy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithName;
import io.smallrye.config.WithParentName;

/**
 * Every configuration property the packaged service reads, as the environment variable that sets it: the Quarkus
 * extensions' own (from the configuration model each extension jar ships), the keys of application.properties and the
 * variables its expressions read ({@code ${HUIYIN_DB_HOST:…}}), and the properties of the application's
 * {@code @ConfigMapping} interfaces and {@code @ConfigProperty} injections. A map key ({@code accounts.<name>}) matches
 * any name.
 */
final class ConfigNames {

    private static final Pattern EXPRESSION_VARIABLE = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)[:}]");
    private static final String QUARKUS_MODEL = "META-INF/quarkus-config-doc/quarkus-config-model.json";
    /** Map keys in Quarkus' model: {@code QUARKUS_DATASOURCE__DATASOURCE_NAME__PASSWORD}. */
    private static final Pattern QUARKUS_MAP_KEY = Pattern.compile("__[A-Z0-9_]+?__");

    private final Set<String> exact = new TreeSet<>();
    private final List<Pattern> patterns = new ArrayList<>();

    private ConfigNames() {
    }

    static ConfigNames of(Path applicationProperties, Class<?> anyApplicationClass) {
        ConfigNames names = new ConfigNames();
        names.addQuarkusModels();
        names.addApplicationProperties(applicationProperties);
        names.addApplicationClasses(anyApplicationClass);
        return names;
    }

    boolean knows(String environmentVariable) {
        return exact.contains(environmentVariable) || patterns.stream().anyMatch(p -> p.matcher(environmentVariable).matches());
    }

    /** Quarkus' environment naming: every character that is not a letter or digit becomes {@code _}, all upper case. */
    static String environmentName(String property) {
        return property.replaceAll("[^A-Za-z0-9*]", "_").toUpperCase(Locale.ROOT);
    }

    private void addProperty(String property) {
        String name = environmentName(property);
        if (name.contains("*")) {
            patterns.add(Pattern.compile(Pattern.quote(name).replace("*", "\\E[A-Z0-9_]+?\\Q")));
        } else {
            exact.add(name);
        }
    }

    private void addQuarkusModels() {
        ObjectMapper json = new ObjectMapper();
        try {
            for (URL model : Collections.list(getClass().getClassLoader().getResources(QUARKUS_MODEL))) {
                try (InputStream in = model.openStream()) {
                    json.readTree(in).findValues("environmentVariable").stream().map(JsonNode::asText).forEach(this::addQuarkusName);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void addQuarkusName(String name) {
        Matcher key = QUARKUS_MAP_KEY.matcher(name);
        if (key.find()) {
            patterns.add(Pattern.compile(Pattern.quote(key.replaceAll("_*_")).replace("*", "\\E[A-Z0-9_]+?\\Q")));
        } else {
            exact.add(name);
        }
    }

    private void addApplicationProperties(Path file) {
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        properties.forEach((key, value) -> {
            addProperty(key.toString().replaceFirst("^%[^.]+\\.", ""));
            Matcher variable = EXPRESSION_VARIABLE.matcher(value.toString());
            while (variable.find()) {
                exact.add(variable.group(1));
            }
        });
    }

    /** The application's classes, found in the directory (or jar) the given class was loaded from. */
    private void addApplicationClasses(Class<?> anyApplicationClass) {
        Path root;
        try {
            root = Path.of(anyApplicationClass.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        try (Stream<Path> files = Files.walk(root)) {
            files.filter(f -> f.toString().endsWith(".class")).map(f -> root.relativize(f).toString())
                    .map(f -> f.substring(0, f.length() - ".class".length()).replace('/', '.').replace('\\', '.'))
                    .map(ConfigNames::load).flatMap(Optional::stream).forEach(this::addClass);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Optional<Class<?>> load(String name) {
        try {
            return Optional.of(Class.forName(name, false, ConfigNames.class.getClassLoader()));
        } catch (ClassNotFoundException | LinkageError e) {
            return Optional.empty(); // a class whose optional dependencies are absent reads no configuration we need
        }
    }

    private void addClass(Class<?> type) {
        ConfigMapping mapping = type.getAnnotation(ConfigMapping.class);
        if (mapping != null) {
            addGroup(mapping.prefix(), type);
        }
        injectedProperties(type).forEach(this::addProperty);
    }

    /** The properties injected into fields and constructors; a class whose members cannot be loaded reads none we use. */
    private static List<String> injectedProperties(Class<?> type) {
        try {
            Stream<ConfigProperty> onFields = Stream.of(type.getDeclaredFields()).map(f -> f.getAnnotation(ConfigProperty.class));
            Stream<ConfigProperty> onParameters = Stream.of(type.getDeclaredConstructors())
                    .flatMap(c -> Stream.of(c.getParameters())).map(p -> p.getAnnotation(ConfigProperty.class));
            return Stream.concat(onFields, onParameters).filter(Objects::nonNull).map(ConfigProperty::name)
                    .filter(name -> !name.isEmpty()).toList();
        } catch (LinkageError e) {
            return List.of();
        }
    }

    /** One property per accessor; nested groups and maps of groups recurse, a map key being any name. */
    private void addGroup(String prefix, Class<?> group) {
        for (Method accessor : group.getMethods()) {
            if (accessor.getParameterCount() > 0 || accessor.isDefault() || Modifier.isStatic(accessor.getModifiers())
                    || accessor.getDeclaringClass() == Object.class) {
                continue;
            }
            String name = accessor.isAnnotationPresent(WithParentName.class) ? prefix
                    : prefix + "." + (accessor.isAnnotationPresent(WithName.class)
                            ? accessor.getAnnotation(WithName.class).value()
                            : kebab(accessor.getName()));
            addValue(name, accessor.getGenericReturnType());
        }
    }

    private void addValue(String name, Type type) {
        if (type instanceof ParameterizedType generic && generic.getRawType() instanceof Class<?> raw) {
            Type[] arguments = generic.getActualTypeArguments();
            if (Map.class.isAssignableFrom(raw)) {
                addValue(name + ".*", arguments[1]);
                return;
            }
            if (Optional.class == raw) {
                addValue(name, arguments[0]);
                return;
            }
            if (List.class.isAssignableFrom(raw) && isGroup(arguments[0])) {
                addValue(name + "[*]", arguments[0]); // indexed groups: HUIYIN_X_0__Y_ is rarely set by environment
                return;
            }
        }
        if (isGroup(type)) {
            addGroup(name, (Class<?>) type);
        } else {
            addProperty(name);
        }
    }

    /** A configuration group: an interface of the application's own (not a converted value type). */
    private static boolean isGroup(Type type) {
        return type instanceof Class<?> c && c.isInterface() && c.getName().startsWith("cn.huiyin.");
    }

    private static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }
}
