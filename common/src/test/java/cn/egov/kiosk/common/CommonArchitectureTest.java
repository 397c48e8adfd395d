package cn.egov.kiosk.common;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The common module is shared by the drivers, the configuration and the templates, so it may use
 * none of them (nor anything else of the kiosk) and no device API or JavaFX: the JDK, Jackson and
 * SnakeYAML only. Its packages form no cycle.
 */
class CommonArchitectureTest {
    private static JavaClasses common;

    @BeforeAll
    static void importClasses() {
        common = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("cn.egov.kiosk.common");
    }

    @Test
    void theModuleIsImported() {
        assertThat(common.contain("cn.egov.kiosk.common.document.ReceiptDocument"))
                .isTrue();
        assertThat(common.contain("cn.egov.kiosk.common.yaml.YamlTree")).isTrue();
    }

    @Test
    void onlyTheJdkJacksonAndSnakeYaml() {
        classes()
                .that()
                .resideInAPackage("cn.egov.kiosk.common..")
                .should()
                .onlyDependOnClassesThat()
                .resideInAnyPackage(
                        "java..", "cn.egov.kiosk.common..", "com.fasterxml.jackson..", "org.yaml.snakeyaml..")
                .check(common);
    }

    @Test
    void noPackageCycles() {
        slices().matching("cn.egov.kiosk.common.(*)..")
                .should()
                .beFreeOfCycles()
                .check(common);
    }
}
