package cn.huiyin.channel.wechat.domain;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/**
 * WeChat's flat XML: {@code <xml><Name>value</Name>…</xml>}, read from untrusted bodies and written for
 * replies. Reading never throws: whatever is not plainly such a document is empty.
 */
public final class WechatXml {

    private static final String ROOT = "xml";
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_.-]*");
    // Tencent's own samples write numbers (CreateTime, TimeStamp) bare and text in CDATA
    private static final Pattern NUMBER = Pattern.compile("[0-9]{1,18}");

    private WechatXml() {}

    /**
     * The root's direct children, name → text, in document order. Empty when {@code xml} is null, longer
     * than {@code maxBytes} in UTF-8, malformed, has a DOCTYPE, has another root, or repeats a field.
     * Children that hold elements (the nested groups of a few menu events) are left out.
     */
    public static Optional<Map<String, String>> parse(String xml, int maxBytes) {
        if (maxBytes <= 0) {
            throw new IllegalArgumentException("maxBytes must be positive: " + maxBytes);
        }
        // chars never outnumber UTF-8 bytes, so the cheap test first, before anything is copied
        if (xml == null || xml.length() > maxBytes || xml.getBytes(StandardCharsets.UTF_8).length > maxBytes) {
            return Optional.empty();
        }
        try {
            return fields(HardenedXmlParser.parse(xml).getDocumentElement());
        } catch (SAXException | IOException e) {
            return Optional.empty();
        }
    }

    /** {@code <name><![CDATA[value]]></name>}, or {@code <name>value</name>} for a plain number. */
    public static String element(String name, String value) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("not a simple XML element name: " + name);
        }
        return "<" + name + ">" + text(value) + "</" + name + ">";
    }

    /** {@code <xml>…</xml>} with one element per entry, in the map's iteration order. */
    public static String reply(Map<String, String> orderedFields) {
        Objects.requireNonNull(orderedFields, "orderedFields");
        StringBuilder xml = new StringBuilder("<" + ROOT + ">");
        orderedFields.forEach((name, value) -> xml.append(element(name, value)));
        return xml.append("</" + ROOT + ">").toString();
    }

    private static Optional<Map<String, String>> fields(Element root) {
        if (!ROOT.equals(root.getTagName())) {
            return Optional.empty();
        }
        Map<String, String> fields = new LinkedHashMap<>();
        for (Node child = root.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child.getNodeType() != Node.ELEMENT_NODE || holdsElements(child)) {
                continue;
            }
            // a repeated field is refused rather than guessed at: first or last would both be a guess
            if (fields.putIfAbsent(child.getNodeName(), child.getTextContent()) != null) {
                return Optional.empty();
            }
        }
        return Optional.of(Collections.unmodifiableMap(fields));
    }

    private static boolean holdsElements(Node node) {
        for (Node child = node.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child.getNodeType() == Node.ELEMENT_NODE) {
                return true;
            }
        }
        return false;
    }

    private static String text(String value) {
        if (NUMBER.matcher(value).matches()) {
            return value;
        }
        // "]]>" would end the section early: close it after "]]" and reopen it for the ">"
        return "<![CDATA[" + xmlCharacters(value).replace("]]>", "]]]]><![CDATA[>") + "]]>";
    }

    /** Drops what XML 1.0 cannot carry (most control characters, lone surrogates): WeChat refuses such XML. */
    private static String xmlCharacters(String value) {
        StringBuilder kept = new StringBuilder(value.length());
        value.codePoints().filter(WechatXml::allowedInXml).forEach(kept::appendCodePoint);
        return kept.toString();
    }

    private static boolean allowedInXml(int c) {
        return c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD)
                || c >= 0x10000;
    }
}
