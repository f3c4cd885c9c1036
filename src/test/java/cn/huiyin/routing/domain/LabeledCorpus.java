package cn.huiyin.routing.domain;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Reads the shared labeled corpus (/reference/appeals-labeled.jsonl). Its lines are flat JSON objects of
 * strings, booleans and nulls, so a small reader does, and main code stays free of a JSON library.
 */
final class LabeledCorpus {

    static final String RESOURCE = "/reference/appeals-labeled.jsonl";

    private LabeledCorpus() {
    }

    static List<LabeledText> load() {
        return rows().stream().map(m -> new LabeledText(m.get("text"), m.get("category"))).toList();
    }

    /** Every line as field name → value. */
    static List<Map<String, String>> rows() {
        return rows(RESOURCE);
    }

    /** Every line of a file in the corpus's format (the written set too) as field name → value. */
    static List<Map<String, String>> rows(String resource) {
        var in = Objects.requireNonNull(LabeledCorpus.class.getResourceAsStream(resource), resource);
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            return reader.lines().filter(l -> !l.isBlank()).map(LabeledCorpus::parse).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One flat JSON object → field name to value (strings unescaped; true/false/null kept as written). */
    static Map<String, String> parse(String line) {
        Map<String, String> fields = new HashMap<>();
        int[] at = {skip(line, 0, '{')};
        while (line.charAt(at[0]) != '}') {
            String name = string(line, at);
            at[0] = skip(line, at[0], ':');
            String value;
            if (line.charAt(at[0]) == '"') {
                value = string(line, at);
            } else {
                int end = at[0];
                while (",} ".indexOf(line.charAt(end)) < 0) {
                    end++;
                }
                value = line.substring(at[0], end);
                at[0] = end;
            }
            fields.put(name, value);
            while (line.charAt(at[0]) == ' ') {
                at[0]++;
            }
            if (line.charAt(at[0]) == ',') {
                at[0] = skip(line, at[0], ',');
            }
        }
        return fields;
    }

    private static int skip(String s, int i, char expected) {
        while (s.charAt(i) == ' ') {
            i++;
        }
        if (s.charAt(i) != expected) {
            throw new IllegalArgumentException("expected '" + expected + "' at " + i + " in " + s);
        }
        i++;
        while (i < s.length() && s.charAt(i) == ' ') {
            i++;
        }
        return i;
    }

    private static String string(String s, int[] at) {
        StringBuilder out = new StringBuilder();
        int i = at[0] + 1; // past the opening quote
        while (s.charAt(i) != '"') {
            char c = s.charAt(i++);
            if (c == '\\') {
                char e = s.charAt(i++);
                switch (e) {
                    case 'n' -> out.append('\n');
                    case 't' -> out.append('\t');
                    case 'r' -> out.append('\r');
                    case 'b' -> out.append('\b');
                    case 'f' -> out.append('\f');
                    case 'u' -> {
                        out.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
                        i += 4;
                    }
                    default -> out.append(e); // \" \\ \/
                }
            } else {
                out.append(c);
            }
        }
        at[0] = i + 1;
        return out.toString();
    }
}
