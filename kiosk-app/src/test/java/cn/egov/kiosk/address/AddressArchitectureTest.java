package cn.egov.kiosk.address;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The address logic is plain: no JavaFX and nothing of the screens, so that forms, the platform's
 * requests and the command line can use it as well as the picker. (A rule of its own until the
 * module's {@code ArchitectureTest} lists the package with the others.)
 */
class AddressArchitectureTest {
    @Test
    void theAddressLogicUsesNeitherJavaFxNorTheScreens() {
        JavaClasses classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("cn.egov.kiosk.address");
        assertThat(classes.contain(Divisions.class)).isTrue();
        noClasses()
                .that()
                .resideInAPackage("cn.egov.kiosk.address..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("javafx..", "cn.egov.kiosk.ui..")
                .check(classes);
    }
}
