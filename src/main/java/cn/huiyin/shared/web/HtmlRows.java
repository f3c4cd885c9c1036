package cn.huiyin.shared.web;

import io.quarkus.qute.RawString;

/**
 * Markup for the long, repeated rows of a list page, written straight into one buffer: a template resolves each of a
 * row's values through its evaluator (tens of objects and microseconds a value), which was most of a 100-row page's
 * cost. Markup is given by the page's code as constants; every value goes through {@link #text}, escaped as a
 * template would escape it. The result is inserted into the page's template as it is.
 */
public final class HtmlRows {

    private final StringBuilder out;

    public HtmlRows(int rows) {
        out = new StringBuilder(rows * 400);
    }

    /** Markup written by the page's code, never a value. */
    public HtmlRows markup(String constant) {
        out.append(constant);
        return this;
    }

    /**
     * A value, escaped for an element's text or a quoted attribute; null writes nothing. The same five characters as
     * the template engine's {@code HtmlEscaper}, whose escaping of a plain string is not public (a test compares the
     * two on hostile text).
     */
    public HtmlRows text(String value) {
        if (value == null) {
            return this;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return this;
    }

    /** The markup, marked so that the template inserts it unescaped. */
    public RawString done() {
        return new RawString(out.toString());
    }
}
