package cn.huiyin.architecture;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.lang.EvaluationResult;

import cn.huiyin.appeal.domain.NewEvent;
import cn.huiyin.appeal.domain.OutboxRow;
import cn.huiyin.appeal.domain.PlannedEvent;
import cn.huiyin.architecture.planted.application.HandBuiltEvent;
import cn.huiyin.architecture.planted.application.HandBuiltNotice;
import cn.huiyin.architecture.planted.application.ServiceThatQueries;
import cn.huiyin.architecture.planted.cycle.first.FirstCapability;
import cn.huiyin.architecture.planted.cycle.second.ReachesIntoFirstStore;
import cn.huiyin.architecture.planted.domain.DomainThatInjects;
import cn.huiyin.architecture.planted.domain.DomainThatReachesOut;
import cn.huiyin.architecture.planted.shared.SharedThatReachesUp;
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

    /**
     * The capabilities (the packages right under {@code root}) depend on each other in one direction only: a
     * capability can be understood, tested and changed with only those below it in mind.
     */
    static ArchRule capabilitiesFreeOfCycles(String root) {
        return slices().matching(root + ".(*)..").namingSlices("capability $1").should().beFreeOfCycles()
                .because("a cycle between capabilities makes them one capability in all but name");
    }

    /** {@code shared} is the floor every capability stands on; it knows none of them. */
    static ArchRule sharedKnowsNoCapability(String root) {
        return noClasses().that().resideInAPackage(root + ".shared..")
                .should().dependOnClassesThat(resideInAPackage(root + "..").and(resideOutsideOfPackage(root + ".shared..")))
                .because("what every capability uses cannot depend on any of them (a port in shared, implemented "
                        + "above, turns such a need around)");
    }

    /**
     * A capability's {@code persistence} is its own: others go through its {@code application} services, so the
     * owner can change its tables and queries without looking for readers elsewhere.
     */
    static ArchRule persistenceStaysInItsCapability(String root) {
        return classes().that().resideInAPackage(root + "..")
                .should(new ArchCondition<JavaClass>("use no other capability's persistence") {
                    @Override
                    public void check(JavaClass origin, ConditionEvents events) {
                        String own = capabilityOf(root, origin.getPackageName());
                        for (Dependency dependency : origin.getDirectDependenciesFromSelf()) {
                            String target = dependency.getTargetClass().getPackageName();
                            if (target.startsWith(root + ".") && IN_PERSISTENCE.matcher(target).find()
                                    && !capabilityOf(root, target).equals(own)) {
                                events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
                            }
                        }
                    }
                })
                .because("a repository answers to its own capability; the others ask its application services");
    }

    /**
     * SQL is written in repositories only ({@code persistence} packages): a service may hold a transaction and pass
     * it on, but the statements it runs are found in one layer, next to the tables they touch.
     */
    static final ArchRule SQL_ONLY_IN_REPOSITORIES = noClasses().that().resideOutsideOfPackage("..persistence..")
            .should().callMethodWhere(new DescribedPredicate<JavaMethodCall>("a statement is prepared or run") {
                @Override
                public boolean test(JavaMethodCall call) {
                    String owner = call.getTargetOwner().getPackageName();
                    String name = call.getName();
                    boolean reactive = owner.startsWith("io.vertx.mutiny.sqlclient") || owner.startsWith("io.vertx.sqlclient")
                            || owner.startsWith("io.vertx.mutiny.pgclient") || owner.startsWith("io.vertx.pgclient");
                    boolean jdbc = owner.equals("java.sql");
                    return reactive && (name.equals("query") || name.equals("preparedQuery"))
                            || jdbc && (name.startsWith("prepare") || name.equals("createStatement"));
                }
            })
            .because("a rule reads as Java in services; the SQL that stores it is found in repositories");

    /** Events are typed: a {@code NewEvent} is made from an {@code AppealEvent} record, never with a hand-built payload. */
    static final ArchRule EVENTS_ARE_TYPED = noClasses().that().doNotHaveFullyQualifiedName(NewEvent.class.getName())
            .should().callConstructor(NewEvent.class, String.class, String.class, java.time.Instant.class, String.class,
                    PlannedEvent.Visibility.class, String.class)
            .because("an event's payload is its record's components, written by AppealEventCodec in one way");

    /** Notices are typed too: an outbox row is made from an {@code AppealNotice} record. */
    static final ArchRule NOTICES_ARE_TYPED = noClasses().that().doNotHaveFullyQualifiedName(OutboxRow.class.getName())
            .should().callConstructor(OutboxRow.class, long.class, String.class, String.class)
            .because("an outbox row's payload is its notice's components, written by AppealEventCodec in one way");

    private static final Pattern IN_PERSISTENCE = Pattern.compile("\\.persistence(\\.|$)");

    private static String capabilityOf(String root, String packageName) {
        String rest = packageName.length() > root.length() ? packageName.substring(root.length() + 1) : "";
        int dot = rest.indexOf('.');
        return dot < 0 ? rest : rest.substring(0, dot);
    }

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

    @Test
    void capabilities_are_free_of_cycles() {
        capabilitiesFreeOfCycles("cn.huiyin").check(PRODUCTION);
    }

    @Test
    void persistence_stays_in_its_capability() {
        persistenceStaysInItsCapability("cn.huiyin").check(PRODUCTION);
    }

    @Test
    void sql_only_in_repositories() {
        SQL_ONLY_IN_REPOSITORIES.check(PRODUCTION);
    }

    @Test
    void events_are_typed() {
        EVENTS_ARE_TYPED.check(PRODUCTION);
    }

    @Test
    void notices_are_typed() {
        NOTICES_ARE_TYPED.check(PRODUCTION);
    }

    @Test
    void shared_knows_no_capability() {
        sharedKnowsNoCapability("cn.huiyin").check(PRODUCTION);
    }

    /** Each rule, run on a small class of the test sources that breaks it, reports that class. */
    @Test
    void every_rule_fails_on_a_planted_violation() {
        JavaClasses planted = new ClassFileImporter().importPackages("cn.huiyin.architecture.planted");

        assertViolatedBy(DOMAIN_IS_FREE_OF_FRAMEWORKS.evaluate(planted), DomainThatInjects.class);
        assertViolatedBy(DOMAIN_DOES_NOT_REACH_OUTWARDS.evaluate(planted), DomainThatReachesOut.class);
        assertViolatedBy(RESOURCES_DO_NOT_TOUCH_THE_DATABASE.evaluate(planted), ResourceThatQueries.class);
        assertViolatedBy(SQL_ONLY_IN_REPOSITORIES.evaluate(planted), ServiceThatQueries.class);
        assertViolatedBy(EVENTS_ARE_TYPED.evaluate(new ClassFileImporter().importPackages("cn.huiyin.architecture.planted",
                "cn.huiyin.appeal.domain")), HandBuiltEvent.class);
        assertViolatedBy(NOTICES_ARE_TYPED.evaluate(planted), HandBuiltNotice.class);
        assertViolatedBy(capabilitiesFreeOfCycles("cn.huiyin.architecture.planted.cycle").evaluate(planted),
                FirstCapability.class);
        assertViolatedBy(sharedKnowsNoCapability("cn.huiyin.architecture.planted").evaluate(planted),
                SharedThatReachesUp.class);
        assertViolatedBy(persistenceStaysInItsCapability("cn.huiyin.architecture.planted.cycle").evaluate(planted),
                ReachesIntoFirstStore.class);
    }

    private static void assertViolatedBy(EvaluationResult result, Class<?> culprit) {
        assertThat(result.hasViolation()).as("a rule must fail on %s", culprit.getSimpleName()).isTrue();
        assertThat(result.getFailureReport().getDetails()).anyMatch(line -> line.contains(culprit.getName()));
    }
}
