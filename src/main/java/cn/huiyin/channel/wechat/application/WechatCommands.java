package cn.huiyin.channel.wechat.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import cn.huiyin.channel.wechat.domain.FollowerCommand;
import cn.huiyin.channel.wechat.domain.FollowerReplies;
import cn.huiyin.evaluation.application.RatingService;
import io.smallrye.mutiny.Uni;

/**
 * The answers to the commands a follower sends as text: the list of their appeals, binding an enterprise, a
 * rating, a verdict on an article's answer. None of them makes an appeal or adds to one, so each is answered at once.
 */
@ApplicationScoped
public class WechatCommands {

    @Inject
    WechatAnswers answers;

    @Inject
    WechatBindings bindings;

    @Inject
    RatingService ratings;

    @Inject
    WechatKnowledge knowledge;

    /**
     * The answer to {@code command}; a {@link FollowerCommand.Describe} is an appeal and a
     * {@link FollowerCommand.Escalate} becomes one, so neither is answered here.
     */
    Uni<String> answer(String account, String openId, String replyTo, FollowerCommand command) {
        if (command instanceof FollowerCommand.ListAppeals) {
            return answers.myAppeals(replyTo);
        }
        if (command instanceof FollowerCommand.ConfirmBinding confirmation) {
            return bindings.confirm(account, openId, confirmation.code());
        }
        if (command instanceof FollowerCommand.Rate rating) {
            return ratings.byWechatText(replyTo, rating.text());
        }
        if (command instanceof FollowerCommand.Bind binding) {
            return bindings.bind(account, openId, binding.uscc(), binding.mobile());
        }
        if (command instanceof FollowerCommand.Feedback feedback) {
            return knowledge.feedback(replyTo, feedback.helpful());
        }
        if (command instanceof FollowerCommand.Blank) {
            return Uni.createFrom().item(FollowerReplies.ASK_FOR_WORDS);
        }
        throw new IllegalArgumentException("not a command: " + command);
    }
}
