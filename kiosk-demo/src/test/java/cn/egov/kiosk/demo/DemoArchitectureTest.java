package cn.egov.kiosk.demo;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What only the demo needs: it plugs into kiosk-app's command line and benchmarks, and uses the store, the sync and the simulator; never the screens or JavaFX. */
class DemoArchitectureTest {
    private static JavaClasses module;

    @BeforeAll
    static void importClasses() {
        module = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("cn.egov.kiosk.demo");
    }

    @Test
    void theModuleIsImported() {
        // the rules below would pass on nothing
        assertThat(module.contain("cn.egov.kiosk.demo.PlatformSimCommand")).isTrue();
    }

    @Test
    void itUsesOnlyWhatItsPomAllows() {
        classes()
                .that()
                .resideInAPackage("cn.egov.kiosk.demo..")
                .should()
                .onlyDependOnClassesThat()
                .resideInAnyPackage(
                        "java..",
                        "cn.egov.kiosk.demo..",
                        "cn.egov.kiosk.app..",
                        "cn.egov.kiosk.bench..",
                        "cn.egov.kiosk.store..",
                        "cn.egov.kiosk.sync..",
                        "cn.egov.kiosk.platform..",
                        "com.fasterxml.jackson..",
                        "picocli..")
                .check(module);
    }
}
