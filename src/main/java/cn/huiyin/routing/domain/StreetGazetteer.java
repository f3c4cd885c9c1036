package cn.huiyin.routing.domain;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Finds Tianhe's streets (街道) in a text by the places that lie in them: villages, communities, roads, parks,
 * campuses, landmarks ({@code /routing/tianhe-streets.txt}). A local matter (属地) goes to the street where it
 * happens, so the place an appeal names counts first; the enterprise's registered address is the fallback.
 */
public final class StreetGazetteer {

    static final String RESOURCE = "/routing/tianhe-streets.txt";

    /** The district's gazetteer, read once. */
    public static final StreetGazetteer TIANHE = load();

    private record Place(String name, String street) {
    }

    /** Longest names first, so 石牌东路 is read as one place and not as 石牌 plus the rest. */
    private final List<Place> places;

    private StreetGazetteer(List<Place> places) {
        this.places = places.stream().sorted(Comparator.comparingInt((Place p) -> p.name().length()).reversed()).toList();
    }

    /** The streets a text names, in the order first named; empty when it names none. */
    public Set<String> streetsNamedIn(String text) {
        Set<String> found = new LinkedHashSet<>();
        if (text == null) {
            return found;
        }
        StringBuilder rest = new StringBuilder(TextFeatures.normalise(text));
        for (Place p : places) {
            int at = rest.indexOf(p.name());
            while (at >= 0) {
                found.add(p.street());
                rest.replace(at, at + p.name().length(), "|".repeat(p.name().length())); // a place counts once
                at = rest.indexOf(p.name());
            }
        }
        return found;
    }

    /**
     * The street of a local matter: the one street the text names; else the one its registered address names;
     * else none (two streets named, or none known), and a dispatcher decides.
     */
    public Optional<String> locate(String text, String registeredAddress) {
        Set<String> inText = streetsNamedIn(text);
        if (inText.size() == 1) {
            return Optional.of(inText.iterator().next());
        }
        Set<String> inAddress = streetsNamedIn(registeredAddress);
        if (inAddress.size() == 1 && (inText.isEmpty() || inText.containsAll(inAddress))) {
            return Optional.of(inAddress.iterator().next());
        }
        return Optional.empty();
    }

    static StreetGazetteer load() {
        var in = Objects.requireNonNull(StreetGazetteer.class.getResourceAsStream(RESOURCE), RESOURCE);
        List<Place> places = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            reader.lines().filter(l -> !l.isBlank() && !l.startsWith("#")).forEach(l -> {
                String[] parts = l.split("\\|", 2);
                for (String name : parts[1].split(",")) {
                    places.add(new Place(TextFeatures.normalise(name.strip()), parts[0].strip()));
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new StreetGazetteer(places);
    }
}
