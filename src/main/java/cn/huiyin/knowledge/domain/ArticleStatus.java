package cn.huiyin.knowledge.domain;

/**
 * Where a version of an article stands. An edit starts a {@link #DRAFT}; the unit's leader reviews it ({@link #REVIEWED})
 * and publishes it ({@link #PUBLISHED}: it answers questions); a published version is taken down by withdrawing it
 * ({@link #WITHDRAWN}). A version that a later one replaced without ever being withdrawn is {@link #SUPERSEDED}: an
 * older draft, or the version that answered until a newer one was published.
 */
public enum ArticleStatus {
    DRAFT("草稿"),
    REVIEWED("已审核"),
    PUBLISHED("已发布"),
    WITHDRAWN("已撤回"),
    SUPERSEDED("已被新版本取代");

    private final String chinese;

    ArticleStatus(String chinese) {
        this.chinese = chinese;
    }

    public String chinese() {
        return chinese;
    }
}
