package cn.huiyin.knowledge.domain;

import java.util.HashMap;
import java.util.Map;

import cn.huiyin.routing.domain.TextFeatures;

/**
 * Turns a question or an article's text into weighted character n-grams. Chinese has no spaces, and a segmenter
 * would split a typo'd or colloquial word unpredictably; overlapping bigrams need no dictionary, catch the words
 * (营业, 执照, 变更) and give partial credit when one character is wrong. Single characters catch one-character
 * words (税, 证) and the characters a typo left standing; on the tuning data they count best at the weight of bigrams.
 */
final class QueryText {

    private QueryText() {
    }

    /**
     * Full-width to half-width, traditional to simplified, lower case, digit runs to one placeholder, punctuation and
     * spaces dropped (the routing capability's reading, so both read appeals alike), then spoken names as written.
     */
    static String normalise(String text, boolean colloquialisms) {
        String plain = TextFeatures.normalise(text == null ? "" : text);
        StringBuilder out = new StringBuilder(plain.length());
        plain.codePoints().map(cp -> TRADITIONAL_GAPS.getOrDefault(cp, cp)).forEach(out::appendCodePoint);
        return colloquialisms ? Colloquialisms.rewrite(out.toString()) : out.toString();
    }

    /**
     * Traditional characters the routing table lacks although the articles use their simplified forms: found by
     * converting the seed articles to traditional script (OpenCC s2t, s2hk, s2tw) and reading them back; 納 alone stood
     * in 35 places (纳税人). Belongs in /routing/traditional-simplified.txt; kept here until it is added there.
     */
    private static final Map<Integer, Integer> TRADITIONAL_GAPS = gaps("納纳並并違违賃赁爲为覆复瀏浏兌兑剛刚傾倾揮挥刪删誡诫餌饵説说衞卫");

    private static Map<Integer, Integer> gaps(String pairs) {
        int[] cps = pairs.codePoints().toArray();
        Map<Integer, Integer> map = new HashMap<>();
        for (int i = 0; i + 1 < cps.length; i += 2) {
            map.put(cps[i], cps[i + 1]);
        }
        return Map.copyOf(map);
    }

    /** n-gram → count × weight of its length (bigrams 1, single characters {@code unigramWeight}). */
    static Map<String, Double> terms(String text, RetrievalSettings settings) {
        int[] cps = normalise(text, settings.colloquialisms()).codePoints().toArray();
        Map<String, Double> terms = new HashMap<>();
        if (settings.unigramWeight() > 0 || cps.length == 1) {
            double w = cps.length == 1 ? 1 : settings.unigramWeight(); // a one-character question has nothing else
            for (int cp : cps) {
                terms.merge(new String(Character.toChars(cp)), w, Double::sum);
            }
        }
        for (int i = 0; i + 2 <= cps.length; i++) {
            terms.merge(new String(cps, i, 2), 1.0, Double::sum);
        }
        return terms;
    }
}
