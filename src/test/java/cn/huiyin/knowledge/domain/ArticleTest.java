package cn.huiyin.knowledge.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import cn.huiyin.shared.domain.Caller;
import cn.huiyin.shared.security.Roles;

/** The article's lifecycle: who writes, who reviews and publishes, and what answers while a new version is worked on. */
class ArticleTest {

    private static final Instant T0 = Instant.parse("2026-12-01T02:00:00Z");
    private static final Map<String, String> CATALOGUE = Map.of("BIZ_REG", "SAMR", "TAX_SERVICE", "TAX", "LOCAL", "STREET");

    private static final Caller WRITER = new Caller("chen", Roles.COMMISSIONER, "SAMR", null);
    private static final Caller OTHER_WRITER = new Caller("wang", Roles.COMMISSIONER, "SAMR", null);
    private static final Caller LEADER = new Caller("liu", Roles.UNIT_LEADER, "SAMR", null);
    private static final Caller SECOND_LEADER = new Caller("zhao", Roles.UNIT_LEADER, "SAMR", null);
    private static final Caller TAX_WRITER = new Caller("zhou", Roles.COMMISSIONER, "TAX", null);
    private static final Caller TAX_LEADER = new Caller("qian", Roles.UNIT_LEADER, "TAX", null);
    private static final Caller DISTRICT = new Caller("zheng", Roles.DISTRICT_LEADER, null, null);
    private static final Caller ADMIN = new Caller("admin", Roles.ADMIN, null, null);
    private static final Caller DISPATCHER = new Caller("huang", Roles.DISPATCHER, "DRC", null);

    static ArticleContent content(String title) {
        return new ArticleContent(title, List.of("营业执照丢了怎么办", "执照遗失如何补领"),
                "营业执照遗失的，可以通过广东政务服务网申请补领，无需登报声明，一般当场办结。", "《市场主体登记管理条例实施细则》",
                "https://www.gdzwfw.gov.cn/", "BIZ_REG", LocalDate.parse("2026-01-01"), null);
    }

    private static Article taken(ArticleStep step) {
        assertThat(step).isInstanceOf(ArticleStep.Taken.class);
        return ((ArticleStep.Taken) step).article();
    }

    private static ArticleStep.Refusal refusal(ArticleStep step) {
        assertThat(step).isInstanceOf(ArticleStep.Refused.class);
        return ((ArticleStep.Refused) step).refusal();
    }

    private static Article draft() {
        return taken(Article.create(WRITER, "SAMR", content("营业执照遗失补领"), CATALOGUE, null, T0));
    }

    private static Article published() {
        Article reviewed = taken(draft().review(LEADER, T0.plusSeconds(60)));
        return taken(reviewed.publish(LEADER, T0.plusSeconds(120)));
    }

    @Test
    void a_commissioner_writes_a_draft_their_leader_reviews_and_publishes_it() {
        Article draft = draft();
        assertThat(draft.status()).isEqualTo(ArticleStatus.DRAFT);
        assertThat(draft.latest().editedBy()).isEqualTo("chen");
        assertThat(draft.live()).isEmpty();

        Article reviewed = taken(draft.review(LEADER, T0.plusSeconds(60)));
        assertThat(reviewed.status()).isEqualTo(ArticleStatus.REVIEWED);
        assertThat(reviewed.latest().reviewedBy()).isEqualTo("liu");

        Article published = taken(reviewed.publish(LEADER, T0.plusSeconds(120)));
        assertThat(published.status()).isEqualTo(ArticleStatus.PUBLISHED);
        assertThat(published.live()).map(ArticleVersion::version).contains(1);
        assertThat(published.latest().publishedAt()).isEqualTo(T0.plusSeconds(120));
    }

    @Test
    void nobody_reviews_a_version_they_wrote_themselves() {
        Article leadersDraft = taken(Article.create(LEADER, "SAMR", content("领导起草的条目"), CATALOGUE, null, T0));
        assertThat(refusal(leadersDraft.review(LEADER, T0))).isEqualTo(ArticleStep.Refusal.OWN_EDIT);
        assertThat(taken(leadersDraft.review(SECOND_LEADER, T0)).status()).isEqualTo(ArticleStatus.REVIEWED);
    }

