package cn.huiyin.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;

import cn.huiyin.architecture.planted.domain.DomainThatInjects;
import cn.huiyin.architecture.planted.domain.DomainThatReachesOut;
import cn.huiyin.architecture.planted.web.ResourceThatQueries;

/**
 * The domain packages are plain Java: rules that can be unit-tested without a framework. The rules are checked by
 * plain JUnit tests against an explicit import, so they run under any test engine and cannot silently run zero checks.
 */
class LayeringTest {

    static final ArchRule DOMAIN_IS_FREE_OF_FRAMEWORKS = noClasses().that().resideInAPackage("..domain..")
            .should().dependOnClassesThat().resideInAnyPackage("io.quarkus..", "io.smallrye..", "io.vertx..",
                    "jakarta..", "javax.persistence..", "org.hibernate..", "com.fasterxml..", "org.eclipse.microprofile..",
                    "org.jboss..", "io.micrometer..")
            .because("domain rules must stay plain Java and unit-testable");

    static final ArchRule DOMAIN_DOES_NOT_REACH_OUTWARDS = noClasses().that().resideInAPackage("..domain..")
            .should().dependOnClassesThat().resideInAnyPackage("..application..", "..persistence..", "..web..",
                    "..messaging..")
            .because("the domain is the centre; adapters depend on it, not the other way round");

    static final ArchRule RESOURCES_DO_NOT_TOUCH_THE_DATABASE = noClasses().that().resideInAPackage("..web..")
            .should().dependOnClassesThat().resideInAnyPackage("io.vertx.mutiny.sqlclient..", "io.vertx.sqlclient..")
            .because("resources delegate to services; SQL lives in repositories");

    private static final JavaClasses PRODUCTION = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
            .importPackages("cn.huiyin");

    @Test
    void the_import_sees_the_production_code() {
        // a rule over an empty import passes vacuously: make sure every layer it speaks of is there
        assertThat(PRODUCTION.contain("cn.huiyin.shared.domain.TrackingNumber")).isTrue();
        assertThat(PRODUCTION.contain("cn.huiyin.workqueue.web.WorkQueueResource")).isTrue();
        assertThat(PRODUCTION.stream().filter(c -> c.getPackageName().contains(".domain")).count()).isGreaterThan(50);
        assertThat(PRODUCTION.stream().filter(c -> c.getPackageName().endsWith(".web")).count()).isGreaterThan(20);
        assertThat(PRODUCTION.stream().anyMatch(c -> c.getPackageName().startsWith("cn.huiyin.architecture"))).isFalse();
    }

    @Test
    void domain_is_free_of_frameworks() {
        DOMAIN_IS_FREE_OF_FRAMEWORKS.check(PRODUCTION);
    }

    @Test
    void domain_does_not_reach_outwards() {
        DOMAIN_DOES_NOT_REACH_OUTWARDS.check(PRODUCTION);
    }

    @Test
    void resources_do_not_touch_the_database() {
        RESOURCES_DO_NOT_TOUCH_THE_DATABASE.check(PRODUCTION);
    }

    /** Each rule, run on a small class of the test sources that breaks it, reports that class. */
    @Test
    void every_rule_fails_on_a_planted_violation() {
        JavaClasses planted = new ClassFileImporter().importPackages("cn.huiyin.architecture.planted");

        assertViolatedBy(DOMAIN_IS_FREE_OF_FRAMEWORKS.evaluate(planted), DomainThatInjects.class);
        assertViolatedBy(DOMAIN_DOES_NOT_REACH_OUTWARDS.evaluate(planted), DomainThatReachesOut.class);
        assertViolatedBy(RESOURCES_DO_NOT_TOUCH_THE_DATABASE.evaluate(planted), ResourceThatQueries.class);
    }

    private static void assertViolatedBy(EvaluationResult result, Class<?> culprit) {
        assertThat(result.hasViolation()).as("a rule must fail on %s", culprit.getSimpleName()).isTrue();
        assertThat(result.getFailureReport().getDetails()).anyMatch(line -> line.contains(culprit.getName()));
    }
}
