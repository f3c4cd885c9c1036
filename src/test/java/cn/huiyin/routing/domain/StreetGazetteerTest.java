package cn.huiyin.routing.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;

import org.junit.jupiter.api.Test;

class StreetGazetteerTest {

    private final StreetGazetteer tianhe = StreetGazetteer.TIANHE;

    @Test
    void a_village_road_or_landmark_names_its_street() {
        assertThat(tianhe.streetsNamedIn("柯木塱村口设了卡")).containsExactly("ST-FENGHUANG");
        assertThat(tianhe.streetsNamedIn("我司位于石牌东路某大厦")).containsExactly("ST-SHIPAI");
        assertThat(tianhe.streetsNamedIn("體育西路的寫字樓")).containsExactly("ST-TIANHENAN"); // traditional script
    }

    @Test
    void the_text_counts_before_the_registered_address() {
        assertThat(tianhe.locate("珠村园区后门没有路灯", "广州市天河区车陂路某号")).isEqualTo(Optional.of("ST-ZHUJI"));
        assertThat(tianhe.locate("园区围墙倒了", "广州市天河区车陂路某号")).isEqualTo(Optional.of("ST-CHEBEI"));
    }

    @Test
    void two_streets_or_none_is_left_to_a_person() {
        assertThat(tianhe.locate("我们从车陂搬到棠下了", null)).isEmpty();
        assertThat(tianhe.locate("珠江新城的写字楼", null)).isEmpty();
        assertThat(tianhe.locate(null, null)).isEmpty();
    }

    @Test
    void a_local_matter_goes_to_the_street_the_text_names_else_the_enterprise() {
        assertThat(Placement.streetOf("猎德村修路围挡挡住店门", "ST-SHIPAI")).isEqualTo("ST-LIEDE");
        assertThat(Placement.streetOf("园区道路坑洼", "ST-SHIPAI")).isEqualTo("ST-SHIPAI");
    }
}
