package cn.huiyin.workqueue.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import cn.huiyin.appeal.domain.AppealEvent;
import cn.huiyin.appeal.domain.AppealNotice;
import cn.huiyin.appeal.domain.NewEvent;
import cn.huiyin.appeal.domain.OutboxRow;
import cn.huiyin.appeal.domain.PlannedEvent.Visibility;
import cn.huiyin.workqueue.domain.MergedAnswers.Answers;
import cn.huiyin.workqueue.domain.MergedAnswers.Child;

/** The parent's answer reaches each merged duplicate (并单) in its timeline and on its own channel. */
class MergedAnswersTest {

    private static final Instant NOW = Instant.parse("2026-12-07T03:00:00Z");
    private static final String PARENT = "2612070000013";
    private static final String ANSWER = "经核实，贵司授信额度已按规定调增，请重新登录电子税务局开票。";
    private static final String ACTOR = "commissioner:zhou";

    @Test
    void each_child_shows_the_answer_publicly_naming_the_parent_and_its_appellant_hears_it_on_the_childs_channel_as_merged() {
        List<Child> children = List.of(new Child(21, "2612070000021", "WECHAT"), new Child(34, "2612070000034", "PHONE"));
        Answers answers = MergedAnswers.of(children, ANSWER, PARENT, ACTOR, NOW);

        NewEvent repliedWithParent = NewEvent.of(new AppealEvent.RepliedWithParent(ANSWER, PARENT), ACTOR, NOW, null,
                Visibility.PUBLIC);
        assertThat(answers.events()).containsOnlyKeys(21L, 34L);
        assertThat(answers.events().get(21L)).containsExactly(repliedWithParent);
        assertThat(answers.events().get(34L)).containsExactly(repliedWithParent);
        assertThat(repliedWithParent.type()).isEqualTo("REPLIED_WITH_PARENT");
        assertThat(repliedWithParent.visibility()).isEqualTo(Visibility.PUBLIC);

        assertThat(answers.notices()).containsExactly(
                OutboxRow.of(21, new AppealNotice.Replied(ANSWER, PARENT, "2612070000021", "WECHAT", "MERGED")),
                OutboxRow.of(34, new AppealNotice.Replied(ANSWER, PARENT, "2612070000034", "PHONE", "MERGED")));
        assertThat(answers.notices()).extracting(OutboxRow::type).containsOnly("AppealReplied");
        assertThat(answers.isEmpty()).isFalse();
    }

    @Test
    void an_appeal_without_duplicates_tells_nobody_else() {
        Answers answers = MergedAnswers.of(List.of(), ANSWER, PARENT, ACTOR, NOW);
        assertThat(answers.isEmpty()).isTrue();
        assertThat(answers.notices()).isEmpty();
    }
}
