package cn.huiyin.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The domain packages are plain Java: rules that can be unit-tested without a framework. */
@AnalyzeClasses(packages = "cn.huiyin", importOptions = ImportOption.DoNotIncludeTests.class)
class LayeringTest {

    @ArchTest
    static final ArchRule domain_is_free_of_frameworks = noClasses().that().resideInAPackage("..domain..")
            .should().dependOnClassesThat().resideInAnyPackage("io.quarkus..", "io.smallrye..", "io.vertx..",
                    "jakarta..", "javax.persistence..", "org.hibernate..", "com.fasterxml..", "org.eclipse.microprofile..",
                    "org.jboss..", "io.micrometer..")
            .because("domain rules must stay plain Java and unit-testable");

    @ArchTest
    static final ArchRule domain_does_not_reach_outwards = noClasses().that().resideInAPackage("..domain..")
            .should().dependOnClassesThat().resideInAnyPackage("..application..", "..persistence..", "..web..",
                    "..messaging..")
            .because("the domain is the centre; adapters depend on it, not the other way round");

    @ArchTest
    static final ArchRule resources_do_not_touch_the_database = noClasses().that().resideInAPackage("..web..")
            .should().dependOnClassesThat().resideInAnyPackage("io.vertx.mutiny.sqlclient..", "io.vertx.sqlclient..")
            .because("resources delegate to services; SQL lives in repositories");
}
