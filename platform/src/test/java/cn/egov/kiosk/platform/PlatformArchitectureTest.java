package cn.egov.kiosk.platform;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The kiosk's side of the platform's contract: the JDK, OkHttp (and its Okio and Kotlin runtime), Jackson and SLF4J; never a device, the configuration, the store or JavaFX. */
class PlatformArchitectureTest {
    private static JavaClasses module;

    @BeforeAll
    static void importClasses() {
        module = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("cn.egov.kiosk.platform");
    }

    @Test
    void theModuleIsImported() {
        // the rules below would pass on nothing
        assertThat(module.contain("cn.egov.kiosk.platform.client.PlatformClient"))
                .isTrue();
    }

    @Test
    void itUsesOnlyWhatItsPomAllows() {
        classes()
                .that()
                .resideInAPackage("cn.egov.kiosk.platform..")
                .should()
                .onlyDependOnClassesThat()
                .resideInAnyPackage(
                        "java..",
                        "javax..",
                        "cn.egov.kiosk.platform..",
                        "okhttp3..",
                        "okio..",
                        "kotlin..",
                        "com.fasterxml.jackson..",
                        "org.slf4j..")
                .check(module);
    }

    @Test
    void noPackageCycles() {
        slices().matching("cn.egov.kiosk.platform.(*)..")
                .should()
                .beFreeOfCycles()
                .check(module);
    }
}
