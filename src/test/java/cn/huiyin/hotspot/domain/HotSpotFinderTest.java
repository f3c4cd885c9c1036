package cn.huiyin.hotspot.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Which appeals make a hot spot (每月一题), and how one is summed up. */
class HotSpotFinderTest {

    private static final Instant NOW = Instant.parse("2026-05-20T04:00:00Z");
    private static final HotSpotFinder FINDER = new HotSpotFinder(GroupingRules.defaults(Set.of("LOCAL")),
            HotSpotRules.defaults());

    private final List<CandidateAppeal> appeals = new ArrayList<>();

    private long file(String title, String text, String category, String street, String enterprise, int daysAgo) {
        long id = 100 + appeals.size();
        appeals.add(new CandidateAppeal(id, title, text, category, street, enterprise, NOW.minus(Duration.ofDays(daysAgo))
                .minus(Duration.ofMinutes(appeals.size()))));
        return id;
    }

    /** Three enterprises' own words for one problem: 数电发票 refused for want of 授信额度. */
    private List<Long> creditLimitBy(String... enterprises) {
        String[][] words = {
            { "数电发票额度不足", "我司在电子税务局开具数电发票时一直提示授信额度不足，无法正常开票，请协助处理。" },
            { "开票授信额度不够", "我们公司用电子税务局开数电发票的时候总是显示授信额度不足，客户一直在催票。" },
            { "发票开不出来", "您好，通过电子税务局开具数电发票时提示授信额度不足，开不出票，望尽快解决。" },
            { "数电票额度问题", "登录电子税务局后开数电发票时一直提示授信额度不足，已经好几天了，请帮忙。" } };
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < enterprises.length; i++) {
            ids.add(file(words[i % words.length][0], words[i % words.length][1], "TAX_SERVICE", "ST-SHIPAI", enterprises[i],
                    3 + i));
        }
        return ids;
    }

    /** Unrelated appeals of the same category, as a month has. */
    private void otherTaxAppeals() {
        file("跨区迁移", "我司准备从天河区迁到黄埔区，想咨询税务迁移是否需要先清税，要带哪些资料。", "TAX_SERVICE", null, "e-x", 5);
        file("专票丢失", "我司丢失了一张已认证的增值税专用发票抵扣联，请问如何处理，还需要登报吗？", "TAX_SERVICE", null, "e-y", 6);
        file("个税汇算", "员工个税汇算时发现有一笔收入不是本公司发放的，企业该如何处理被冒用的收入记录。", "TAX_SERVICE", null, "e-z", 2);
    }

    @Test
    void three_enterprises_in_their_own_words_about_one_problem_make_a_hot_spot() {
        List<Long> ids = creditLimitBy("e-1", "e-2", "e-3");
        otherTaxAppeals();

        List<HotSpot> spots = FINDER.find(appeals, NOW);

        assertThat(spots).hasSize(1);
        HotSpot spot = spots.get(0);
        assertThat(spot.appealIds()).containsExactlyInAnyOrderElementsOf(ids);
        assertThat(spot.enterprises()).isEqualTo(3);
        assertThat(spot.category()).isEqualTo("TAX_SERVICE");
        assertThat(spot.street()).isEqualTo("ST-SHIPAI");
        assertThat(spot.appealIds().get(0)).isEqualTo(spot.centralAppealId());
        assertThat(spot.label()).isIn("数电发票额度不足", "开票授信额度不够", "发票开不出来");
    }

    @Test
    void one_enterprise_asking_three_times_is_a_repeat_not_a_hot_spot() {
        creditLimitBy("e-1", "e-1", "e-1");

        assertThat(FINDER.find(appeals, NOW)).isEmpty();
    }

    @Test
    void two_appeals_are_too_few() {
        creditLimitBy("e-1", "e-2");

        assertThat(FINDER.find(appeals, NOW)).isEmpty();
    }

    @Test
    void the_same_words_in_another_category_are_another_matter() {
        creditLimitBy("e-1", "e-2");
        file("数电发票额度不足", "我司在电子税务局开具数电发票时一直提示授信额度不足，无法正常开票，请协助处理。", "GOV_SERVICE",
                null, "e-3", 1);

        assertThat(FINDER.find(appeals, NOW)).isEmpty();
    }

    @Test
    void an_appeal_nobody_has_placed_yet_joins_the_problem_it_is_about() {
        creditLimitBy("e-1", "e-2");
        long unplaced = file("开票额度", "我司在电子税务局开具数电发票时一直提示授信额度不足，无法正常开票，请协助处理。", null, null,
                "e-3", 1);

        assertThat(FINDER.find(appeals, NOW)).singleElement().satisfies(s -> {
            assertThat(s.appealIds()).contains(unplaced);
            assertThat(s.category()).isEqualTo("TAX_SERVICE");
        });
    }

    @Test
    void a_local_matter_is_one_problem_only_within_one_street() {
        String text = "道路施工的围挡把我们店门口堵住了，顾客进不来，生意下滑严重，请街道协调施工方。";
        file("围挡堵门", text, "LOCAL", "ST-CHEBEI", "e-1", 1);
        file("施工围挡", text + "已经三个多月。", "LOCAL", "ST-CHEBEI", "e-2", 2);
        file("围挡堵门", text, "LOCAL", "ST-SHIPAI", "e-3", 3);
        file("施工围挡", text + "已经三个多月。", "LOCAL", "ST-SHIPAI", "e-4", 4);

        assertThat(FINDER.find(appeals, NOW)).isEmpty();

        file("门口围挡", "修路的围挡挡住了店铺出入口，" + text, "LOCAL", "ST-CHEBEI", "e-5", 1);
        assertThat(FINDER.find(appeals, NOW)).singleElement()
                .satisfies(s -> assertThat(s.street()).isEqualTo("ST-CHEBEI"));
    }

    @Test
    void traditional_script_full_width_letters_and_other_numbers_read_as_the_same_words() {
        creditLimitBy("e-1", "e-2");
        long traditional = file("數電發票額度不足", "我司在電子稅務局開具數電發票時一直提示授信額度不足，無法正常開票，請協助處理。２０２６年５月。",
                "TAX_SERVICE", null, "e-3", 1);

        assertThat(FINDER.find(appeals, NOW)).singleElement()
                .satisfies(s -> assertThat(s.appealIds()).contains(traditional));
    }

    @Test
    void a_few_characters_say_too_little_to_share_a_problem() {
        file("在吗", "在吗？？", "OTHER", null, "e-1", 1);
        file("在吗", "你好在吗", "OTHER", null, "e-2", 2);
        file("在吗", "在吗在吗", "OTHER", null, "e-3", 3);

        assertThat(FINDER.find(appeals, NOW)).isEmpty();
    }

    @Test
    void appeals_received_before_the_window_are_left_out() {
        creditLimitBy("e-1", "e-2");
        file("数电票额度问题", "登录电子税务局后开数电发票时一直提示授信额度不足，已经好几天了，请帮忙。", "TAX_SERVICE", null,
                "e-3", 31);

        assertThat(FINDER.find(appeals, NOW)).isEmpty();
    }

    @Test
    void the_hot_spot_keeps_its_id_its_first_appeal_as_it_grows() {
        List<Long> first = creditLimitBy("e-1", "e-2", "e-3");
        long id = FINDER.find(appeals, NOW).get(0).id();
        file("额度不足开不了票", "我们公司在电子税务局开具数电发票时一直提示授信额度不足，票开不了，请税务局协助。", "TAX_SERVICE",
                null, "e-4", 0);

        HotSpot grown = FINDER.find(appeals, NOW.plusSeconds(60)).get(0);

        assertThat(grown.size()).isEqualTo(4);
        assertThat(grown.id()).isEqualTo(id).isEqualTo(first.get(first.size() - 1)); // received first: 5 days ago
        assertThat(grown.firstSeen()).isEqualTo(NOW.minus(Duration.ofDays(5)).minus(Duration.ofMinutes(2)));
    }

    @ParameterizedTest(name = "{0} in the last week, {1} the week before: {2}")
    @CsvSource({ "3, 1, RISING", "1, 3, FALLING", "2, 2, STEADY" })
    void the_trend_compares_the_last_week_with_the_week_before(int lastWeek, int weekBefore, Trend trend) {
        String[] enterprises = new String[lastWeek + weekBefore];
        for (int i = 0; i < enterprises.length; i++) {
            enterprises[i] = "e-" + i;
        }
        List<Long> ids = creditLimitBy(enterprises);
        for (int i = 0; i < ids.size(); i++) {
            CandidateAppeal a = appeals.get(i);
            int daysAgo = i < lastWeek ? 1 + i : 8 + i;
            appeals.set(i, new CandidateAppeal(a.id(), a.title(), a.content(), a.category(), a.street(), a.enterprise(),
                    NOW.minus(Duration.ofDays(daysAgo))));
        }

        HotSpot spot = FINDER.find(appeals, NOW).get(0);

        assertThat(spot.lastSpan()).isEqualTo(lastWeek);
        assertThat(spot.spanBefore()).isEqualTo(weekBefore);
        assertThat(spot.trend()).isEqualTo(trend);
    }
}
