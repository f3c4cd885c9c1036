package cn.huiyin.shared.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.huiyin.shared.demo.DemoSeeder.DemoUser;
import cn.huiyin.shared.persistence.ReferenceDataSeeder;
import cn.huiyin.shared.security.Roles;

/**
 * The demo run's staff, read from the shipped catalogue: every unit and street has its commissioner. (Tests run
 * without them, so that assignment tests can have units with nobody on duty; this checks the list itself.)
 */
class DemoSeederTest {

    private static JsonNode catalogue() throws IOException {
        try (InputStream in = DemoSeederTest.class.getClassLoader().getResourceAsStream(ReferenceDataSeeder.CATALOGUE)) {
            return new ObjectMapper().readTree(in);
        }
    }

    @Test
    void every_unit_and_street_of_the_catalogue_has_exactly_one_demo_commissioner() throws IOException {
        JsonNode catalogue = catalogue();
        List<DemoUser> users = new ArrayList<>(DemoSeeder.USERS);
        users.addAll(DemoSeeder.unitCommissioners(catalogue));

        List<String> codes = new ArrayList<>();
        catalogue.get("units").forEach(u -> codes.add(u.get("code").asText()));
        assertThat(codes).hasSizeGreaterThan(30).contains("ECO", "EMG", "ST-SHIPAI", "ST-XINTANG");
        for (String code : codes) {
            assertThat(users).as("commissioners of %s", code)
                    .filteredOn(u -> Roles.COMMISSIONER.equals(u.role()) && code.equals(u.unit())).hasSize(1)
                    .allSatisfy(u -> assertThat(u.username()).isEqualTo(DemoSeeder.commissionerOf(code)));
        }
        assertThat(users).extracting(DemoUser::username).doesNotHaveDuplicates()
                .allSatisfy(name -> assertThat(name.length()).isLessThanOrEqualTo(64));
        assertThat(users).allSatisfy(u -> assertThat(u.displayName().length()).isLessThanOrEqualTo(64));
    }

    @Test
    void the_named_commissioners_stay_and_the_others_are_named_after_their_unit() throws IOException {
        List<DemoUser> added = DemoSeeder.unitCommissioners(catalogue());

        assertThat(added).extracting(DemoUser::username).doesNotContain("commissioner-tax", "commissioner-samr")
                .contains("commissioner-eco", "commissioner-drc", "commissioner-st-shipai");
        assertThat(DemoSeeder.USERS).extracting(DemoUser::username).contains("commissioner-tax", "commissioner-samr");
        DemoUser eco = added.stream().filter(u -> u.unit().equals("ECO")).findFirst().orElseThrow();
        assertThat(eco.displayName()).isEqualTo("广州市生态环境局天河分局 服务专员");
        assertThat(eco.role()).isEqualTo(Roles.COMMISSIONER);
        assertThat(eco.uscc()).isNull();
    }
}
