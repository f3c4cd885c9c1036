package cn.huiyin.shared.security;

import static cn.huiyin.shared.security.SignInTenants.DEFAULT;
import static cn.huiyin.shared.security.SignInTenants.ENTERPRISE;
import static cn.huiyin.shared.security.SignInTenants.STAFF;
import static cn.huiyin.shared.security.SignInTenants.tenantOf;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Which OIDC tenant checks a request once page sign-in is on. */
class SignInTenantsTest {

    private static final List<String> NO_COOKIES = List.of();

    @Test
    void the_entry_points_start_their_tenants_code_flow() {
        assertThat(tenantOf("/signin/staff", true, false, NO_COOKIES)).isEqualTo(STAFF);
        assertThat(tenantOf("/signin/enterprise", true, false, NO_COOKIES)).isEqualTo(ENTERPRISE);
        assertThat(tenantOf("/signin", true, false, NO_COOKIES)).isEqualTo(DEFAULT);
    }

    @Test
    void a_page_request_with_a_tenants_session_cookie_goes_to_that_tenant() {
        assertThat(tenantOf("/workqueue", true, false, List.of("q_session_staff"))).isEqualTo(STAFF);
        assertThat(tenantOf("/workqueue/GZ1", true, false, List.of("q_session_staff_chunk_1", "q_session_staff_chunk_2")))
                .isEqualTo(STAFF);
        assertThat(tenantOf("/appeals/mine", true, false, List.of("q_session_enterprise"))).isEqualTo(ENTERPRISE);
        assertThat(tenantOf("/signout/staff", true, false, List.of("q_session_staff"))).isEqualTo(STAFF);
    }

    @Test
    void the_api_bearer_clients_and_everything_else_stay_on_the_default_tenant() {
        assertThat(tenantOf("/api/v1/workqueue", true, false, List.of("q_session_staff"))).isEqualTo(DEFAULT);
        assertThat(tenantOf("/api", true, false, List.of("q_session_staff"))).isEqualTo(DEFAULT);
        assertThat(tenantOf("/workqueue", true, true, List.of("q_session_staff"))).isEqualTo(DEFAULT);
        assertThat(tenantOf("/workqueue", true, false, List.of("huiyin_token", "q_session_staffer"))).isEqualTo(DEFAULT);
        // Quarkus alone would pick a tenant by the last path segment: not here
        assertThat(tenantOf("/admin/staff", true, false, NO_COOKIES)).isEqualTo(DEFAULT);
        assertThat(tenantOf("/api/v1/admin/enterprise", true, false, NO_COOKIES)).isEqualTo(DEFAULT);
    }

    @Test
    void the_pages_live_updates_read_with_the_session_but_nothing_else_of_the_api_does() {
        assertThat(tenantOf("/api/v1/workqueue/live", true, false, List.of("q_session_staff"))).isEqualTo(STAFF);
        assertThat(tenantOf("/api/v1/workqueue/live", false, false, List.of("q_session_staff"))).isEqualTo(DEFAULT);
        assertThat(tenantOf("/api/v1/workqueue/live", true, true, List.of("q_session_staff"))).isEqualTo(DEFAULT);
        assertThat(tenantOf("/api/v1/workqueue", true, false, List.of("q_session_staff"))).isEqualTo(DEFAULT);
    }
}
