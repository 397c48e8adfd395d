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
 * What print-templates may use: of the device packages only the device-neutral receipt document
 * model; never a device's lifecycle, a driver, a link or a simulator; never JavaFX.
 */
class PrintTemplatesArchitectureTest {
  private static JavaClasses print;

  @BeforeAll
  static void importClasses() {
    print = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("cn.egov.kiosk.print");
  }

  @Test
  void theTemplatesAreImported() {
    // guards the rules below against passing on nothing
    assertThat(print.contain("cn.egov.kiosk.print.ticket.QueueTicketTemplate")).isTrue();
    assertThat(print.contain("cn.egov.kiosk.print.layout.TextLayout")).isTrue();
  }

  @Test
  void ofTheDevicePackagesOnlyTheReceiptDocumentModelIsUsed() {
    noClasses()
        .that()
        .resideInAPackage("cn.egov.kiosk.print..")
        .should()
        .dependOnClassesThat(
            com.tngtech.archunit.base.DescribedPredicate.describe(
                "are in a device package other than cn.egov.kiosk.device.printer.receipt.. (or the masking rules)",
                c -> c.getPackageName().startsWith("cn.egov.kiosk.device")
                    && !c.getPackageName().startsWith("cn.egov.kiosk.device.printer.receipt")
                    && !c.getName().equals("cn.egov.kiosk.device.idcard.Masking")))
        .check(print);
  }

  @Test
  void noDeviceLifecycleDriverOrLink() {
    noClasses()
        .that()
        .resideInAPackage("cn.egov.kiosk.print..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "cn.egov.kiosk.device.api..",
            "cn.egov.kiosk.device.link..",
            "cn.egov.kiosk.device.manage..",
            "cn.egov.kiosk.device.sim..",
            "cn.egov.kiosk.device.printer.escpos..",
            "cn.egov.kiosk.device.printer.cups..")
        .check(print);
  }

  @Test
  void neverJavaFx() {
    noClasses().that().resideInAPackage("cn.egov.kiosk.print..").should().dependOnClassesThat().resideInAPackage("javafx..").check(print);
  }

  @Test
  void onlyTheJdkTheReceiptModelItsLibrariesAndItself() {
    classes()
        .that()
        .resideInAPackage("cn.egov.kiosk.print..")
        .should()
        .onlyDependOnClassesThat()
        .resideInAnyPackage(
            "java..",
            "javax.imageio..",
            "cn.egov.kiosk.print..",
            "cn.egov.kiosk.device.printer.receipt..",
            "cn.egov.kiosk.device.idcard..", // the masking rules (the test above allows nothing else)
            "cn.egov.kiosk.config.yaml..", // the template files' reader
            "com.fasterxml.jackson..", // a document's data
            "org.apache.pdfbox..",
            "org.apache.xmpbox..",
            "org.apache.fontbox..",
            "com.google.zxing..",
            "org.slf4j..")
        .check(print);
  }
}
