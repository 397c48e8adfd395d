package cn.egov.kiosk.print;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What print-templates may use: the common module (the device-neutral receipt document, alignment,
 * masking, the YAML schema), its libraries and the JDK; never a device, the configuration or JavaFX.
 */
class PrintTemplatesArchitectureTest {
    private static JavaClasses print;

    @BeforeAll
    static void importClasses() {
        print = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("cn.egov.kiosk.print");
    }

    @Test
    void theTemplatesAreImported() {
        // guards the rules below against passing on nothing
        assertThat(print.contain("cn.egov.kiosk.print.ticket.QueueTicketTemplate"))
                .isTrue();
        assertThat(print.contain("cn.egov.kiosk.print.layout.TextLayout")).isTrue();
    }

    @Test
    void noDeviceAndNoConfiguration() {
        // the module's POM has neither dependency; this says so of the code too
        noClasses()
                .that()
                .resideInAPackage("cn.egov.kiosk.print..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("cn.egov.kiosk.device..", "cn.egov.kiosk.config..")
                .check(print);
    }

    @Test
    void neverJavaFx() {
        noClasses()
                .that()
                .resideInAPackage("cn.egov.kiosk.print..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("javafx..")
                .check(print);
    }

    @Test
    void onlyTheJdkTheCommonModuleItsLibrariesAndItself() {
        classes()
                .that()
                .resideInAPackage("cn.egov.kiosk.print..")
                .should()
                .onlyDependOnClassesThat()
                .resideInAnyPackage(
                        "java..",
                        "javax.imageio..",
                        "cn.egov.kiosk.print..",
                        "cn.egov.kiosk.common..", // the receipt document, alignment, masking, the YAML schema
                        "com.fasterxml.jackson..", // a document's data
                        "org.apache.pdfbox..",
                        "org.apache.xmpbox..",
                        "org.apache.fontbox..",
                        "com.google.zxing..",
                        "org.slf4j..")
                .check(print);
    }
}
