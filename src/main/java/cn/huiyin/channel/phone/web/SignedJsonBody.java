package cn.huiyin.channel.phone.web;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ObjectNode;

import cn.huiyin.shared.domain.FieldViolation;
import cn.huiyin.shared.domain.Text;
import cn.huiyin.shared.web.Problem;
import cn.huiyin.shared.web.ProblemException;

/**
 * Reads the phone endpoints' JSON bodies from their raw bytes, strictly: valid UTF-8 (Jackson itself lets overlong
 * sequences through), one object, no name twice in an object, nothing after it. (A signed event's signature covers
 * the bytes, and a CTI body's fields vary by event, so both are read as a tree, not bound by the REST layer's mapper.)
 * What would be a guess (which of two values counts, what a stray byte meant) is refused instead.
 */
final class SignedJsonBody {

    private static final ObjectReader READER = new ObjectMapper().reader()
            .with(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private SignedJsonBody() {
    }

    /** The body as a JSON object; a 400 problem naming the place when it is not one. */
    static ObjectNode object(byte[] raw) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(raw)).toString();
        } catch (CharacterCodingException e) {
            throw malformed("The body is not valid UTF-8", "body");
        }
        JsonNode node;
        try {
            node = READER.readTree(text);
        } catch (JsonProcessingException e) {
            throw malformed(e.getOriginalMessage().startsWith("Duplicate field")
                    ? "A name appears twice in one JSON object" : "The body is not well-formed JSON", place(e));
        } catch (IOException e) {
            throw malformed("The body is not well-formed JSON", null);
        }
        if (node == null || !node.isObject()) {
            throw ProblemException.badRequest("body", "The body must be a JSON object");
        }
        return (ObjectNode) node;
    }

    /**
     * Every name and string value anywhere in {@code node} that no field may hold: a control character other than
     * tab and line breaks, or text that is not valid Unicode. Named by path ({@code contact.name},
     * {@code segments[0].text}); recordings and transcripts are stored whole, so nothing in them is exempt.
     */
    static List<FieldViolation> flaws(JsonNode node) {
        List<FieldViolation> found = new ArrayList<>();
        collect(node, "", found);
        return found;
    }

    /** The one wording for text that cannot be stored, wherever it was sent. */
    static FieldViolation flaw(String path, Text.Flaw flaw) {
        String rule = flaw == Text.Flaw.CONTROL_CHARACTER ? "control" : "unicode";
        return new FieldViolation(path, path + "." + rule, path + " contains " + flaw.english(),
                path + "含有" + flaw.chinese());
    }

    private static void collect(JsonNode node, String path, List<FieldViolation> found) {
        if (node.isTextual()) {
            Text.flaw(node.textValue()).ifPresent(f -> found.add(flaw(path, f)));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collect(node.get(i), path + "[" + i + "]", found);
            }
        } else if (node.isObject()) {
            for (Map.Entry<String, JsonNode> entry : node.properties()) {
                String child = path.isEmpty() ? entry.getKey() : path + "." + entry.getKey();
                Optional<Text.Flaw> inName = Text.flaw(entry.getKey());
                if (inName.isPresent()) {
                    found.add(flaw(path.isEmpty() ? "body" : path, inName.get()));
                } else {
                    collect(entry.getValue(), child, found);
                }
            }
        }
    }

    private static ProblemException malformed(String detail, String field) {
        return new ProblemException(Problem.of(400, "malformed-json", "Malformed JSON", detail).withField(field));
    }

    /** Where the parser stopped, as a dotted path ({@code contact.mobile}); null at the top level. */
    private static String place(JsonProcessingException e) {
        if (!(e.getProcessor() instanceof JsonParser parser)) {
            return null;
        }
        StringBuilder path = new StringBuilder();
        for (JsonPointer p = parser.getParsingContext().pathAsPointer(); p != null && !p.matches(); p = p.tail()) {
            if (p.mayMatchElement()) {
                path.append('[').append(p.getMatchingIndex()).append(']');
            } else {
                path.append(path.length() == 0 ? "" : ".").append(p.getMatchingProperty());
            }
        }
        return path.length() == 0 ? null : path.toString();
    }
}
