package cn.huiyin.hotspot.domain;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;

import cn.huiyin.hotspot.domain.ProblemTemplates.Problem;
import cn.huiyin.shared.domain.Titles;

/**
 * A month of appeals with known problems, drawn from a seed (the same seed, the same set): each shared problem by 2 to
 * 8 enterprises in a burst of days, each in its own words — a paraphrase of the problem's slots, with the openings,
 * requests, other details (a clause of another appeal), typing slips (同音字), traditional script and numbers
 * that real appeals have — among one-off appeals of the same categories, and if asked among real appeals; one in ten not placed in a category yet.
 */
final class GeneratedAppeals {

    /** An appeal and the problem it is about: the truth the grouping is scored against. */
    record Labeled(CandidateAppeal appeal, String problem) {
    }

    static final Instant NOW = Instant.parse("2026-05-20T04:00:00Z");

    private static final String[] OPENINGS = { "", "", "我司", "我们公司", "本公司", "我单位", "您好，我司", "你好，我们公司",
            "老板让我反映一下，我们公司" };
    /**
     * What enterprises also say (about themselves, the history of the matter): clauses of routing's held-out appeals (a
     * set apart from the corpus the months are among), a different one each time, diluting the problem's own words as
     * real details do.
     */
    private static final List<String> CLAUSES = HotSpotEvaluation.texts("/routing/held-out-appeals.jsonl").stream()
            .flatMap(text -> Arrays.stream(text.split("(?<=[，。；！？])")))
            .filter(c -> c.length() >= 8 && c.length() <= 40).toList();
    private static final String[] REQUESTS = { "", "请协助处理。", "希望尽快解决。", "麻烦相关部门核实一下。", "恳请帮忙协调解决。",
            "请给予指导。", "望尽快回复，谢谢！", "请问该怎么办？" };
    private static final String[] STREETS = { "ST-SHAHE", "ST-WUSHAN", "ST-YUANCUN", "ST-CHEBEI", "ST-SHIPAI",
            "ST-TIANHENAN", "ST-LINHE", "ST-SHADONG", "ST-XINGHUA", "ST-TANGXIA", "ST-TIANYUAN", "ST-LIEDE", "ST-XIANCUN",
            "ST-YUANGANG", "ST-HUANGCUN", "ST-LONGDONG", "ST-CHANGXING", "ST-FENGHUANG", "ST-QIANJIN", "ST-ZHUJI",
            "ST-XINTANG" };
    /** Slips of a pinyin keyboard: the character meant and one that sounds the same. */
    private static final Map<Character, Character> SLIPS = Map.ofEntries(Map.entry('申', '身'), Map.entry('请', '情'),
            Map.entry('办', '半'), Map.entry('理', '里'), Map.entry('业', '也'), Map.entry('电', '点'), Map.entry('号', '好'),
            Map.entry('资', '咨'), Map.entry('审', '申'), Map.entry('核', '和'), Map.entry('通', '同'), Map.entry('已', '以'),
            Map.entry('在', '再'), Map.entry('账', '帐'), Map.entry('做', '作'), Map.entry('到', '倒'), Map.entry('的', '得'),
            Map.entry('保', '报'), Map.entry('额', '鹅'), Map.entry('录', '路'));
    private static final Map<Integer, Integer> TRADITIONAL = traditional();

    private final Random random;
    private final List<CandidateAppeal> background;
    private int enterprises;

    private GeneratedAppeals(long seed, List<CandidateAppeal> background) {
        this.random = new Random(seed);
        this.background = background;
    }

    /** The generated problems alone. */
    static List<Labeled> draw(long seed) {
        return new GeneratedAppeals(seed, List.of()).draw();
    }

    /**
     * The generated problems among real appeals ({@code background}, each its own problem, keyed by its
     * {@code enterprise} field), which bring the vocabulary and the word frequencies of a real month.
     */
    static List<Labeled> draw(long seed, List<CandidateAppeal> background) {
        return new GeneratedAppeals(seed, background).draw();
    }

