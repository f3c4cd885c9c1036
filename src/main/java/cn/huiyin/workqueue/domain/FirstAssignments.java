package cn.huiyin.workqueue.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Who gets each of a batch of dispatched appeals: a key enterprise's named commissioner when on duty in the appeal's
 * unit, else the backup, else the on-duty commissioner of the unit with the least open work (ties to the first in
 * the order given). Appeals are placed one after another in id order, each choice adding to that commissioner's open
 * work, so a batch ends where the same appeals assigned one at a time would.
 */
public final class FirstAssignments {

    public static final String KEY_ENTERPRISE = "KEY_ENTERPRISE";
    public static final String BACKUP = "BACKUP";
    public static final String LEAST_LOADED = "LEAST_LOADED";

    /** An appeal waiting for its first commissioner; {@code named} and {@code backup} are null unless a key enterprise's. */
    public record Waiting(long appealId, String unit, String named, String backup) {
    }

    /** A commissioner on duty in {@code unit}, holding {@code openWork} open appeals (in any unit). */
    public record OnDuty(String username, String unit, long openWork) {
    }

    public record Choice(long appealId, String username, String basis) {
    }

    private FirstAssignments() {
    }

    /** One choice per appeal whose unit has someone on duty; an appeal whose unit has nobody stays out. */
    public static List<Choice> choose(List<Waiting> appeals, List<OnDuty> onDuty) {
        Map<String, Long> openWork = new HashMap<>();
        Map<String, List<OnDuty>> byUnit = new HashMap<>();
        for (OnDuty member : onDuty) {
            if (openWork.putIfAbsent(member.username(), member.openWork()) == null) {
                byUnit.computeIfAbsent(member.unit(), unit -> new ArrayList<>()).add(member);
            }
        }
        List<Choice> choices = new ArrayList<>();
        appeals.stream().sorted(Comparator.comparingLong(Waiting::appealId)).forEach(appeal -> {
            List<OnDuty> candidates = byUnit.getOrDefault(appeal.unit(), List.of());
            choose(appeal, candidates, openWork).ifPresent(choice -> {
                openWork.merge(choice.username(), 1L, Long::sum);
                choices.add(choice);
            });
        });
        return choices;
    }

    private static Optional<Choice> choose(Waiting appeal, List<OnDuty> candidates, Map<String, Long> openWork) {
        if (onDuty(candidates, appeal.named())) {
            return Optional.of(new Choice(appeal.appealId(), appeal.named(), KEY_ENTERPRISE));
        }
        if (onDuty(candidates, appeal.backup())) {
            return Optional.of(new Choice(appeal.appealId(), appeal.backup(), BACKUP));
        }
        // min keeps the first of equals: the order given breaks ties
        return candidates.stream().min(Comparator.comparingLong(member -> openWork.get(member.username())))
                .map(least -> new Choice(appeal.appealId(), least.username(), LEAST_LOADED));
    }

    private static boolean onDuty(List<OnDuty> candidates, String username) {
        return username != null && candidates.stream().anyMatch(member -> Objects.equals(member.username(), username));
    }
}
