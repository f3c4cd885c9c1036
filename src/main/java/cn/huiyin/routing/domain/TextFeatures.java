package cn.huiyin.routing.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns appeal text into character n-grams. Chinese needs no word segmenter here: uni-, bi- and
 * tri-grams of characters catch words (留抵, 退税, 施工许可) without a dictionary, and survive the
 * typos and homophones of WeChat and speech transcripts better than whole words would.
 */
public final class TextFeatures {

    /** Stands for any run of digits, so that phone numbers, dates and amounts are not features. */
    public static final char DIGITS = '#';

    private TextFeatures() {
    }

    /**
     * Full-width to half-width, traditional characters to simplified, Latin to lower case, every run of digits
     * to {@link #DIGITS}, and
     * everything that is not a Chinese character, a letter or a digit (spaces, punctuation, emoji) dropped.
     */
    public static String normalise(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().map(TextFeatures::halfWidth).map(ChineseScript::toSimplified).forEach(cp -> {
            if (Character.isDigit(cp)) {
                // one placeholder per run: "2025年12月" and "2026年1月" look alike
                if (out.isEmpty() || out.charAt(out.length() - 1) != DIGITS) {
                    out.append(DIGITS);
                }
            } else if (Character.isLetter(cp)) {
                // letters include Chinese characters; this keeps APP, CEPA, AEO but drops ，。“”😭
                out.appendCodePoint(Character.toLowerCase(cp));
            }
        });
        return out.toString();
    }

    /** The uni-, bi- and tri-grams of the normalised text: all unigrams first, then bigrams, then trigrams. */
    public static List<String> ngrams(String text) {
        int[] cps = normalise(text).codePoints().toArray();
        List<String> grams = new ArrayList<>(cps.length * 3);
        for (int n = 1; n <= 3; n++) {
            for (int i = 0; i + n <= cps.length; i++) {
                grams.add(new String(cps, i, n));
            }
        }
        return grams;
    }

    private static int halfWidth(int cp) {
        if (cp >= 0xFF01 && cp <= 0xFF5E) {
            return cp - 0xFEE0; // ！..～ sit at a fixed offset from ASCII ! .. ~
        }
        return cp == 0x3000 ? ' ' : cp;
    }
}
