package cn.huiyin.shared.web;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import cn.huiyin.shared.domain.Text;

/**
 * Decodes an {@code application/x-www-form-urlencoded} body strictly: every {@code %} followed by two hex digits,
 * the bytes valid UTF-8, every value free of what {@link Text#flaw(String)} refuses; values come out NFC with line
 * breaks as {@code \n} (browsers send {@code \r\n}, which would count twice against a field's limit).
 */
public final class FormDecoder {

    /** More fields than any of the forms has, by far. */
    public static final int MAX_FIELDS = 64;

    public record Field(String name, String value) {
    }

    /** The body cannot be read as a form; {@code field} is the field's name when it could be decoded. */
    public static final class MalformedForm extends RuntimeException {

        private final String field;

        MalformedForm(String field, String detail) {
            super(detail, null, false, false);
            this.field = field;
        }

        public String field() {
            return field;
        }
    }

    private FormDecoder() {
    }

    public static List<Field> decode(byte[] body) {
        List<Field> fields = new ArrayList<>();
        int start = 0;
        while (start <= body.length) {
            int end = indexOf(body, (byte) '&', start);
            if (end > start) {
                if (fields.size() == MAX_FIELDS) {
                    throw new MalformedForm(null, "The form has more than " + MAX_FIELDS + " fields");
                }
                fields.add(field(body, start, end));
            }
            start = end + 1;
        }
        return fields;
    }

    private static Field field(byte[] body, int start, int end) {
        int equals = indexOf(body, (byte) '=', start);
        int nameEnd = Math.min(equals, end);
        String name = text(body, start, nameEnd, null);
        String value = nameEnd < end ? text(body, nameEnd + 1, end, name) : "";
        return new Field(name, Text.normalized(value.replace("\r\n", "\n")));
    }

    private static String text(byte[] body, int start, int end, String field) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(end - start);
        for (int i = start; i < end; i++) {
            byte b = body[i];
            if (b == '+') {
                bytes.write(' ');
            } else if (b == '%') {
                int high = i + 1 < end ? Character.digit(body[i + 1], 16) : -1;
                int low = i + 2 < end ? Character.digit(body[i + 2], 16) : -1;
                if (high < 0 || low < 0 || !isAsciiHex(body[i + 1]) || !isAsciiHex(body[i + 2])) {
                    throw new MalformedForm(field, "Malformed percent-encoding" + where(field));
                }
                bytes.write(high << 4 | low);
                i += 2;
            } else {
                bytes.write(b);
            }
        }
        String decoded;
        try {
            decoded = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes.toByteArray()))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new MalformedForm(field, "Not valid UTF-8" + where(field));
        }
        Optional<Text.Flaw> flaw = Text.flaw(decoded);
        if (flaw.isPresent()) {
            throw new MalformedForm(field, "Contains " + flaw.get().english() + where(field));
        }
        return decoded;
    }

    private static boolean isAsciiHex(byte b) {
        return (b >= '0' && b <= '9') || (b >= 'a' && b <= 'f') || (b >= 'A' && b <= 'F');
    }

    private static String where(String field) {
        return field == null ? " in a field name" : " in the value of '" + field + "'";
    }

    private static int indexOf(byte[] body, byte wanted, int from) {
        for (int i = from; i < body.length; i++) {
            if (body[i] == wanted) {
                return i;
            }
        }
        return body.length;
    }
}
