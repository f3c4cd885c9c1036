package cn.huiyin.routing.application;

import java.util.List;

import cn.huiyin.routing.domain.Catalogue;
import cn.huiyin.routing.domain.CatalogueExamples;
import cn.huiyin.routing.domain.LabeledText;

/**
 * Everything the classifier is trained on, in one place, so the service and its evaluation (docs/routing.md) learn
 * from the same examples: the stored ones (seed corpus and dispatchers' corrections), the written set
 * ({@link WrittenExamples}), the catalogue's names and the knowledge base's articles ({@link KnowledgeArticleExamples}).
 */
public final class RoutingTrainingSet {

    private RoutingTrainingSet() {
    }

    public static List<LabeledText> of(List<LabeledText> stored, Catalogue catalogue) {
        return CatalogueExamples.trainingSet(stored, WrittenExamples.seeded(), catalogue, KnowledgeArticleExamples.seeded());
    }
}