    @Test
    void only_the_owning_units_leader_reviews_publishes_and_withdraws() {
        assertThat(refusal(draft().review(WRITER, T0))).isEqualTo(ArticleStep.Refusal.NOT_YOUR_ROLE);
        assertThat(refusal(draft().review(TAX_LEADER, T0))).isEqualTo(ArticleStep.Refusal.NOT_YOUR_UNIT);
        assertThat(refusal(draft().review(DISTRICT, T0))).isEqualTo(ArticleStep.Refusal.NOT_YOUR_ROLE);
        Article reviewed = taken(draft().review(LEADER, T0));
        assertThat(refusal(reviewed.publish(OTHER_WRITER, T0))).isEqualTo(ArticleStep.Refusal.NOT_YOUR_ROLE);
        assertThat(refusal(reviewed.publish(TAX_LEADER, T0))).isEqualTo(ArticleStep.Refusal.NOT_YOUR_UNIT);
        assertThat(refusal(published().withdraw(WRITER, T0))).isEqualTo(ArticleStep.Refusal.NOT_YOUR_ROLE);
        assertThat(refusal(published().withdraw(ADMIN, T0))).isEqualTo(ArticleStep.Refusal.NOT_YOUR_ROLE);
    }

    @Test
    void only_the_owning_units_staff_write_and_nobody_outside_it() {
        assertThat(refusal(Article.create(TAX_WRITER, "SAMR", content("越权新建"), CATALOGUE, null, T0)))
                .isEqualTo(ArticleStep.Refusal.NOT_YOUR_UNIT);
        assertThat(refusal(Article.create(DISTRICT, "SAMR", content("区领导新建"), CATALOGUE, null, T0)))
                .isEqualTo(ArticleStep.Refusal.NOT_YOUR_ROLE);
        assertThat(refusal(Article.create(DISPATCHER, "DRC", content("派单员新建"), CATALOGUE, null, T0)))
                .isEqualTo(ArticleStep.Refusal.NOT_YOUR_ROLE);
        assertThat(refusal(published().edit(TAX_WRITER, content("越权修改"), CATALOGUE, T0)))
                .isEqualTo(ArticleStep.Refusal.NOT_YOUR_UNIT);
        assertThat(taken(published().edit(OTHER_WRITER, content("同单位专员修改"), CATALOGUE, T0)).latest().editedBy())
                .isEqualTo("wang");
    }

    @Test
    void steps_follow_the_order_draft_reviewed_published() {
        assertThat(refusal(draft().publish(LEADER, T0))).isEqualTo(ArticleStep.Refusal.NOT_REVIEWED);
        assertThat(refusal(draft().withdraw(LEADER, T0))).isEqualTo(ArticleStep.Refusal.NOT_PUBLISHED);
        assertThat(refusal(published().review(SECOND_LEADER, T0))).isEqualTo(ArticleStep.Refusal.NOT_A_DRAFT);
        assertThat(refusal(published().publish(LEADER, T0))).isEqualTo(ArticleStep.Refusal.NOT_REVIEWED);
    }

    @Test
    void editing_a_published_article_starts_a_draft_while_the_published_version_keeps_answering() {
        Article edited = taken(published().edit(OTHER_WRITER, content("营业执照遗失补领（新）"), CATALOGUE, T0.plusSeconds(300)));
        assertThat(edited.versions()).hasSize(2);
        assertThat(edited.status()).isEqualTo(ArticleStatus.DRAFT);
        assertThat(edited.live()).map(ArticleVersion::version).contains(1);
        assertThat(edited.live().orElseThrow().content().title()).isEqualTo("营业执照遗失补领");

        Article reviewed = taken(edited.review(LEADER, T0.plusSeconds(360)));
        assertThat(reviewed.live()).map(ArticleVersion::version).contains(1);
        Article republished = taken(reviewed.publish(LEADER, T0.plusSeconds(420)));
        assertThat(republished.live()).map(ArticleVersion::version).contains(2);
        assertThat(republished.versions().get(0).status()).isEqualTo(ArticleStatus.SUPERSEDED);
        assertThat(republished.versions().get(0).publishedBy()).isEqualTo("liu");
    }

