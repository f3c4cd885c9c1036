package cn.huiyin.hotspot.domain;

import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Finds the hot spots (每月一题) among the appeals of the window: the groups of {@link ProblemGrouping} with enough
 * appeals from enough enterprises, each summed up, the largest first.
 */
public final class HotSpotFinder {

    private final ProblemGrouping grouping;
    private final HotSpotRules rules;

    public HotSpotFinder(GroupingRules grouping, HotSpotRules rules) {
        this.grouping = new ProblemGrouping(grouping);
        this.rules = Objects.requireNonNull(rules);
    }

    /** The hot spots at {@code now} among {@code appeals} (those received before the window are left out). */
    public List<HotSpot> find(List<CandidateAppeal> appeals, Instant now) {
        Instant since = now.minus(rules.window());
        List<CandidateAppeal> recent = appeals.stream()
                .filter(a -> a.receivedAt().isAfter(since) && !a.receivedAt().isAfter(now)).toList();
        return grouping.groups(recent).stream().filter(this::isHotSpot).map(g -> summed(g.appeals(), now))
                .sorted(Comparator.comparingInt(HotSpot::size).reversed().thenComparing(HotSpot::lastSpan,
                        Comparator.reverseOrder()).thenComparing(HotSpot::lastSeen, Comparator.reverseOrder())
                        .thenComparingLong(HotSpot::id))
                .toList();
    }

    private boolean isHotSpot(ProblemGrouping.Group group) {
        return group.appeals().size() >= rules.minAppeals() && enterprises(group.appeals()) >= rules.minEnterprises();
    }

    private static int enterprises(List<CandidateAppeal> appeals) {
        return (int) appeals.stream().map(CandidateAppeal::enterprise).filter(Objects::nonNull).distinct().count();
    }

    private HotSpot summed(List<CandidateAppeal> appeals, Instant now) {
        CandidateAppeal central = appeals.get(0);
        CandidateAppeal earliest = appeals.stream().min(Comparator.comparing(CandidateAppeal::receivedAt)
                .thenComparingLong(CandidateAppeal::id)).orElseThrow();
        Instant lastSpanFrom = now.minus(rules.trendSpan());
        Instant spanBeforeFrom = lastSpanFrom.minus(rules.trendSpan());
        int lastSpan = (int) appeals.stream().filter(a -> a.receivedAt().isAfter(lastSpanFrom)).count();
        int spanBefore = (int) appeals.stream()
                .filter(a -> a.receivedAt().isAfter(spanBeforeFrom) && !a.receivedAt().isAfter(lastSpanFrom)).count();
        Instant lastSeen = appeals.stream().map(CandidateAppeal::receivedAt).max(Comparator.naturalOrder()).orElseThrow();
        return new HotSpot(earliest.id(), central.id(), central.title(), mostCommon(appeals, CandidateAppeal::category, 0),
                mostCommon(appeals, CandidateAppeal::street, (appeals.size() + 1) / 2),
                appeals.stream().map(CandidateAppeal::id).toList(), enterprises(appeals), lastSpan, spanBefore,
                earliest.receivedAt(), lastSeen);
    }

    /** The value most appeals have, if more than {@code atLeast} have it (ties: the first met, the central's first). */
    private static String mostCommon(List<CandidateAppeal> appeals, Function<CandidateAppeal, String> value, int atLeast) {
        Map<String, Integer> counts = new HashMap<>();
        String best = null;
        for (CandidateAppeal appeal : appeals) {
            String v = value.apply(appeal);
            if (v != null && counts.merge(v, 1, Integer::sum) > (best == null ? 0 : counts.get(best))) {
                best = v;
            }
        }
        return best != null && counts.get(best) >= Math.max(1, atLeast) ? best : null;
    }
}
