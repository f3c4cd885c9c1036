package cn.huiyin.knowledge.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import cn.huiyin.shared.domain.Caller;
import cn.huiyin.shared.domain.FieldViolation;
import cn.huiyin.shared.security.Roles;

/**
 * A knowledge-base article and its versions, oldest first. The owning unit's commissioners (and its leader) write
 * drafts; its leader reviews a draft someone else wrote, publishes it and withdraws it. Every edit is a new version:
 * editing a published article starts a draft while the published version keeps answering until the draft is
 * published in its place. The district's leaders and administrators read every unit's articles.
 */
public record Article(Long id, String key, String unitCode, List<ArticleVersion> versions) {

    /** The author of the seeded articles and of nothing else. */
    public static final String SYSTEM = "system";

    public Article {
        Objects.requireNonNull(unitCode, "unitCode");
        versions = List.copyOf(versions);
        if (versions.isEmpty()) {
            throw new IllegalArgumentException("an article has at least one version");
        }
        for (int i = 0; i < versions.size(); i++) {
            if (versions.get(i).version() != i + 1) {
                throw new IllegalArgumentException("versions are numbered 1, 2, 3… oldest first");
            }
        }
    }

    /**
     * A new article: version 1, a draft written by {@code by} in {@code unitCode}. {@code unitRules}: each category's
     * unit rule in the catalogue (see {@link ArticleContent#check}).
     */
    public static ArticleStep create(Caller by, String unitCode, ArticleContent content, Map<String, String> unitRules,
            String note, Instant at) {
        Optional<ArticleStep.Refusal> refused = mayWrite(by, unitCode);
        if (refused.isPresent()) {
            return new ArticleStep.Refused(refused.get());
        }
        List<FieldViolation> violations = content.check(unitRules, unitCode);
        if (!violations.isEmpty()) {
            return new ArticleStep.Invalid(violations);
        }
        return new ArticleStep.Taken(new Article(null, null, unitCode,
                List.of(ArticleVersion.draft(1, content, by.username(), at, note))));
    }

    /** A seeded article: version 1, published by {@link #SYSTEM} (its facts come from public notices). */
    public static Article seeded(String key, String unitCode, ArticleContent content, Instant at) {
        return new Article(null, key, unitCode, List.of(new ArticleVersion(1, ArticleStatus.PUBLISHED, content, SYSTEM, at,
                SYSTEM, at, SYSTEM, at, null, null, "随系统发布的初始条目")));
    }

    public ArticleVersion latest() {
        return versions.get(versions.size() - 1);
    }

    /** The version that answers questions now, if any. */
    public Optional<ArticleVersion> live() {
        return versions.stream().filter(v -> v.status() == ArticleStatus.PUBLISHED).findFirst();
    }

    /** The status of the latest version: where the work on the article stands. */
    public ArticleStatus status() {
        return latest().status();
    }

    /**
     * A new draft version; an older draft is superseded, a published version keeps answering. The content is checked
     * as for {@link #create}.
     */
    public ArticleStep edit(Caller by, ArticleContent content, Map<String, String> unitRules, Instant at) {
        Optional<ArticleStep.Refusal> refused = mayWrite(by, unitCode);
        if (refused.isPresent()) {
            return new ArticleStep.Refused(refused.get());
        }
        List<FieldViolation> violations = content.check(unitRules, unitCode);
        if (!violations.isEmpty()) {
            return new ArticleStep.Invalid(violations);
        }
        List<ArticleVersion> next = new ArrayList<>(versions);
        ArticleVersion last = latest();
        if (last.status() == ArticleStatus.DRAFT || last.status() == ArticleStatus.REVIEWED) {
            next.set(next.size() - 1, last.superseded());
        }
        next.add(ArticleVersion.draft(last.version() + 1, content, by.username(), at, null));
        return taken(next);
    }

    /** The unit's leader confirms a draft somebody else wrote. */
    public ArticleStep review(Caller by, Instant at) {
        Optional<ArticleStep.Refusal> refused = mayDecide(by);
        if (refused.isPresent()) {
            return new ArticleStep.Refused(refused.get());
        }
        ArticleVersion last = latest();
        if (last.status() != ArticleStatus.DRAFT) {
            return new ArticleStep.Refused(ArticleStep.Refusal.NOT_A_DRAFT);
        }
        if (last.editedBy().equals(by.username())) {
            return new ArticleStep.Refused(ArticleStep.Refusal.OWN_EDIT);
        }
        return taken(replaceLatest(last.reviewed(by.username(), at)));
    }

