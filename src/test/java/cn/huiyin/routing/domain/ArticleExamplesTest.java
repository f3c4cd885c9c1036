package cn.huiyin.routing.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import cn.huiyin.routing.application.KnowledgeArticleExamples;

class ArticleExamplesTest {

    private final Catalogue catalogue = new Catalogue(Map.of(
            "TAX_SERVICE", new DispatchRule("TAX_SERVICE", "纳税服务", "TAX", null),
            "BIZ_REG", new DispatchRule("BIZ_REG", "商事登记", "SAMR", null)), Map.of());

    @Test
    void an_article_teaches_its_category_by_its_title_and_question_forms() {
        var examples = ArticleExamples.of(List.of(
                new ArticleExamples.Article("如何申请增值税留抵退税？", List.of("留抵退税怎么办", "退税多久到账"), "TAX_SERVICE"),
                new ArticleExamples.Article("开办有限公司要哪些手续？", List.of(), "BIZ_REG")), catalogue);

        assertThat(examples).containsExactly(
                new LabeledText("开办有限公司要哪些手续？", "BIZ_REG"),
                new LabeledText("如何申请增值税留抵退税？\n留抵退税怎么办\n退税多久到账", "TAX_SERVICE"));
    }

    @Test
    void articles_of_categories_the_catalogue_does_not_know_or_without_one_are_left_out() {
        var examples = ArticleExamples.of(List.of(
                new ArticleExamples.Article("燃气报装流程", List.of("怎么申请通燃气"), "GAS"),
                new ArticleExamples.Article("一般问题", List.of(), null)), catalogue);

        assertThat(examples).isEmpty();
    }

    @Test
    void the_training_set_is_the_examples_then_the_names_then_the_articles() {
        var stored = List.of(new LabeledText("发票开不出来", "TAX_SERVICE"));
        var articles = List.of(new ArticleExamples.Article("如何开具发票？", List.of(), "TAX_SERVICE"));

        assertThat(CatalogueExamples.trainingSet(stored, catalogue, articles)).containsExactly(
                new LabeledText("发票开不出来", "TAX_SERVICE"),
                new LabeledText("商事登记", "BIZ_REG"),
                new LabeledText("纳税服务", "TAX_SERVICE"),
                new LabeledText("如何开具发票？", "TAX_SERVICE"));
    }

    @Test
    void the_written_examples_come_after_the_stored_ones_and_only_of_categories_the_catalogue_knows() {
        var stored = List.of(new LabeledText("发票开不出来", "TAX_SERVICE"));
        var written = List.of(new LabeledText("营业执照丢了怎么补", "BIZ_REG"), new LabeledText("燃气表不走了", "GAS"));

        assertThat(CatalogueExamples.trainingSet(stored, written, catalogue, List.of())).containsExactly(
                new LabeledText("发票开不出来", "TAX_SERVICE"),
                new LabeledText("营业执照丢了怎么补", "BIZ_REG"),
                new LabeledText("商事登记", "BIZ_REG"),
                new LabeledText("纳税服务", "TAX_SERVICE"));
    }

    @Test
    void the_seeded_knowledge_base_gives_one_example_per_article_of_the_reference_catalogue() {
        var seeded = KnowledgeArticleExamples.seeded();
        var examples = ArticleExamples.of(seeded, ReferenceCatalogue.load());

        assertThat(seeded).hasSize(48).allSatisfy(a -> assertThat(a.questions()).isNotEmpty());
        assertThat(examples).hasSize(48);
        assertThat(examples).extracting(LabeledText::category).doesNotContain(RoutingPolicy.OTHER);
    }
}
