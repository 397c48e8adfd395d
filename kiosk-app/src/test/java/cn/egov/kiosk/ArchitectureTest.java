package cn.egov.kiosk;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.GeneralCodingRules;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The architecture as tests, over every production class of the kiosk on the class path: this
 * module's and those of device-drivers, config and print-templates. Test classes (this module's
 * and the device-drivers test kit) are left out.
 */
class ArchitectureTest {
    private static JavaClasses kiosk;

    /** Leaves out test output directories and test jars, wherever the build put them. */
    private static final ImportOption NO_TEST_JARS =
            location -> !location.contains("-tests.jar") && !location.contains("/test-classes/");

    @BeforeAll
    static void importClasses() {
        kiosk = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(NO_TEST_JARS)
                .importPackages("cn.egov.kiosk");
    }

    @Test
    void everyModuleIsImportedAndNoTestClass() {
        // the rules below would pass on nothing: check what they run on
        assertThat(kiosk.contain("cn.egov.kiosk.store.Database")).isTrue();
        assertThat(kiosk.contain("cn.egov.kiosk.ui.KioskUi")).isTrue();
        assertThat(kiosk.contain("cn.egov.kiosk.device.manage.DeviceManager")).isTrue();
        assertThat(kiosk.contain("cn.egov.kiosk.config.KioskConfig")).isTrue();
        assertThat(kiosk.contain("cn.egov.kiosk.print.ticket.QueueTicketTemplate"))
                .isTrue();
        assertThat(kiosk.contain(ArchitectureTest.class)).isFalse();
        assertThat(kiosk.stream().map(c -> c.getPackageName()))
                .noneMatch(p -> p.startsWith("cn.egov.kiosk.device.testkit"));
    }

    @Test
    void theKioskDoesNotUseThePlatformSimulator() {
        // a hall's installation does not carry it: demo mode finds it through ServiceLoader
        noClasses()
                .that()
                .resideOutsideOfPackage("cn.egov.kiosk.platform.sim..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("cn.egov.kiosk.platform.sim..")
                .check(kiosk);
    }

    @Test
    void theScreensGetTheirServicesNotTheRuntime() {
        // KioskUi takes UiServices, made by app.UiWiring
        noClasses()
                .that()
                .resideInAPackage("cn.egov.kiosk.ui..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("cn.egov.kiosk.runtime..")
                .check(kiosk);
    }

    @Test
    void onlyTheStoreUsesSql() {
        noClasses()
                .that()
                .resideOutsideOfPackage("cn.egov.kiosk.store..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("java.sql..", "javax.sql..", "org.sqlite..")
                .check(kiosk);
    }

    @Test
    void onlyTheScreensUseJavaFx() {
        noClasses()
                .that()
                .resideInAnyPackage(
                        "cn.egov.kiosk.device..",
                        "cn.egov.kiosk.print..",
                        "cn.egov.kiosk.config..",
                        "cn.egov.kiosk.queue..",
                        "cn.egov.kiosk.session..",
                        "cn.egov.kiosk.feature..",
                        "cn.egov.kiosk.form..",
                        "cn.egov.kiosk.store..",
                        "cn.egov.kiosk.runtime..",
                        "cn.egov.kiosk.input..",
                        // enterprise
                        "cn.egov.kiosk.enterprise..",
                        // payments
                        "cn.egov.kiosk.payment..",
                        // the admin side's logic (its screens are ui.staff)
                        "cn.egov.kiosk.admin..",

                        // settings
                        "cn.egov.kiosk.settings..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("javafx..")
                .check(kiosk);
    }

    @Test
    void theScreensNeverReachIntoTheStore() {
        noClasses()
                .that()
                .resideInAPackage("cn.egov.kiosk.ui..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("cn.egov.kiosk.store..", "java.sql..")
                .check(kiosk);
    }

    @Test
    void noCyclesBetweenTopLevelPackages() {
        slices().matching("cn.egov.kiosk.(*)..").should().beFreeOfCycles().check(kiosk);
    }

    @Test
    void onlyTheCommandLineWritesToTheConsole() {
        noClasses()
                .that()
                .resideOutsideOfPackages(
                        "cn.egov.kiosk.app..", "cn.egov.kiosk.diag..", "cn.egov.kiosk.bench..", "cn.egov.kiosk.tour..")
                .should(GeneralCodingRules.ACCESS_STANDARD_STREAMS)
                .check(kiosk);
    }

    @Test
    void oneLoggingFacade() {
        GeneralCodingRules.NO_CLASSES_SHOULD_USE_JAVA_UTIL_LOGGING.check(kiosk);
    }
}