    /** The reviewed version answers from now on, in place of the one that answered before. */
    public ArticleStep publish(Caller by, Instant at) {
        Optional<ArticleStep.Refusal> refused = mayDecide(by);
        if (refused.isPresent()) {
            return new ArticleStep.Refused(refused.get());
        }
        if (latest().status() != ArticleStatus.REVIEWED) {
            return new ArticleStep.Refused(ArticleStep.Refusal.NOT_REVIEWED);
        }
        List<ArticleVersion> next = new ArrayList<>();
        for (ArticleVersion v : versions) {
            next.add(v.status() == ArticleStatus.PUBLISHED ? v.superseded() : v);
        }
        next.set(next.size() - 1, latest().published(by.username(), at));
        return taken(next);
    }

    /** The published version stops answering; a draft being worked on stays a draft. */
    public ArticleStep withdraw(Caller by, Instant at) {
        Optional<ArticleStep.Refusal> refused = mayDecide(by);
        if (refused.isPresent()) {
            return new ArticleStep.Refused(refused.get());
        }
        Optional<ArticleVersion> live = live();
        if (live.isEmpty()) {
            return new ArticleStep.Refused(ArticleStep.Refusal.NOT_PUBLISHED);
        }
        List<ArticleVersion> next = new ArrayList<>(versions);
        next.set(live.get().version() - 1, live.get().withdrawn(by.username(), at));
        return taken(next);
    }

    /** The owning unit's commissioners and leaders, and the district's leaders and administrators. */
    public boolean readableBy(Caller caller) {
        return mayReadAll(caller) || (isUnitStaff(caller) && unitCode.equals(caller.unitCode()));
    }

    /** Who reads every unit's articles. */
    public static boolean mayReadAll(Caller caller) {
        return caller.hasRole(Roles.DISTRICT_LEADER) || caller.hasRole(Roles.ADMIN);
    }

    /** The steps this caller may take on the article now (what its page offers). */
    public Set<ArticleAction> actionsFor(Caller caller, Instant at) {
        Set<ArticleAction> actions = EnumSet.noneOf(ArticleAction.class);
        if (mayWrite(caller, unitCode).isEmpty()) {
            actions.add(ArticleAction.EDIT);
        }
        if (review(caller, at).taken()) {
            actions.add(ArticleAction.REVIEW);
        }
        if (publish(caller, at).taken()) {
            actions.add(ArticleAction.PUBLISH);
        }
        if (withdraw(caller, at).taken()) {
            actions.add(ArticleAction.WITHDRAW);
        }
        return actions;
    }

    /** Whether the caller may write drafts for this unit: a commissioner or leader of it. */
    public static Optional<ArticleStep.Refusal> mayWrite(Caller by, String unit) {
        if (!isUnitStaff(by)) {
            return Optional.of(ArticleStep.Refusal.NOT_YOUR_ROLE);
        }
        return unit.equals(by.unitCode()) ? Optional.empty() : Optional.of(ArticleStep.Refusal.NOT_YOUR_UNIT);
    }

    private Optional<ArticleStep.Refusal> mayDecide(Caller by) {
        if (!by.hasRole(Roles.UNIT_LEADER)) {
            return Optional.of(ArticleStep.Refusal.NOT_YOUR_ROLE);
        }
        return unitCode.equals(by.unitCode()) ? Optional.empty() : Optional.of(ArticleStep.Refusal.NOT_YOUR_UNIT);
    }

    private static boolean isUnitStaff(Caller caller) {
        return !caller.isAnonymous() && (caller.hasRole(Roles.COMMISSIONER) || caller.hasRole(Roles.UNIT_LEADER))
                && caller.unitCode() != null;
    }

    private List<ArticleVersion> replaceLatest(ArticleVersion changed) {
        List<ArticleVersion> next = new ArrayList<>(versions);
        next.set(next.size() - 1, changed);
        return next;
    }

    private ArticleStep taken(List<ArticleVersion> next) {
        return new ArticleStep.Taken(new Article(id, key, unitCode, next));
    }
}
