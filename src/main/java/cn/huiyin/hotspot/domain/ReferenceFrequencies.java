package cn.huiyin.hotspot.domain;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.huiyin.routing.domain.TextFeatures;

/**
 * How many of a reference set of real appeals (the labelled corpus shipped with the application) contain each
 * shingle. Added to a month's own counts, they weigh words as a large month would even when the month is small (a
 * new district, a quiet start): among ten appeals every word is rare, and paraphrases of one problem look unlike.
 */
final class ReferenceFrequencies {

    static final String RESOURCE = "/reference/appeals-labeled.jsonl";
    private static final Pattern TEXT = Pattern.compile("\"text\":\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");
    private static final List<String> TEXTS = load();
    private static final Map<Integer, Map<Long, Integer>> BY_SIZE = new ConcurrentHashMap<>();

    private ReferenceFrequencies() {
    }

    /** How many reference appeals there are. */
    static int appeals() {
        return TEXTS.size();
    }

    /** Shingle (packed as {@link ShingleIndex#shingles}) → in how many reference appeals it is. */
    static Map<Long, Integer> of(int shingleSize) {
        return BY_SIZE.computeIfAbsent(shingleSize, size -> {
            Map<Long, Integer> frequencies = new HashMap<>();
            for (String text : TEXTS) {
                Set<Long> distinct = new HashSet<>();
                for (long shingle : ShingleIndex.shingles(text, size)) {
                    distinct.add(shingle);
                }
                distinct.forEach(s -> frequencies.merge(s, 1, Integer::sum));
            }
            return Map.copyOf(frequencies);
        });
    }

    /** The normalised texts: the {@code text} field of each JSON line (unescaping what JSON escapes in it). */
    private static List<String> load() {
        var in = Objects.requireNonNull(ReferenceFrequencies.class.getResourceAsStream(RESOURCE), RESOURCE);
        List<String> texts = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            reader.lines().forEach(line -> {
                Matcher m = TEXT.matcher(line);
                if (m.find()) {
                    texts.add(TextFeatures.normalise(m.group(1).replaceAll("\\\\(.)", "$1")));
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return List.copyOf(texts);
    }
}
