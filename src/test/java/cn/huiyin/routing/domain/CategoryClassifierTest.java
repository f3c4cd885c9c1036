package cn.huiyin.routing.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.junit.jupiter.api.Test;

class CategoryClassifierTest {

    static final List<LabeledText> TINY = List.of(
            new LabeledText("电子税务局申报增值税失败", "TAX_SERVICE"),
            new LabeledText("发票开不出来，税控盘报错", "TAX_SERVICE"),
            new LabeledText("留抵退税什么时候到账", "TAX_SERVICE"),
            new LabeledText("厂房突然停电，生产线停了", "POWER"),
            new LabeledText("变压器冒烟，整栋楼没电", "POWER"),
            new LabeledText("用电报装要多久才能通电", "POWER"),
            new LabeledText("闻到燃气味，怀疑燃气管道泄漏", "GAS"),
            new LabeledText("餐饮店燃气报装流程", "GAS"),
            new LabeledText("燃气公司停气没有通知", "GAS"),
            new LabeledText("你好在吗", "OTHER"),
            new LabeledText("测试", "OTHER"));

    @Test
    void an_obvious_text_gets_its_category_first() {
        CategoryClassifier classifier = CategoryClassifier.train(TINY);

        assertThat(classifier.rank("我们的增值税发票申报一直失败").get(0).category()).isEqualTo("TAX_SERVICE");
        assertThat(classifier.rank("园区突然停电，整个厂房没电").get(0).category()).isEqualTo("POWER");
        assertThat(classifier.rank("厨房有燃气味").get(0).category()).isEqualTo("GAS");
    }

    @Test
    void every_known_category_is_ranked_best_first_with_confidences_summing_to_one() {
        List<Suggestion> ranked = CategoryClassifier.train(TINY).rank("燃气管道漏气");

        assertThat(ranked).extracting(Suggestion::category)
                .containsExactlyInAnyOrder("TAX_SERVICE", "POWER", "GAS", "OTHER");
        assertThat(ranked).allSatisfy(s -> assertThat(s.confidence()).isBetween(0.0, 1.0));
        assertThat(ranked.stream().mapToDouble(Suggestion::confidence).sum()).isCloseTo(1.0, within(1e-9));
        assertThat(ranked).isSortedAccordingTo((a, b) -> Double.compare(b.confidence(), a.confidence()));
        assertThat(ranked.get(0).confidence()).isGreaterThan(0.5);
    }

    @Test
    void a_text_with_nothing_known_is_a_uniform_shrug_in_category_order() {
        List<Suggestion> ranked = CategoryClassifier.train(TINY).rank("😀 12345 ！");

        assertThat(ranked).extracting(Suggestion::category).containsExactly("GAS", "OTHER", "POWER", "TAX_SERVICE");
        assertThat(ranked).allSatisfy(s -> assertThat(s.confidence()).isCloseTo(0.25, within(1e-12)));
    }

    @Test
    void a_correction_yields_a_new_classifier_and_leaves_the_old_one_alone() {
        CategoryClassifier before = CategoryClassifier.train(TINY);
        String text = "充电桩安装需要申请增容吗";
        List<LabeledText> corrections = List.of(
                new LabeledText("充电桩安装要不要增容", "POWER"),
                new LabeledText("安装充电桩申请增容", "POWER"));

        CategoryClassifier after = before.retrainedWith(corrections);

        assertThat(after.exampleCount()).isEqualTo(before.exampleCount() + 2).isEqualTo(TINY.size() + 2);
        assertThat(after.rank(text).get(0).category()).isEqualTo("POWER");
        assertThat(after.rank(text).get(0).confidence()).isGreaterThan(before.rank(text).get(0).confidence());
        assertThat(before.rank(text)).isEqualTo(CategoryClassifier.train(TINY).rank(text));
    }

    @Test
    void a_correction_can_teach_a_new_category() {
        CategoryClassifier after = CategoryClassifier.train(TINY)
                .retrainedWith(List.of(new LabeledText("招标文件设置排斥性条款", "BIDDING")));

        assertThat(after.categories()).contains("BIDDING");
        assertThat(after.rank("招标文件有排斥性条款").get(0).category()).isEqualTo("BIDDING");
    }

    @Test
    void the_same_corpus_gives_the_same_ranks() {
        List<LabeledText> corpus = LabeledCorpus.load();
        CategoryClassifier one = CategoryClassifier.train(corpus);
        CategoryClassifier two = CategoryClassifier.train(List.copyOf(corpus));

        for (LabeledText e : corpus.subList(0, 50)) {
            assertThat(two.rank(e.text())).isEqualTo(one.rank(e.text()));
        }
        assertThat(one.exampleCount()).isEqualTo(400);
        assertThat(one.categories()).hasSize(27);
    }

    @Test
    void it_cannot_be_trained_on_nothing() {
        assertThatThrownBy(() -> CategoryClassifier.train(List.of())).isInstanceOf(IllegalArgumentException.class);
    }
}
