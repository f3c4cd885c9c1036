package cn.huiyin.knowledge.domain;

import java.util.List;

/**
 * What the index found: the articles worth showing as suggestions, best first, and {@code answer} — the first of them —
 * only when the index is sure it answers the question; null means "no good answer", and nobody is told a guess.
 */
public record Search(List<Hit> hits, Hit answer) {

    public Search {
        hits = List.copyOf(hits);
    }

    public boolean answered() {
        return answer != null;
    }
}
