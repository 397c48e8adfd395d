package cn.egov.kiosk.device;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.io.PrintStream;
import java.io.PrintWriter;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Rules of the device layer, checked on the main classes (tests may do as they please). */
class ArchitectureTest {
    private static JavaClasses main;

    @BeforeAll
    static void importMainClasses() {
        main = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
                .importPackages("cn.egov.kiosk.device");
    }

    @Test
    void theClassesAreThere() {
        // a rule over no classes passes whatever it says: make sure the import found the layer
        Assertions.assertThat(main.contain("cn.egov.kiosk.device.api.AbstractDevice"))
                .isTrue();
        Assertions.assertThat(main.contain("cn.egov.kiosk.device.link.SerialLink"))
                .isTrue();
        Assertions.assertThat(main.stream().anyMatch(c -> c.getPackageName().endsWith("testkit")))
                .isFalse();
    }

    @Test
    void theDeviceLayerNeverDependsOnJavaFx() {
        ArchRule rule = noClasses()
                .that()
                .resideInAPackage("cn.egov.kiosk.device..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("javafx..")
                .because("device-drivers runs below the UI and is tested without it");
        rule.check(main);
    }

    @Test
    void nothingWritesToStandardOutOrErr() {
        ArchRule rule = noClasses()
                .should()
                .accessField(System.class, "out")
                .orShould()
                .accessField(System.class, "err")
                .because("everything goes through the SLF4J log");
        rule.check(main);
    }

    @Test
    void nothingPrintsStackTraces() {
        ArchRule rule = noClasses()
                .should()
                .callMethod(Throwable.class, "printStackTrace")
                .orShould()
                .callMethod(Throwable.class, "printStackTrace", PrintStream.class)
                .orShould()
                .callMethod(Throwable.class, "printStackTrace", PrintWriter.class)
                .because("stack traces go to the log, once, where the error is handled");
        rule.check(main);
    }

    @Test
    void onlyTheLinkPackageUsesJSerialComm() {
        ArchRule rule = noClasses()
                .that()
                .resideOutsideOfPackage("cn.egov.kiosk.device.link..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("com.fazecast..")
                .because("jSerialComm stays behind the ByteLink interface");
        rule.check(main);
    }
}
