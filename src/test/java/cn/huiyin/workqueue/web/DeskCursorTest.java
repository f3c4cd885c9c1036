package cn.huiyin.workqueue.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

import cn.huiyin.shared.web.ProblemException;

class DeskCursorTest {

    private static final String NO = "2611250000510";

    @Test
    void the_api_takes_a_tracking_number_as_written_and_refuses_anything_else_naming_the_field() {
        assertThat(DeskCursor.after(null)).isNull();
        assertThat(DeskCursor.after(" ")).isNull();
        assertThat(DeskCursor.after("261125 000051 0")).isEqualTo(NO);
        assertThatThrownBy(() -> DeskCursor.after("2611250000511")).isInstanceOf(ProblemException.class)
                .satisfies(e -> assertThat(((ProblemException) e).problem().field()).isEqualTo("after"));
        assertThatThrownBy(() -> DeskCursor.after("x".repeat(10_000))).isInstanceOf(ProblemException.class);
    }

    @Test
    void the_page_starts_again_from_the_top_on_an_address_it_cannot_read() {
        assertThat(DeskCursor.pageAfter(NO)).isEqualTo(NO);
        assertThat(DeskCursor.pageAfter("nonsense")).isNull();
        assertThat(DeskCursor.pageAfter(null)).isNull();
        assertThat(DeskCursor.pageSize(null)).isEqualTo(DeskCursor.PAGE);
        assertThat(DeskCursor.pageSize("1")).isEqualTo(1);
        assertThat(DeskCursor.pageSize("100")).isEqualTo(100);
        assertThat(DeskCursor.pageSize("101")).isEqualTo(DeskCursor.PAGE);
        assertThat(DeskCursor.pageSize("0")).isEqualTo(DeskCursor.PAGE);
        assertThat(DeskCursor.pageSize("many")).isEqualTo(DeskCursor.PAGE);
    }

    @Test
    void a_page_read_one_row_longer_shows_its_size_and_starts_the_next_after_its_last_row() {
        DeskCursor.Page<String> full = DeskCursor.Page.of(List.of("a", "b", "c"), 2);
        assertThat(full.rows()).containsExactly("a", "b");
        assertThat(full.lastBeforeMore()).contains("b");

        DeskCursor.Page<String> last = DeskCursor.Page.of(List.of("a", "b"), 2);
        assertThat(last.rows()).containsExactly("a", "b");
        assertThat(last.lastBeforeMore()).isEmpty();
        assertThat(DeskCursor.Page.of(List.<String> of(), 2).lastBeforeMore()).isEmpty();
    }
}
