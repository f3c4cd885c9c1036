package cn.huiyin.knowledge.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ColloquialismsTest {

    @Test
    void a_written_name_that_contains_the_spoken_one_is_left_as_it_is() {
        assertThat(Colloquialisms.replaceOutside("营业执照和执照", "执照", "营业执照")).isEqualTo("营业执照和营业执照");
        assertThat(Colloquialisms.replaceOutside("住房公积金", "公积金", "住房公积金")).isEqualTo("住房公积金");
    }

    @Test
    void every_occurrence_outside_the_written_name_is_rewritten() {
        assertThat(Colloquialisms.replaceOutside("社保社保", "社保", "社会保险")).isEqualTo("社会保险社会保险");
        assertThat(Colloquialisms.replaceOutside("", "社保", "社会保险")).isEmpty();
    }

    @Test
    void rewriting_twice_changes_nothing_more() {
        String once = Colloquialisms.rewrite("个体户的执照和社保、专票");
        assertThat(Colloquialisms.rewrite(once)).isEqualTo(once);
    }
}
