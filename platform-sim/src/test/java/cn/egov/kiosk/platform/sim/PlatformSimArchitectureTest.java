package cn.egov.kiosk.platform.sim;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The platform simulator serves the contract with the JDK's HTTP server: the JDK, the platform module, Jackson and SLF4J; never the kiosk's code. */
class PlatformSimArchitectureTest {
    private static JavaClasses module;

    @BeforeAll
    static void importClasses() {
        module = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("cn.egov.kiosk.platform.sim");
    }

    @Test
    void theModuleIsImported() {
        // the rules below would pass on nothing
        assertThat(module.contain("cn.egov.kiosk.platform.sim.PlatformSimulator"))
                .isTrue();
    }

    @Test
    void itUsesOnlyWhatItsPomAllows() {
        classes()
                .that()
                .resideInAPackage("cn.egov.kiosk.platform.sim..")
                .should()
                .onlyDependOnClassesThat()
                .resideInAnyPackage(
                        "java..",
                        "javax..",
                        "com.sun.net.httpserver..",
                        "cn.egov.kiosk.platform..",
                        "com.fasterxml.jackson..",
                        "org.slf4j..")
                .check(module);
    }
}
