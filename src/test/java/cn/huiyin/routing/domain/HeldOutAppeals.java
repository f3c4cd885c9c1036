package cn.huiyin.routing.domain;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The held-out evaluation set (/routing/held-out-appeals.jsonl): appeals written for evaluation only, apart
 * from the shared corpus, never trained on except as simulated dispatcher corrections in the learning curve.
 */
public final class HeldOutAppeals {

    static final String RESOURCE = "/routing/held-out-appeals.jsonl";

    private static final Pattern TAGS = Pattern.compile("\"tags\": \\[([^\\]]*)\\], ");

    /** One appeal: its text, the gold category, unit and (for LOCAL) street, difficulty and tags. */
    public record Appeal(String id, String text, String category, String unit, String street, String difficulty,
            String channel, List<String> tags, String registeredAddress) {

        LabeledText labeled() {
            return new LabeledText(text, category);
        }
    }

    private HeldOutAppeals() {
    }

    public static List<Appeal> load() {
        var in = Objects.requireNonNull(HeldOutAppeals.class.getResourceAsStream(RESOURCE), RESOURCE);
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            return reader.lines().filter(l -> !l.isBlank()).map(HeldOutAppeals::parse).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Appeal parse(String line) {
        Matcher m = TAGS.matcher(line);
        if (!m.find()) {
            throw new IllegalArgumentException("no tags in " + line);
        }
        List<String> tags = m.group(1).isBlank() ? List.of()
                : List.of(m.group(1).replace("\"", "").split(",\\s*"));
        Map<String, String> f = LabeledCorpus.parse(m.replaceFirst(""));
        return new Appeal(f.get("id"), f.get("text"), f.get("category"), f.get("unit"), nullable(f.get("street")),
                f.get("difficulty"), f.get("channel"), tags, nullable(f.get("registeredAddress")));
    }

    private static String nullable(String value) {
        return "null".equals(value) ? null : value;
    }
}
