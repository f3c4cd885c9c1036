package cn.huiyin.knowledge.domain;

/** A step a person may take on an article. */
public enum ArticleAction {
    EDIT, REVIEW, PUBLISH, WITHDRAW
}
