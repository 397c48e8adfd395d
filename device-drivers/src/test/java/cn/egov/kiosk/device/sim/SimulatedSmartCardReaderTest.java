package cn.egov.kiosk.device.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.egov.kiosk.device.api.DeviceException;
import cn.egov.kiosk.device.api.ErrorCode;
import cn.egov.kiosk.device.api.StatisticsStore;
import cn.egov.kiosk.device.smartcard.SocialSecurityCard;
import cn.egov.kiosk.device.smartcard.SocialSecurityCards;
import cn.egov.kiosk.device.smartcard.vpcd.VirtualSocialSecurityCard;
import cn.egov.kiosk.device.testkit.RecordingListener;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SimulatedSmartCardReaderTest {
    private static final Duration SAFETY = Duration.ofSeconds(5);
    private static final byte[] SELECT = {0x00, (byte) 0xA4, 0x04, 0x00, 0x02, 0x3F, 0x00};
    private static final byte[] READ_BINARY = {0x00, (byte) 0xB0, 0x00, 0x00, 0x10};

    private final SimulatedSmartCardReader reader =
            new SimulatedSmartCardReader("card-reader", StatisticsStore.NONE, Clock.systemUTC());
    private final RecordingListener events = new RecordingListener();

    @BeforeEach
    void ready() throws DeviceException {
        reader.addListener(events);
        reader.open();
        reader.claim(Duration.ofSeconds(1));
        reader.enable();
    }

    @AfterEach
    void close() {
        reader.close();
    }

    @Test
    void insertAndRemoveCardAreStatusEvents() throws DeviceException {
        assertThat(reader.atr()).isEmpty();

        reader.apply("insert-card");
        events.awaitStatus("card-present", SAFETY);
        assertThat(reader.atr()).get().isEqualTo(VirtualSocialSecurityCard.ATR);

        reader.apply("remove-card");
        events.awaitStatus("card-removed", SAFETY);
        assertThat(reader.atr()).isEmpty();
        assertThat(events.statusNames()).containsExactly("card-present", "card-removed");
    }

    @Test
    void theDemoSocialSecurityCardGivesItsHolderAndIsValid() throws DeviceException {
        reader.apply("insert-card");

        SocialSecurityCard card = SocialSecurityCards.read(reader);
        assertThat(card.identifiesHolder()).isTrue();
        assertThat(card.maskedName()).contains("李*红");
        assertThat(card.expiredOn(LocalDate.of(2026, 11, 28))).isFalse();
    }

    @Test
    void aThirdGenerationCardKeepsItsHolderForAPsam() throws DeviceException {
        reader.apply("insert-card", "ssc3");

        SocialSecurityCard card = SocialSecurityCards.read(reader);
        assertThat(card.identifiesHolder()).isFalse();
        assertThat(card.needsPsam())
                .contains(SocialSecurityCard.Field.NAME, SocialSecurityCard.Field.SOCIAL_SECURITY_NUMBER);
        assertThat(card.cardNumber()).isPresent();
    }

    @Test
    void anotherKindOfCardIsNotASocialSecurityCard() throws DeviceException {
        reader.apply("insert-card", "other");

        assertThat(reader.transmit(SELECT)).containsExactly(0x6A, 0x82);
        assertThat(reader.transmit(READ_BINARY)).containsExactly(0x6D, 0x00);
        assertThatThrownBy(() -> SocialSecurityCards.read(reader))
                .isInstanceOfSatisfying(
                        DeviceException.class, e -> assertThat(e.extendedCode()).isEqualTo("NOT_SOCIAL_SECURITY_CARD"));
    }

    @Test
    void withoutACardTransmitIsAUserError() {
        assertThatThrownBy(() -> reader.transmit(SELECT)).isInstanceOfSatisfying(DeviceException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.USER_ERROR);
            assertThat(e.extendedCode()).isEqualTo("NO_CARD");
        });
    }

    @Test
    void aTooShortApduIsAUserError() {
        reader.apply("insert-card");

        assertThatThrownBy(() -> reader.transmit(new byte[] {0x00, (byte) 0xA4}))
                .isInstanceOfSatisfying(
                        DeviceException.class, e -> assertThat(e.extendedCode()).isEqualTo("BAD_APDU"));
    }

    @Test
    void anUnknownCommandIsRefused() {
        assertThatThrownBy(() -> reader.apply("bend-card"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown simulator command \"bend-card\"");
    }
}
