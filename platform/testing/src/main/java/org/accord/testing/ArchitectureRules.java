package org.accord.testing;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import java.util.List;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * The plan of the house as checks, for each service's {@code ArchitectureTest}: the domain is plain
 * Java (no Spring, no Mongo, no Kafka, no Reactor), and a service depends on other services only
 * through their {@code *-events} contract modules, never on their internals.
 */
public final class ArchitectureRules {

    public static final List<String> SERVICES = List.of("proposals", "comments", "voting", "publication");

    private ArchitectureRules() {
    }

    public static void verify(String service) {
        JavaClasses classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.accord." + service);
        if (classes.isEmpty()) {
            throw new AssertionError("No classes found in org.accord." + service);
        }
        noClasses().that().resideInAPackage("org.accord." + service + ".domain..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "com.mongodb..", "org.bson..",
                        "org.apache.kafka..", "reactor..", "tools.jackson..", "com.fasterxml.jackson.databind..",
                        "org.accord.messaging..", "org.accord.web..", "jakarta.servlet..")
                .because("the domain (stage machine, rule sets, validation) is plain Java")
                .allowEmptyShould(true)
                .check(classes);
        for (String other : SERVICES) {
            if (other.equals(service)) {
                continue;
            }
            noClasses().that().resideInAPackage("org.accord." + service + "..")
                    .should().dependOnClassesThat(com.tngtech.archunit.base.DescribedPredicate.describe(
                            "internals of the " + other + " service",
                            c -> c.getPackageName().startsWith("org.accord." + other + ".")
                                    && !c.getPackageName().startsWith("org.accord." + other + ".events")))
                    .because("services talk only through events; the " + other + "-events module is the contract")
                    .allowEmptyShould(true)
                    .check(classes);
        }
    }
}
