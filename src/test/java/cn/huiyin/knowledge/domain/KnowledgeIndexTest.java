package cn.huiyin.knowledge.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class KnowledgeIndexTest {

    static final List<IndexedArticle> ARTICLES = List.of(
            new IndexedArticle(11, "企业变更住所（经营场所）怎么办理",
                    List.of("公司搬家了要变更注册地址吗", "营业执照上的地址怎么改", "企业迁移住所需要哪些材料"),
                    "企业住所变更应自变更决议作出之日起30日内向登记机关申请变更登记，提交变更登记申请书、新住所使用证明等材料。",
                    "MARKET_REG"),
            new IndexedArticle(12, "新成立企业如何办理社会保险登记",
                    List.of("公司刚注册怎么给员工交社会保险", "新公司社会保险开户流程", "单位参保登记需要什么材料"),
                    "用人单位应自成立之日起30日内申请办理社会保险登记，可在电子税务局或社保经办机构办理。", "SOCIAL_SEC"),
            new IndexedArticle(13, "如何申领增值税专用发票",
                    List.of("一般纳税人怎么开增值税专用发票", "增值税专用发票领用流程", "发票额度不够怎么申请增加"),
                    "纳税人可通过电子税务局申请发票票种核定和发票领用，数电发票按授信额度开具。", "TAX"),
            new IndexedArticle(14, "个体工商户如何办理注册登记",
                    List.of("开个体工商户需要什么材料", "个体工商户营业执照怎么申请", "摆摊卖早餐要办个体工商户吗"),
                    "申请个体工商户登记，经营者可通过政务服务网或登记窗口提交身份证明、经营场所证明等材料。", "MARKET_REG"),
            new IndexedArticle(15, "企业简易注销的条件和流程",
                    List.of("公司不想做了怎么注销", "哪些企业可以简易注销", "简易注销公示期多久"),
                    "未发生债权债务或已将债权债务清偿完结的企业，可申请简易注销登记，公示期为20日。", "MARKET_REG"));

    private final KnowledgeIndex index = KnowledgeIndex.of(ARTICLES);

    @Test
    void a_paraphrased_question_is_answered_with_its_article() {
        Search found = index.search("公司注册地址变了，营业执照上的住所要怎么变更？", 3);

        assertThat(found.answered()).isTrue();
        assertThat(found.answer().articleId()).isEqualTo(11);
        assertThat(found.hits().get(0)).isEqualTo(found.answer());
    }

    @Test
    void a_question_in_traditional_characters_finds_the_same_article() {
        Search simplified = index.search("个体工商户营业执照怎么申请", 3);
        Search traditional = index.search("個體工商戶營業執照怎麼申請", 3);

        assertThat(traditional.hits()).isEqualTo(simplified.hits());
        assertThat(traditional.answer().articleId()).isEqualTo(14);
    }

    @Test
    void spoken_names_find_the_article_written_with_the_full_name() {
        Search found = index.search("个体户执照怎么申请", 3);

        assertThat(found.hits()).isNotEmpty();
        assertThat(found.hits().get(0).articleId()).isEqualTo(14);
    }

    @Test
    void a_mistyped_character_still_finds_the_article_with_a_lower_score() {
        Search right = index.search("简易注销公示期多久", 3);
        Search typo = index.search("简易注消公示期多久", 3);

        assertThat(typo.hits().get(0).articleId()).isEqualTo(15);
        assertThat(typo.hits().get(0).score()).isLessThan(right.hits().get(0).score());
    }

    @Test
    void a_question_no_article_is_about_gets_no_answer_and_no_suggestion() {
        Search found = index.search("附近哪里有好吃的火锅店推荐一下", 3);

        assertThat(found.answered()).isFalse();
        assertThat(found.hits()).isEmpty();
    }

    @Test
    void a_question_two_articles_fit_equally_is_not_answered_but_both_are_suggested() {
        var twins = List.of(
                new IndexedArticle(1, "企业开办一网通办", List.of("开办企业在哪里办理"), "", "GOV_SERVICE"),
                new IndexedArticle(2, "企业开办一窗通办", List.of("开办企业去哪里办理"), "", "GOV_SERVICE"));

        Search found = KnowledgeIndex.of(twins).search("开办企业哪里办理", 5);

        assertThat(found.answered()).isFalse();
        assertThat(found.hits()).extracting(Hit::articleId).containsExactlyInAnyOrder(1L, 2L);
    }

    @Test
    void a_complaint_about_a_matter_an_article_explains_gets_no_answer() {
        Search found = index.search("我司反映：区里办理营业执照住所变更时工作人员态度恶劣，多次要求补充材料，拖延两个月仍未办结，"
                + "严重影响我司经营，要求严肃处理相关人员并给予书面答复。", 3);

        assertThat(found.answered()).isFalse();
    }

    @Test
    void a_complaint_that_asks_someone_to_act_gets_suggestions_but_no_answer() {
        String complaint = "新公司社会保险开户一直失败，请协调";

        Search found = index.search(complaint, 3);

        assertThat(found.answered()).isFalse();
        assertThat(found.hits()).extracting(Hit::articleId).startsWith(12L);
        // the scores alone would have answered it: the request is what withholds the answer
        assertThat(KnowledgeIndex.of(ARTICLES, RetrievalSettings.MEASURED.withActionSignal(false)).search(complaint, 3)
                .answer().articleId()).isEqualTo(12);
    }

    @Test
    void a_question_that_uses_a_complaint_word_is_still_answered() {
        Search found = index.search("营业执照上的地址一直没改，住所变更需要什么材料", 3);
        Search told = index.search("请告知简易注销公示期多久", 3);

        assertThat(found.answer().articleId()).isEqualTo(11);
        assertThat(told.answer().articleId()).isEqualTo(15);
    }

    @Test
    void the_answer_text_finds_an_article_whose_question_forms_use_other_words() {
        Search found = index.search("票种核定在哪里办", 3);

        assertThat(found.hits()).isNotEmpty();
        assertThat(found.hits().get(0).articleId()).isEqualTo(13);
        assertThat(KnowledgeIndex.of(ARTICLES, RetrievalSettings.MEASURED.withAnswerWeight(0)).search("票种核定在哪里办", 3)
                .hits()).isEmpty();
    }

    @Test
    void suggestions_are_best_first_and_at_most_the_limit() {
        Search found = index.search("公司营业执照、社会保险、发票和注销怎么办", 2);

        assertThat(found.hits()).hasSizeLessThanOrEqualTo(2);
        assertThat(found.hits()).isSortedAccordingTo((a, b) -> Double.compare(b.score(), a.score()));
    }

    @Test
    void a_blank_question_finds_nothing() {
        assertThat(index.search("  ？！ ", 3)).isEqualTo(new Search(List.of(), null));
        assertThat(index.search(null, 3)).isEqualTo(new Search(List.of(), null));
        assertThat(KnowledgeIndex.of(List.of()).search("营业执照怎么办", 3).hits()).isEmpty();
    }

    @Test
    void a_limit_below_one_is_refused() {
        assertThatThrownBy(() -> index.search("营业执照", 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void the_size_is_the_number_of_articles() {
        assertThat(index.size()).isEqualTo(5);
    }

    @Test
    void searches_from_many_threads_agree_with_one_thread() {
        Search alone = index.search("新公司社保怎么开户", 3);

        var together = IntStream.range(0, 200).parallel().mapToObj(i -> index.search("新公司社保怎么开户", 3)).toList();

        assertThat(together).containsOnly(alone);
    }
}