    @Test
    void every_edit_is_a_new_version_and_an_older_draft_is_superseded_not_lost() {
        Article twice = taken(draft().edit(WRITER, content("第二稿标题"), CATALOGUE, T0.plusSeconds(10)));
        Article thrice = taken(twice.edit(WRITER, content("第三稿标题"), CATALOGUE, T0.plusSeconds(20)));
        assertThat(thrice.versions()).extracting(ArticleVersion::version).containsExactly(1, 2, 3);
        assertThat(thrice.versions()).extracting(ArticleVersion::status)
                .containsExactly(ArticleStatus.SUPERSEDED, ArticleStatus.SUPERSEDED, ArticleStatus.DRAFT);
        assertThat(thrice.versions().get(0).content().title()).isEqualTo("营业执照遗失补领");
        // an edit after review sends the new words back to review
        Article reviewed = taken(thrice.review(LEADER, T0.plusSeconds(30)));
        Article again = taken(reviewed.edit(WRITER, content("第四稿标题"), CATALOGUE, T0.plusSeconds(40)));
        assertThat(again.status()).isEqualTo(ArticleStatus.DRAFT);
        assertThat(refusal(again.publish(LEADER, T0))).isEqualTo(ArticleStep.Refusal.NOT_REVIEWED);
    }

    @Test
    void withdrawing_stops_the_published_version_and_keeps_a_draft_being_worked_on() {
        Article withDraft = taken(published().edit(WRITER, content("修改中的新版本"), CATALOGUE, T0.plusSeconds(300)));
        Article withdrawn = taken(withDraft.withdraw(LEADER, T0.plusSeconds(400)));
        assertThat(withdrawn.live()).isEmpty();
        assertThat(withdrawn.versions().get(0).status()).isEqualTo(ArticleStatus.WITHDRAWN);
        assertThat(withdrawn.versions().get(0).withdrawnBy()).isEqualTo("liu");
        assertThat(withdrawn.status()).isEqualTo(ArticleStatus.DRAFT);
        Article alone = taken(published().withdraw(LEADER, T0.plusSeconds(400)));
        assertThat(alone.status()).isEqualTo(ArticleStatus.WITHDRAWN);
        assertThat(refusal(alone.withdraw(LEADER, T0))).isEqualTo(ArticleStep.Refusal.NOT_PUBLISHED);
    }

    @Test
    void the_unit_and_the_district_read_other_units_do_not() {
        Article article = draft();
        assertThat(article.readableBy(WRITER)).isTrue();
        assertThat(article.readableBy(LEADER)).isTrue();
        assertThat(article.readableBy(DISTRICT)).isTrue();
        assertThat(article.readableBy(ADMIN)).isTrue();
        assertThat(article.readableBy(TAX_WRITER)).isFalse();
        assertThat(article.readableBy(DISPATCHER)).isFalse();
        assertThat(article.readableBy(Caller.anonymous())).isFalse();
    }

    @Test
    void the_page_offers_each_caller_the_steps_they_may_take_now() {
        assertThat(draft().actionsFor(WRITER, T0)).containsExactly(ArticleAction.EDIT);
        assertThat(draft().actionsFor(LEADER, T0)).containsExactly(ArticleAction.EDIT, ArticleAction.REVIEW);
        assertThat(taken(draft().review(LEADER, T0)).actionsFor(LEADER, T0)).containsExactly(ArticleAction.EDIT,
                ArticleAction.PUBLISH);
        assertThat(published().actionsFor(LEADER, T0)).containsExactly(ArticleAction.EDIT, ArticleAction.WITHDRAW);
        assertThat(published().actionsFor(DISTRICT, T0)).isEmpty();
    }

    @Test
    void content_that_breaks_a_field_rule_is_refused_after_the_caller_is_found_allowed() {
        ArticleContent bad = new ArticleContent("短", List.of(), "太短", "依据", null, "BIZ_REG", LocalDate.parse("2026-01-01"), null);
        ArticleStep step = Article.create(WRITER, "SAMR", bad, CATALOGUE, null, T0);
        assertThat(step).isInstanceOf(ArticleStep.Invalid.class);
        assertThat(((ArticleStep.Invalid) step).violations()).extracting(v -> v.field())
                .containsExactly("title", "questions", "answer");
        assertThat(refusal(Article.create(TAX_WRITER, "SAMR", bad, CATALOGUE, null, T0))).isEqualTo(ArticleStep.Refusal.NOT_YOUR_UNIT);
        assertThat(published().edit(WRITER, bad, CATALOGUE, T0)).isInstanceOf(ArticleStep.Invalid.class);
    }

    @Test
    void a_seeded_article_is_published_as_version_1_by_system() {
        Article seeded = Article.seeded("KB-TEST-001", "SAMR", content("种子条目"), T0);
        assertThat(seeded.status()).isEqualTo(ArticleStatus.PUBLISHED);
        assertThat(seeded.live()).map(ArticleVersion::version).contains(1);
        assertThat(seeded.latest().editedBy()).isEqualTo("system");
        assertThat(seeded.latest().publishedBy()).isEqualTo("system");
    }
}
