package cn.huiyin.workqueue.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import cn.huiyin.workqueue.domain.FirstAssignments.Choice;
import cn.huiyin.workqueue.domain.FirstAssignments.OnDuty;
import cn.huiyin.workqueue.domain.FirstAssignments.Waiting;

class FirstAssignmentsTest {

    private static Waiting plain(long id, String unit) {
        return new Waiting(id, unit, null, null);
    }

    @Test
    void a_batch_ends_where_one_appeal_at_a_time_would_each_choice_adding_to_the_open_work() {
        List<OnDuty> onDuty = List.of(new OnDuty("a", "STI", 2), new OnDuty("b", "STI", 0), new OnDuty("c", "STI", 1));

        List<Choice> choices = FirstAssignments.choose(List.of(plain(14, "STI"), plain(11, "STI"), plain(12, "STI"),
                plain(13, "STI"), plain(15, "STI")), onDuty);

        // in id order: b 0→1; b and c tie at 1, b listed first 1→2; c 1→2; all at 2, a listed first; then b
        assertThat(choices).extracting(Choice::appealId).containsExactly(11L, 12L, 13L, 14L, 15L);
        assertThat(choices).extracting(Choice::username).containsExactly("b", "b", "c", "a", "b");
        assertThat(choices).extracting(Choice::basis).containsOnly(FirstAssignments.LEAST_LOADED);
    }

    @Test
    void a_key_enterprise_goes_to_its_named_commissioner_else_the_backup_while_on_duty_in_the_unit() {
        List<OnDuty> onDuty = List.of(new OnDuty("named", "FIN", 9), new OnDuty("backup", "FIN", 9), new OnDuty("idle", "FIN", 0));

        assertThat(FirstAssignments.choose(List.of(new Waiting(1, "FIN", "named", "backup")), onDuty))
                .containsExactly(new Choice(1, "named", FirstAssignments.KEY_ENTERPRISE));
        assertThat(FirstAssignments.choose(List.of(new Waiting(1, "FIN", "away", "backup")), onDuty))
                .containsExactly(new Choice(1, "backup", FirstAssignments.BACKUP));
        assertThat(FirstAssignments.choose(List.of(new Waiting(1, "FIN", "away", "gone")), onDuty))
                .containsExactly(new Choice(1, "idle", FirstAssignments.LEAST_LOADED));
        // named in another unit's list does not count here
        assertThat(FirstAssignments.choose(List.of(new Waiting(1, "TAX", "named", null)), onDuty)).isEmpty();
    }

    @Test
    void each_unit_chooses_among_its_own_on_duty_and_a_unit_with_nobody_keeps_its_appeal() {
        List<OnDuty> onDuty = List.of(new OnDuty("t1", "TAX", 5), new OnDuty("f1", "FIN", 0));

        List<Choice> choices = FirstAssignments.choose(List.of(plain(1, "TAX"), plain(2, "FIN"), plain(3, "LEGAL")), onDuty);

        assertThat(choices).containsExactly(new Choice(1, "t1", FirstAssignments.LEAST_LOADED),
                new Choice(2, "f1", FirstAssignments.LEAST_LOADED));
    }

    @Test
    void key_enterprise_appeals_add_to_their_commissioners_open_work_for_the_rest_of_the_batch() {
        List<OnDuty> onDuty = List.of(new OnDuty("named", "FIN", 0), new OnDuty("other", "FIN", 1));

        List<Choice> choices = FirstAssignments.choose(List.of(new Waiting(1, "FIN", "named", null), plain(2, "FIN"),
                plain(3, "FIN")), onDuty);

        // named 0→1 by name; then named and other tie at 1 (named listed first) 1→2; then other
        assertThat(choices).extracting(Choice::username).containsExactly("named", "named", "other");
    }
}
