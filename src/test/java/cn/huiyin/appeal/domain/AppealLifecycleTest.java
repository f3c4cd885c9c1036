package cn.huiyin.appeal.domain;

import static cn.huiyin.appeal.domain.AppealAction.*;
import static cn.huiyin.appeal.domain.AppealStatus.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class AppealLifecycleTest {

    /** The lifecycle written out independently of the production table: from, action, to. */
    private static final String LEGAL_MOVES = """
            RECEIVED,   DISPATCH,      DISPATCHED
            RECEIVED,   MERGE,         MERGED
            DISPATCHED, ACCEPT,        ACCEPTED
            DISPATCHED, RETURN,        RETURNED
            DISPATCHED, TRANSFER,      DISPATCHED
            DISPATCHED, MERGE,         MERGED
            ACCEPTED,   FIRST_CONTACT, HANDLING
            ACCEPTED,   REPLY,         REPLIED
            ACCEPTED,   RETURN,        RETURNED
            ACCEPTED,   TRANSFER,      DISPATCHED
            ACCEPTED,   MERGE,         MERGED
            HANDLING,   REPLY,         REPLIED
            HANDLING,   TRANSFER,      DISPATCHED
            HANDLING,   MERGE,         MERGED
            RETURNED,   REDISPATCH,    DISPATCHED
            RETURNED,   REFUSE_RETURN, DISPATCHED
            RETURNED,   MERGE,         MERGED
            REPLIED,    RATE_GOOD,     EVALUATED
            REPLIED,    RATE_BAD,      REWORK
            REWORK,     REPLY,         REPLIED
            EVALUATED,  CLOSE,         CLOSED
            MERGED,     CLOSE,         CLOSED
            """;

    @ParameterizedTest(name = "{0} --{1}--> {2}")
    @CsvSource(textBlock = LEGAL_MOVES)
    void aLegalActionMovesTheAppeal(AppealStatus from, AppealAction action, AppealStatus to) {
        assertThat(AppealLifecycle.decide(from, action)).isEqualTo(new Transition.Moved(to));
    }

    @ParameterizedTest(name = "{0} --{1}--> refused")
    @MethodSource("everyPairNotInTheLegalTable")
    void everyOtherActionIsRefusedWithAPlainReason(AppealStatus from, AppealAction action) {
        assertThat(AppealLifecycle.decide(from, action)).isEqualTo(
                new Transition.Refused(from, action, "cannot " + action + " an appeal that is " + from));
    }

    @Test
    void theTableCoversEveryPairExactlyOnce() {
        long legal = legalPairs().size();
        long refused = everyPairNotInTheLegalTable().count();

        assertThat(legal).isEqualTo(22);
        assertThat(legal + refused).isEqualTo((long) AppealStatus.values().length * AppealAction.values().length);
    }

    @ParameterizedTest
    @EnumSource(AppealStatus.class)
    void allowedActionsAreExactlyTheOnesThatMove(AppealStatus from) {
        Set<AppealAction> moving = Arrays.stream(AppealAction.values())
                .filter(action -> AppealLifecycle.decide(from, action) instanceof Transition.Moved)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(AppealAction.class)));

        assertThat(AppealLifecycle.allowedFrom(from)).containsExactlyInAnyOrderElementsOf(moving);
    }

    @Test
    void theHappyPathRunsFromReceivedToClosed() {
        assertThat(run(RECEIVED, DISPATCH, ACCEPT, FIRST_CONTACT, REPLY, RATE_GOOD, CLOSE)).isEqualTo(CLOSED);
    }

    @Test
    void aBadRatingSendsTheAppealBackForReworkUntilTheEnterpriseIsSatisfied() {
        AppealStatus afterBadRating = run(RECEIVED, DISPATCH, ACCEPT, FIRST_CONTACT, REPLY, RATE_BAD);
        assertThat(afterBadRating).isEqualTo(REWORK);

        assertThat(AppealLifecycle.decide(REWORK, CLOSE)).isInstanceOf(Transition.Refused.class);
        assertThat(run(afterBadRating, REPLY, RATE_BAD, REPLY, RATE_GOOD, CLOSE)).isEqualTo(CLOSED);
    }

    @Test
    void aReturnCanBounceBetweenUnitAndDispatcherUntilSomeoneAccepts() {
        AppealStatus status = run(RECEIVED, DISPATCH, RETURN, REFUSE_RETURN, ACCEPT, RETURN, REDISPATCH);
        assertThat(status).isEqualTo(DISPATCHED);

        assertThat(run(status, ACCEPT, REPLY)).isEqualTo(REPLIED);
    }

    @Test
    void aTransferredAppealMustBeAcceptedAfreshByTheNewUnit() {
        assertThat(run(RECEIVED, DISPATCH, ACCEPT, FIRST_CONTACT, TRANSFER)).isEqualTo(DISPATCHED);
        assertThat(AppealLifecycle.decide(DISPATCHED, REPLY)).isInstanceOf(Transition.Refused.class);
    }

    @Test
    void aDuplicateIsMergedAndLaterClosedWithItsParent() {
        assertThat(run(RECEIVED, DISPATCH, MERGE, CLOSE)).isEqualTo(CLOSED);
    }

    @Test
    void nothingHappensToAClosedAppeal() {
        assertThat(AppealLifecycle.allowedFrom(CLOSED)).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(value = AppealStatus.class, names = "CLOSED", mode = EnumSource.Mode.EXCLUDE)
    void everyAppealCanStillReachClosed(AppealStatus from) {
        Set<AppealStatus> reached = EnumSet.of(from);
        var frontier = new ArrayDeque<AppealStatus>(reached);
        while (!frontier.isEmpty()) {
            AppealStatus current = frontier.poll();
            for (AppealAction action : AppealLifecycle.allowedFrom(current)) {
                AppealStatus next = ((Transition.Moved) AppealLifecycle.decide(current, action)).to();
                if (reached.add(next)) {
                    frontier.add(next);
                }
            }
        }
        assertThat(reached).contains(CLOSED);
    }

    private static AppealStatus run(AppealStatus start, AppealAction... actions) {
        AppealStatus status = start;
        for (AppealAction action : actions) {
            Transition transition = AppealLifecycle.decide(status, action);
            if (transition instanceof Transition.Refused refused) {
                fail(refused.reason());
            }
            status = ((Transition.Moved) transition).to();
        }
        return status;
    }

    static Stream<Arguments> everyPairNotInTheLegalTable() {
        Set<String> legal = legalPairs();
        return Arrays.stream(AppealStatus.values())
                .flatMap(from -> Arrays.stream(AppealAction.values()).map(action -> Arguments.of(from, action)))
                .filter(pair -> !legal.contains(pair.get()[0] + "," + pair.get()[1]));
    }

    private static Set<String> legalPairs() {
        return LEGAL_MOVES.lines()
                .map(line -> line.split(","))
                .map(cells -> cells[0].strip() + "," + cells[1].strip())
                .collect(Collectors.toSet());
    }
}
