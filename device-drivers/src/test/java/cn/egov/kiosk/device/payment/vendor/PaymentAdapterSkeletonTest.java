package cn.egov.kiosk.device.payment.vendor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.egov.kiosk.device.api.Device;
import cn.egov.kiosk.device.api.DeviceClass;
import cn.egov.kiosk.device.api.DeviceException;
import cn.egov.kiosk.device.api.DeviceState;
import cn.egov.kiosk.device.api.ErrorCode;
import cn.egov.kiosk.device.api.HealthLevel;
import cn.egov.kiosk.device.manage.DeviceContext;
import cn.egov.kiosk.device.manage.DeviceSpec;
import cn.egov.kiosk.device.manage.DriverRegistry;
import cn.egov.kiosk.device.manage.SpecProblem;
import cn.egov.kiosk.device.payment.PaymentCode;
import cn.egov.kiosk.device.payment.PaymentResult;
import cn.egov.kiosk.device.payment.PaymentResult.Outcome;
import cn.egov.kiosk.device.payment.PaymentResult.TransactionType;
import cn.egov.kiosk.device.payment.PaymentTerminal;
import cn.egov.kiosk.device.payment.ReversalRequest;
import cn.egov.kiosk.device.payment.SaleRequest;
import cn.egov.kiosk.device.testvendor.AcmeMisPosAdapterProvider;
import cn.egov.kiosk.device.testvendor.AcmeMisPosLibrary;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The vendor adapter SPI with a trivial adapter (the test vendor's {@code acme-mispos}, in its own
 * package and service file, over a stand-in for an acquirer's MIS-POS library): found by the driver
 * registry under its name, made a payment-terminal device, and held to the payment rules whatever it
 * returns: the card number masked, the kiosk's reference and type kept, a failure mid-sale in doubt.
 * A vendor copies this test for its own adapter.
 */
class PaymentAdapterSkeletonTest {
    private static final AcmeMisPosLibrary LIBRARY = AcmeMisPosAdapterProvider.LIBRARY;
    private static final Duration MINUTE = Duration.ofMinutes(1);

    private final DriverRegistry registry = DriverRegistry.load();
    private PaymentTerminal pos;

    private static DeviceSpec spec(String connection, Map<String, String> options) {
        return new DeviceSpec("pos", DeviceClass.PAYMENT_TERMINAL, "acme-mispos", connection, options);
    }

    @BeforeEach
    void open() throws DeviceException {
        LIBRARY.reset();
        Device device = registry.create(spec("mispos:COM3", Map.of()), DeviceContext.ephemeral());
        pos = (PaymentTerminal) device;
        pos.open();
        pos.claim(Duration.ofSeconds(1));
        pos.enable();
    }

    @AfterEach
    void close() {
        pos.close();
    }

    @Test
    void theRegistryFindsTheAdapterAsAPaymentTerminalDriverAndUsesItsValidation() {
        assertThat(registry.find("acme-mispos")).hasValueSatisfying(d -> {
            assertThat(d.deviceClasses()).containsExactly(DeviceClass.PAYMENT_TERMINAL);
            assertThat(d.simulatesHardware()).isFalse();
        });
        assertThat(registry.validate(spec("mispos:COM3", Map.of("ping", "false"))))
                .isEmpty();
        assertThat(registry.validate(spec("serial:/dev/ttyS0", Map.of("volume", "3"))))
                .containsExactly(
                        new SpecProblem("connection", "mispos:PORT, e.g. mispos:COM3", "serial:/dev/ttyS0"),
                        new SpecProblem("options.volume", "one of [ping]", "volume"));
        assertThat(registry.validate(
                        new DeviceSpec("s", DeviceClass.BARCODE_SCANNER, "acme-mispos", "mispos:COM3", Map.of())))
                .singleElement()
                .satisfies(p -> assertThat(p.key()).isEqualTo("driver"));
        assertThat(pos).isInstanceOf(AdaptedPaymentTerminal.class);
        assertThat(pos.driverName()).isEqualTo("acme-mispos");
        assertThat(pos.connection()).isEqualTo("mispos:COM3");
    }

    @Test
    void aSaleGoesThroughTheLibraryAndTheCardNumberItGaveWholeIsMaskedEverywhere() throws DeviceException {
        PaymentResult r = pos.sale(new SaleRequest("ORDER-1", 2_500, MINUTE));

        assertThat(LIBRARY.requests()).containsExactly("99000000000000      ", "00000000002500      ");
        assertThat(r.type()).isEqualTo(TransactionType.SALE);
        assertThat(r.approved()).isTrue();
        assertThat(r.orderReference()).isEqualTo("ORDER-1");
        assertThat(r.amountFen()).isEqualTo(2_500);
        assertThat(r.receiptNumber()).isEqualTo("000001");
        assertThat(r.terminalId()).isEqualTo("88000001");
        assertThat(r.time()).contains(LocalDateTime.of(2026, 12, 7, 10, 30));
        assertThat(r.maskedCardNumber()).isEqualTo("622202*********1234");
        assertThat(r.printLines()).containsExactly("APPROVED 00", "CARD 622202*********1234");
        assertThat(r.toString()).doesNotContain("6222021234567891234");
        assertThat(pos.statistics().get("sales")).isEqualTo(1);
    }

    @Test
    void aLibraryThatFailsMidSaleLeavesItInDoubtAndTheReprintFindsItForTheVoid() throws DeviceException {
        LIBRARY.failNext(new IllegalStateException("no answer on COM3"));

        PaymentResult r = pos.sale(new SaleRequest("ORDER-2", 900, MINUTE));

        assertThat(r.outcome()).isEqualTo(Outcome.UNKNOWN);
        assertThat(r.message()).contains("no answer on COM3").contains("ask for the last transaction");
        PaymentResult last = pos.lastTransaction();
        assertThat(last.type()).isEqualTo(TransactionType.REPEAT);
        assertThat(last.amountFen()).isEqualTo(900);
        PaymentResult reversed = pos.reverse(new ReversalRequest("ORDER-2", last.receiptNumber(), MINUTE));
        assertThat(reversed.type()).isEqualTo(TransactionType.REVERSAL);
        assertThat(reversed.approved()).isTrue();
        assertThat(LIBRARY.requests()).last().isEqualTo("01000000000000000001");
        assertThat(pos.statistics().get("unknownOutcomes")).isEqualTo(1);
    }

    @Test
    void anAdapterBugMidSaleIsInDoubtTooNotAnException() throws DeviceException {
        LIBRARY.failNext(new NullPointerException());

        assertThat(pos.sale(new SaleRequest("ORDER-3", 100, MINUTE)).outcome()).isEqualTo(Outcome.UNKNOWN);
    }

    @Test
    void aDeclineIsADecline() throws DeviceException {
        LIBRARY.answerNext(String.format(
                "51%012d%6s%6s%-19s%8s%14s%s", 100, "", "", "", "88000001", "20261207103000", "INSUFFICIENT FUNDS"));

        PaymentResult r = pos.sale(new SaleRequest("ORDER-4", 100, MINUTE));

        assertThat(r.outcome()).isEqualTo(Outcome.DECLINED);
        assertThat(r.resultCode()).isEqualTo("51");
        assertThat(pos.statistics().get("declines")).isEqualTo(1);
    }

    @Test
    void anUnreachableLibraryIsOfflineAndNothingWasCharged() {
        LIBRARY.failNext(new AcmeMisPosLibrary.PortUnavailable("COM3 cannot be opened"));

        assertThatThrownBy(() -> pos.sale(new SaleRequest("ORDER-5", 100, MINUTE)))
                .isInstanceOfSatisfying(DeviceException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.OFFLINE);
                    assertThat(e.is(PaymentCode.NO_ANSWER)).isTrue();
                });
        assertThat(pos.state()).isEqualTo(DeviceState.OFFLINE);
    }

    @Test
    void statusAndEndOfDayAndExternalHealthAskTheAdapter() throws DeviceException {
        assertThat(pos.status().ready()).isTrue();
        assertThat(pos.endOfDay().totalFen()).isEqualTo(12_345);
        assertThat(pos.checkHealth(HealthLevel.EXTERNAL).text()).contains("terminal ready");
        assertThat(pos.abort()).as("nothing running").isFalse();
    }
}
