package cn.egov.kiosk.config;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The configuration module reads files into its model: the JDK, Jackson, the common module's schema and of the drivers only their registry, device classes and specs; never JavaFX, the store or the kiosk's services. */
class ConfigArchitectureTest {
    private static JavaClasses module;

    @BeforeAll
    static void importClasses() {
        module = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("cn.egov.kiosk.config");
    }

    @Test
    void theModuleIsImported() {
        // the rules below would pass on nothing
        assertThat(module.contain("cn.egov.kiosk.config.ConfigLoader")).isTrue();
    }

    @Test
    void itUsesOnlyWhatItsPomAllows() {
        classes()
                .that()
                .resideInAPackage("cn.egov.kiosk.config..")
                .should()
                .onlyDependOnClassesThat()
                .resideInAnyPackage(
                        "java..",
                        "cn.egov.kiosk.config..",
                        "cn.egov.kiosk.common..",
                        "cn.egov.kiosk.device.api..",
                        "cn.egov.kiosk.device.manage..",
                        "com.fasterxml.jackson..")
                .check(module);
    }
}
