package cn.huiyin.knowledge;

import java.util.List;

import cn.huiyin.knowledge.KnowledgeData.Question;
import cn.huiyin.knowledge.domain.ActionRequest;
import cn.huiyin.knowledge.domain.Hit;
import cn.huiyin.knowledge.domain.KnowledgeIndex;
import cn.huiyin.knowledge.domain.RetrievalSettings;

/**
 * What the index found for one question before any threshold: its best three articles and their scores, and whether
 * the text asks someone to act.
 */
record Outcome(Question question, List<Hit> top, boolean asksToAct) {

    /** Searches with the analysis of {@code index} but no floor, so that any thresholds can be tried afterwards. */
    static Outcome of(KnowledgeIndex index, Question question) {
        return new Outcome(question, index.search(question.text(), 3).hits(), ActionRequest.in(question.text()));
    }

    /** An index that shows everything it finds and never answers: raw scores for calibration. */
    static RetrievalSettings unfiltered(RetrievalSettings settings) {
        return settings.withThresholds(0, Double.MAX_VALUE, 0);
    }

    double first() {
        return top.isEmpty() ? 0 : top.get(0).score();
    }

    double second() {
        return top.size() < 2 ? 0 : top.get(1).score();
    }

    Long firstId() {
        return top.isEmpty() ? null : top.get(0).articleId();
    }

    boolean expectsAnArticle() {
        return question.expected() != null;
    }

    boolean firstRight() {
        return expectsAnArticle() && question.expected().equals(firstId());
    }

    /** Whether the expected article is among the first {@code k} shown above {@code displayFloor}. */
    boolean within(int k, double displayFloor) {
        return top.stream().limit(k).filter(h -> h.score() >= displayFloor)
                .anyMatch(h -> h.articleId() == question.expected());
    }
}
