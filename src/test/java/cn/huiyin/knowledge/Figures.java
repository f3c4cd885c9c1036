package cn.huiyin.knowledge;

import java.util.List;

/**
 * The figures of docs/knowledge.md for a set of questions. Top-1/top-3 count questions that have an expected
 * article: its article is the first (among the first three) suggestion shown. A wrong answer is an answer with another
 * article, or any answer to a question no article answers.
 */
record Figures(int questions, int answerable, double top1, double top3, int answered, int wrong,
        double noAnswerPrecision, double noAnswerRecall) {

    static Figures of(List<Outcome> outcomes, Thresholds t) {
        int answerable = 0;
        int first = 0;
        int three = 0;
        int answered = 0;
        int wrong = 0;
        int unanswered = 0;
        int unansweredRightly = 0;
        int none = 0;
        for (Outcome o : outcomes) {
            boolean answers = t.answers(o);
            if (o.expectsAnArticle()) {
                answerable++;
                first += o.within(1, t.display()) ? 1 : 0;
                three += o.within(3, t.display()) ? 1 : 0;
            } else {
                none++;
            }
            if (answers) {
                answered++;
                wrong += o.firstRight() ? 0 : 1;
            } else {
                unanswered++;
                unansweredRightly += o.expectsAnArticle() ? 0 : 1;
            }
        }
        return new Figures(outcomes.size(), answerable, ratio(first, answerable), ratio(three, answerable), answered,
                wrong, none == 0 ? Double.NaN : ratio(unansweredRightly, unanswered), ratio(unansweredRightly, none));
    }

    double answeredShare() {
        return ratio(answered, questions);
    }

    double wrongWhenAnswering() {
        return ratio(wrong, answered);
    }

    int answeredRightly() {
        return answered - wrong;
    }

    private static double ratio(int a, int b) {
        return b == 0 ? Double.NaN : (double) a / b;
    }
}