    private List<Labeled> draw() {
        List<Labeled> drawn = new ArrayList<>();
        for (Problem problem : ProblemTemplates.SHARED) {
            int appeals = 2 + random.nextInt(7);
            int burstStartsDaysAgo = 10 + random.nextInt(18);
            List<String> firms = new ArrayList<>();
            for (int i = 0; i < appeals; i++) {
                boolean again = problem.oneFirm() && !firms.isEmpty() || !firms.isEmpty() && random.nextDouble() < 0.15;
                String firm = again ? firms.get(random.nextInt(firms.size())) : newEnterprise();
                firms.add(firm);
                Instant received = NOW.minus(Duration.ofDays(burstStartsDaysAgo - random.nextInt(10)))
                        .minus(Duration.ofMinutes(random.nextInt(600)));
                drawn.add(appeal(problem, paraphrase(problem), firm, received));
            }
        }
        for (Problem problem : ProblemTemplates.ONE_OFF) {
            drawn.add(appeal(problem, slipped(problem.slots().get(0)), newEnterprise(), someTimeThisMonth()));
        }
        for (CandidateAppeal real : background) {
            String category = random.nextDouble() < 0.1 ? null : real.category();
            String street = real.street() != null ? real.street() : STREETS[random.nextInt(STREETS.length)];
            drawn.add(new Labeled(new CandidateAppeal(0, real.title(), real.content(), category, street, newEnterprise(),
                    someTimeThisMonth()), ProblemTemplates.CORPUS_MATCHES.getOrDefault(real.enterprise(), "real-" + real.enterprise())));
        }
        Collections.shuffle(drawn, random);
        List<Labeled> numbered = new ArrayList<>();
        for (int i = 0; i < drawn.size(); i++) {
            CandidateAppeal a = drawn.get(i).appeal();
            numbered.add(new Labeled(new CandidateAppeal(1000 + i, a.title(), a.content(), a.category(), a.street(),
                    a.enterprise(), a.receivedAt()), drawn.get(i).problem()));
        }
        return numbered;
    }

    private Instant someTimeThisMonth() {
        return NOW.minus(Duration.ofDays(random.nextInt(29))).minus(Duration.ofMinutes(random.nextInt(600)));
    }

    private Labeled appeal(Problem problem, String text, String enterprise, Instant received) {
        String title = problem.titles().isEmpty() || random.nextBoolean() ? Titles.fromText(text)
                : problem.titles().get(random.nextInt(problem.titles().size()));
        String category = random.nextDouble() < 0.1 ? null : problem.category();
        String street = problem.street() != null ? problem.street() : STREETS[random.nextInt(STREETS.length)];
        return new Labeled(new CandidateAppeal(0, title, text, category, street, enterprise, received), problem.key());
    }

    private String newEnterprise() {
        return "firm-" + (++enterprises);
    }

    /** One enterprise's words for the problem: a phrasing of each slot (optional ones now and then left out). */
    private String paraphrase(Problem problem) {
        StringBuilder text = new StringBuilder(random.nextBoolean() ? clause() : "").append(pick(OPENINGS));
        for (String slot : problem.slots()) {
            boolean optional = slot.startsWith("?");
            if (optional && random.nextDouble() < 0.4) {
                continue;
            }
            text.append(pick((optional ? slot.substring(1) : slot).split("\\|")));
        }
        text.append("。").append(random.nextDouble() < 0.3 ? clause() : "").append(pick(REQUESTS));
        return slipped(text.toString().replace("#", String.valueOf(1 + random.nextInt(12))));
    }

    /** Now and then a typing slip (one in eight of the characters that have a common one), one appeal in ten typed in traditional script. */
    private String slipped(String text) {
        boolean traditional = random.nextDouble() < 0.1;
        StringBuilder out = new StringBuilder();
        text.codePoints().forEach(cp -> {
            Character slip = cp < 0x10000 ? SLIPS.get((char) cp) : null;
            int written = slip != null && random.nextDouble() < 0.12 ? slip : cp;
            out.appendCodePoint(traditional ? TRADITIONAL.getOrDefault(written, written) : written);
        });
        return out.toString();
    }

    private String clause() {
        return CLAUSES.get(random.nextInt(CLAUSES.size()));
    }

    private String pick(String[] choices) {
        return choices[random.nextInt(choices.length)];
    }

    /** Simplified → traditional, the reverse of routing's table (the first traditional form of each). */
    private static Map<Integer, Integer> traditional() {
        var in = Objects.requireNonNull(GeneratedAppeals.class.getResourceAsStream("/routing/traditional-simplified.txt"));
        Map<Integer, Integer> map = new HashMap<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            reader.lines().filter(l -> !l.isBlank() && !l.startsWith("#")).forEach(l -> {
                int[] cps = l.strip().codePoints().toArray();
                map.putIfAbsent(cps[1], cps[0]);
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return map;
    }
}
