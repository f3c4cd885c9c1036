package cn.huiyin.workqueue.web;

import java.util.List;

import cn.huiyin.knowledge.application.ShownAnswer;

/**
 * The knowledge base on a 咨询's page: the articles offered to reply with (each can fill the reply form), and whether
 * the reply given can be proposed as a new article (提为知识条目).
 */
public record AnswerPanel(List<ShownAnswer> suggestions, boolean canPropose) {

    static final AnswerPanel NONE = new AnswerPanel(List.of(), false);
}
