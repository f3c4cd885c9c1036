package cn.huiyin.hotspot.domain;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

/**
 * A month of {@code size} appeals to measure the grouping's time and memory at scale: texts of words drawn with
 * Zipf's law from a made-up lexicon of the corpus's characters (so shingle frequencies look like a language's), one
 * in twenty a rewording of an earlier one, and among them the shared problems of {@link GeneratedAppeals} planted
 * by many enterprises — one of them by {@code giant} — whose grouping is checked.
 */
final class SyntheticMonth {

    record Month(List<CandidateAppeal> appeals, Map<Long, String> planted) {
    }

    private SyntheticMonth() {
    }

    static Month draw(int size, int giant, long seed) {
        Random random = new Random(seed);
        List<CandidateAppeal> appeals = new ArrayList<>();
        Map<Long, String> planted = new HashMap<>();
        String giantProblem = ProblemTemplates.SHARED.get(0).key();
        Map<String, Integer> wanted = new HashMap<>();
        ProblemTemplates.SHARED.forEach(p -> wanted.put(p.key(), p.oneFirm() ? 0 : p.key().equals(giantProblem) ? giant : 50));
        for (long s = 1000; wanted.values().stream().anyMatch(n -> n > 0); s++) {
            for (GeneratedAppeals.Labeled l : GeneratedAppeals.draw(s)) {
                if (wanted.getOrDefault(l.problem(), 0) > 0) {
                    wanted.merge(l.problem(), -1, Integer::sum);
                    long id = appeals.size() + 1;
                    CandidateAppeal a = l.appeal();
                    appeals.add(new CandidateAppeal(id, a.title(), a.content(), a.category(), a.street(), "planted-" + id,
                            a.receivedAt()));
                    planted.put(id, l.problem());
                }
            }
        }
        Lexicon lexicon = new Lexicon(random);
        List<String> categories = new ArrayList<>(new TreeSet<>(
                HotSpotEvaluation.corpus().stream().map(CandidateAppeal::category).toList()));
        List<String> earlier = new ArrayList<>();
        while (appeals.size() < size) {
            String text = !earlier.isEmpty() && random.nextDouble() < 0.05
                    ? lexicon.reword(earlier.get(random.nextInt(earlier.size())))
                    : lexicon.text(25 + random.nextInt(20));
            earlier.add(text);
            long id = appeals.size() + 1;
            String category = random.nextDouble() < 0.1 ? null
                    : categories.get((int) (Math.pow(random.nextDouble(), 2) * categories.size()));
            appeals.add(new CandidateAppeal(id, cn.huiyin.shared.domain.Titles.fromText(text), text, category,
                    "ST-" + random.nextInt(21), "firm-" + id,
                    GeneratedAppeals.NOW.minus(Duration.ofMinutes(random.nextInt(29 * 24 * 60)))));
        }
        Collections.shuffle(appeals, random);
        return new Month(appeals, planted);
    }

    /** 30 000 made-up words of two or three of the corpus's characters, drawn by Zipf's law. */
    private static final class Lexicon {

        private final Random random;
        private final String[] words = new String[30_000];
        private final double[] cumulative = new double[words.length];

        Lexicon(Random random) {
            this.random = random;
            Set<Integer> characters = new TreeSet<>();
            HotSpotEvaluation.corpus().forEach(a -> a.content().codePoints().filter(Character::isIdeographic)
                    .forEach(characters::add));
            Integer[] alphabet = characters.toArray(new Integer[0]);
            double total = 0;
            for (int w = 0; w < words.length; w++) {
                StringBuilder word = new StringBuilder();
                for (int c = 2 + random.nextInt(2); c > 0; c--) {
                    word.appendCodePoint(alphabet[random.nextInt(alphabet.length)]);
                }
                words[w] = word.toString();
                total += 1.0 / (w + 1);
                cumulative[w] = total;
            }
        }

        String text(int length) {
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < length; i++) {
                int w = Arrays.binarySearch(cumulative, random.nextDouble() * cumulative[cumulative.length - 1]);
                text.append(words[Math.min(words.length - 1, w < 0 ? -w - 1 : w)]);
                if (random.nextDouble() < 0.1) {
                    text.append('，');
                }
            }
            return text.toString();
        }

        /** The text with about a third of its three-character pieces replaced by common words. */
        String reword(String text) {
            StringBuilder out = new StringBuilder();
            for (String piece : text.split("(?<=\\G.{3})")) {
                out.append(random.nextDouble() < 0.3 ? words[random.nextInt(3000)] : piece);
            }
            return out.toString();
        }
    }
}
