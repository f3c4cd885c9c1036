package cn.huiyin.knowledge.web;

import java.util.Map;

import cn.huiyin.knowledge.domain.ArticleStep;

/** The pages' words for what happened to an article, and for why a step was refused. */
final class ArticleWords {

    static final Map<String, String> DONE = Map.of(
            "created", "已保存为草稿，请本单位领导审核",
            "saved", "已保存为新版本草稿；已发布的版本在新版本发布前继续对外答复",
            "review", "已审核，可以发布",
            "publish", "已发布，现已对外答复",
            "withdraw", "已撤回，不再对外答复");

    private ArticleWords() {
    }

    static String refusal(ArticleStep.Refusal refusal) {
        return switch (refusal) {
            case NOT_YOUR_ROLE -> "您的角色不能进行此操作：知识条目由本单位服务专员编写，由本单位领导审核、发布和撤回";
            case NOT_YOUR_UNIT -> "该知识条目属于其他单位，您不能修改";
            case OWN_EDIT -> "不能审核自己编写的版本，请由本单位其他领导审核";
            case NOT_A_DRAFT -> "只有草稿可以审核";
            case NOT_REVIEWED -> "只有已审核的版本可以发布，请先审核";
            case NOT_PUBLISHED -> "该条目当前没有已发布的版本，无需撤回";
        };
    }

    static int status(ArticleStep.Refusal refusal) {
        return switch (refusal) {
            case NOT_YOUR_ROLE, NOT_YOUR_UNIT, OWN_EDIT -> 403;
            default -> 409;
        };
    }
}
