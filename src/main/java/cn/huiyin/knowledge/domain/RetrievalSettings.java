package cn.huiyin.knowledge.domain;

/**
 * How the index reads and scores text, and when it is sure. {@link #MEASURED} is the choice made by measurement
 * (docs/knowledge.md, "Finding the answer"); the other values exist so that the evaluation can compare them.
 *
 * @param unigramWeight weight of single characters against bigrams (weight 1); 0 reads bigrams only
 * @param answerWeight weight of the answer text against the title and question forms; 0 ignores the answer
 * @param scoring how a question is scored against a text
 * @param colloquialisms whether spoken names are read as written ones ({@link Colloquialisms})
 * @param formsApart whether each question form is scored on its own (the best form counts) rather than all of an
 *        article's forms as one text
 * @param displayFloor the lowest score worth showing as a suggestion
 * @param answerFloor the lowest score the index answers with
 * @param answerMargin how far the best article must be ahead of the second to be the answer
 * @param actionSignal whether a text that asks someone to act ({@link ActionRequest}) must also clear the action bar
 * @param actionFloor the lowest score such a text is answered with, on top of {@code answerFloor};
 *        {@link #NEVER} withholds the answer (the suggestions stay)
 * @param actionMargin how far ahead the best article must be for such a text, on top of {@code answerMargin}
 */
public record RetrievalSettings(double unigramWeight, double answerWeight, Scoring scoring, boolean colloquialisms,
        boolean formsApart, double displayFloor, double answerFloor, double answerMargin, boolean actionSignal,
        double actionFloor, double actionMargin) {

    /** An action bar no score reaches: texts that ask someone to act are never answered, only given suggestions. */
    public static final double NEVER = Double.POSITIVE_INFINITY;

    public enum Scoring {
        /** Okapi BM25 (k1 1.2, b 0.75), divided by what the question's own terms could score at most. */
        BM25,
        /** Cosine of TF-IDF vectors (logarithmic term frequency). */
        TFIDF_COSINE
    }

    /**
     * Unigrams and bigrams alike, the answer text at twice the weight of title and question forms, forms as one text,
     * BM25, spoken names read as written; a text that asks someone to act gets suggestions but no answer; thresholds
     * calibrated on the tuning data (docs/knowledge.md).
     */
    public static final RetrievalSettings MEASURED = new RetrievalSettings(1.0, 2.0, Scoring.BM25, true, false, 0.13,
            0.29, 0.09, true, NEVER, NEVER);

    public RetrievalSettings {
        if (unigramWeight < 0 || answerWeight < 0) {
            throw new IllegalArgumentException("weights cannot be negative");
        }
        if (answerFloor < displayFloor) {
            throw new IllegalArgumentException("an answer must also be worth showing: answerFloor >= displayFloor");
        }
        if (Double.isNaN(actionFloor) || Double.isNaN(actionMargin)) {
            throw new IllegalArgumentException("the action bar must be a number or NEVER");
        }
    }

    /**
     * Whether the index answers a text whose best article scores {@code best} and the second {@code second}; a text that
     * asks someone to act must clear the action bar as well (when the signal is on).
     */
    public boolean sure(double best, double second, boolean asksToAct) {
        boolean plain = best >= answerFloor && best >= displayFloor && best - second >= answerMargin;
        return plain && (!asksToAct || !actionSignal || (best >= actionFloor && best - second >= actionMargin));
    }

    public RetrievalSettings withUnigramWeight(double weight) {
        return new RetrievalSettings(weight, answerWeight, scoring, colloquialisms, formsApart, displayFloor,
                answerFloor, answerMargin, actionSignal, actionFloor, actionMargin);
    }

    public RetrievalSettings withAnswerWeight(double weight) {
        return new RetrievalSettings(unigramWeight, weight, scoring, colloquialisms, formsApart, displayFloor,
                answerFloor, answerMargin, actionSignal, actionFloor, actionMargin);
    }

    public RetrievalSettings withScoring(Scoring s) {
        return new RetrievalSettings(unigramWeight, answerWeight, s, colloquialisms, formsApart, displayFloor,
                answerFloor, answerMargin, actionSignal, actionFloor, actionMargin);
    }

    public RetrievalSettings withColloquialisms(boolean on) {
        return new RetrievalSettings(unigramWeight, answerWeight, scoring, on, formsApart, displayFloor, answerFloor,
                answerMargin, actionSignal, actionFloor, actionMargin);
    }

    public RetrievalSettings withFormsApart(boolean apart) {
        return new RetrievalSettings(unigramWeight, answerWeight, scoring, colloquialisms, apart, displayFloor,
                answerFloor, answerMargin, actionSignal, actionFloor, actionMargin);
    }

    /** Whether texts that ask someone to act are held to the action bar; without it they are read like any other. */
    public RetrievalSettings withActionSignal(boolean on) {
        return new RetrievalSettings(unigramWeight, answerWeight, scoring, colloquialisms, formsApart, displayFloor,
                answerFloor, answerMargin, on, actionFloor, actionMargin);
    }

    /** The plain thresholds; the action bar stays as it was. */
    public RetrievalSettings withThresholds(double display, double floor, double margin) {
        return new RetrievalSettings(unigramWeight, answerWeight, scoring, colloquialisms, formsApart, display, floor,
                margin, actionSignal, actionFloor, actionMargin);
    }

    /** The bar a text that asks someone to act must clear as well as the plain thresholds; {@link #NEVER} withholds. */
    public RetrievalSettings withActionBar(double floor, double margin) {
        return new RetrievalSettings(unigramWeight, answerWeight, scoring, colloquialisms, formsApart, displayFloor,
                answerFloor, answerMargin, actionSignal, floor, margin);
    }
}
