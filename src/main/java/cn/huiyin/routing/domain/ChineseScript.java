package cn.huiyin.routing.domain;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Reads traditional characters as simplified ones. Enterprises from Hong Kong, Macao and Taiwan write in
 * traditional script, while every training example is simplified: without this, 稅/税 or 電/电 would be
 * different features and such appeals would look like nothing the classifier knows.
 */
final class ChineseScript {

    static final String RESOURCE = "/routing/traditional-simplified.txt";

    private static final Map<Integer, Integer> SIMPLIFIED = load();

    private ChineseScript() {
    }

    static int toSimplified(int codePoint) {
        return SIMPLIFIED.getOrDefault(codePoint, codePoint);
    }

    private static Map<Integer, Integer> load() {
        var in = Objects.requireNonNull(ChineseScript.class.getResourceAsStream(RESOURCE), RESOURCE);
        Map<Integer, Integer> map = new HashMap<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            reader.lines().filter(l -> !l.isBlank() && !l.startsWith("#")).forEach(l -> {
                int[] cps = l.strip().codePoints().toArray();
                map.put(cps[0], cps[1]);
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.copyOf(map);
    }
}
