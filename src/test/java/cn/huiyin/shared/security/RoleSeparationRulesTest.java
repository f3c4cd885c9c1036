package cn.huiyin.shared.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * The separated duties (等保三级) as the resources declare them, over every endpoint there is, so that a new endpoint
 * cannot quietly hand the auditor a write or the security administrator a setting. {@code RoleSeparationTest} shows
 * the same over HTTP for a sample.
 */
class RoleSeparationRulesTest {

    /** An endpoint: its class and method, the HTTP method, and the roles it admits (null: anyone, signed in or not). */
    record Endpoint(String name, String verb, Set<String> roles) {

        boolean writes() {
            return !verb.equals("GET");
        }

        boolean admits(String role) {
            return roles != null && roles.contains(role);
        }
    }

    /**
     * The writes open to anyone, signed in or not: an appellant's own steps (an appeal, a lookup, a rating by its link;
     * the rating API refuses every staff token itself), the channels' signed callbacks, sign-out, and the demo's token
     * mint. A signed-in auditor who uses the public form is an appellant like any other.
     */
    private static final Set<String> PUBLIC_WRITES = Set.of(
            "AppealPages.submit", "AppealPages.lookup", "AppealSubmissionResource.submit",
            "RatingPage.rate", "RatingResource.rate",
            "WechatCallbackResource.receive", "ZammadCtiResource.json", "ZammadCtiResource.form",
            "PhoneEventsResource.receive", "SignInPage.signOut", "DemoTokenResource.mint",
            // a shown answer's 有帮助/没帮助: the id is an unguessable UUID handed to whoever saw the answer
            "KnowledgeAnswersResource.feedback");

    private static final List<Endpoint> ENDPOINTS = endpoints();

    private static List<Endpoint> endpoints() {
        List<Endpoint> found = new ArrayList<>();
        var classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS).importPackages("cn.huiyin");
        for (JavaClass javaClass : classes) {
            if (!javaClass.isAnnotatedWith(Path.class)) {
                continue;
            }
            Class<?> resource = javaClass.reflect();
            for (Method method : resource.getDeclaredMethods()) {
                String verb = verb(method);
                if (verb == null) {
                    continue;
                }
                RolesAllowed allowed = method.isAnnotationPresent(RolesAllowed.class) ? method.getAnnotation(RolesAllowed.class)
                        : resource.getAnnotation(RolesAllowed.class);
                found.add(new Endpoint(resource.getSimpleName() + "." + method.getName(), verb,
                        allowed == null ? null : Set.of(allowed.value())));
            }
        }
        return found;
    }

    private static String verb(Method method) {
        for (Class<? extends Annotation> verb : List.of(GET.class, POST.class, PUT.class, DELETE.class, PATCH.class)) {
            if (method.isAnnotationPresent(verb)) {
                return verb.getSimpleName();
            }
        }
        return null;
    }

    private static Set<String> names(java.util.function.Predicate<Endpoint> which) {
        return ENDPOINTS.stream().filter(which).map(Endpoint::name).collect(java.util.stream.Collectors.toCollection(TreeSet::new));
    }

    @Test
    void the_scan_sees_the_resources() {
        assertThat(ENDPOINTS).hasSizeGreaterThan(80);
        assertThat(names(Endpoint::writes)).contains("CatalogueAdminResource.change", "ClockRuleAdminResource.add",
                "StaffMobileResource.set", "SupervisionResource.issue");
    }

    @Test
    void the_auditor_may_write_nothing() {
        assertThat(names(e -> e.writes() && e.admits(Roles.AUDITOR))).isEmpty();
        // and what is open to anyone is only what an appellant or a channel does without signing in
        assertThat(names(e -> e.writes() && e.roles() == null)).isEqualTo(new TreeSet<>(PUBLIC_WRITES));
    }

    @Test
    void the_auditor_reads_the_audit_records_and_nothing_else() {
        assertThat(names(e -> e.admits(Roles.AUDITOR))).containsExactlyInAnyOrder(
                "RevealAuditResource.list", "RevealAuditPage.report", "CatalogueAdminResource.history",
                "ClockRuleAdminResource.history", "AppealQueryResource.integrity", "SupervisionResource.escalated");
    }

    @Test
    void the_security_administrator_keeps_staff_identities_and_shares_nothing_with_the_administrator() {
        assertThat(names(e -> e.admits(Roles.SECURITY_ADMIN)))
                .containsExactlyInAnyOrder("StaffWecomResource.set", "StaffMobileResource.set");
        assertThat(ENDPOINTS).filteredOn(e -> e.admits(Roles.SECURITY_ADMIN))
                .allSatisfy(e -> assertThat(e.roles()).containsExactly(Roles.SECURITY_ADMIN));
    }

    @Test
    void the_administrator_reads_no_reveal_log() {
        assertThat(ENDPOINTS).filteredOn(e -> e.name().startsWith("RevealAudit")).hasSize(2)
                .allSatisfy(e -> assertThat(e.roles()).containsExactlyInAnyOrder(Roles.AUDITOR, Roles.DISTRICT_LEADER));
    }

    @Test
    void the_roles_are_named_as_in_the_realm() {
        assertThat(Arrays.asList(Roles.SECURITY_ADMIN, Roles.AUDITOR)).containsExactly("security-admin", "auditor");
    }
}
