package cn.huiyin.routing.application;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.huiyin.routing.domain.LabeledText;

/**
 * The written training set ({@code routing/written-examples.jsonl}): about 800 enterprise appeals written for routing
 * from the catalogue, in every register the platform receives (forms, agents' summaries, call transcripts, WeChat
 * messages, traditional script), kept apart from the held-out evaluation set (docs/routing.md). The seed corpus alone
 * gives about 15 examples a category; these triple it. Read once, on first use, by the training on a worker thread.
 */
public final class WrittenExamples {

    static final String RESOURCE = "routing/written-examples.jsonl";

    private WrittenExamples() {
    }

    public static List<LabeledText> seeded() {
        return Holder.EXAMPLES;
    }

    private static final class Holder {
        static final List<LabeledText> EXAMPLES = read();
    }

    private static List<LabeledText> read() {
        InputStream in = Objects.requireNonNull(WrittenExamples.class.getClassLoader().getResourceAsStream(RESOURCE), RESOURCE);
        ObjectMapper json = new ObjectMapper();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            return reader.lines().filter(l -> !l.isBlank()).map(l -> {
                try {
                    JsonNode row = json.readTree(l);
                    return new LabeledText(row.get("text").asText(), row.get("category").asText());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
