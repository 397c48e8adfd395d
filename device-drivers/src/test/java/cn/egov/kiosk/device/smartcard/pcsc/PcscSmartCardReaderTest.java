package cn.egov.kiosk.device.smartcard.pcsc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import cn.egov.kiosk.device.api.Condition;
import cn.egov.kiosk.device.api.DeviceEvent.StatusEvent;
import cn.egov.kiosk.device.api.DeviceException;
import cn.egov.kiosk.device.api.DeviceState;
import cn.egov.kiosk.device.api.DeviceStatistics;
import cn.egov.kiosk.device.api.ErrorCode;
import cn.egov.kiosk.device.api.HealthLevel;
import cn.egov.kiosk.device.api.StatisticsStore;
import cn.egov.kiosk.device.smartcard.Apdus;
import cn.egov.kiosk.device.smartcard.SmartCardType;
import cn.egov.kiosk.device.smartcard.SocialSecurityCard;
import cn.egov.kiosk.device.smartcard.SocialSecurityCards;
import cn.egov.kiosk.device.smartcard.TestCards;
import cn.egov.kiosk.device.smartcard.vpcd.ApduResponder;
import cn.egov.kiosk.device.smartcard.vpcd.VirtualSocialSecurityCard;
import cn.egov.kiosk.device.smartcard.vpcd.VirtualSocialSecurityCard.HolderAccess;
import cn.egov.kiosk.device.smartcard.vpcd.VirtualVpcdCard;
import cn.egov.kiosk.device.testkit.Await;
import cn.egov.kiosk.device.testkit.Pcscd;
import cn.egov.kiosk.device.testkit.RecordingListener;
import java.nio.charset.Charset;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.smartcardio.CardException;
import javax.smartcardio.CardTerminal;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** The PC/SC driver against the real pcscd, its vpcd readers and the virtual cards. */
class PcscSmartCardReaderTest {
    private static final Duration SAFETY = Duration.ofSeconds(15);
    private static final HexFormat HEX = HexFormat.of().withUpperCase();

    private final List<VirtualVpcdCard> cards = new ArrayList<>();
    private final List<PcscSmartCardReader> readers = new ArrayList<>();
    private final RecordingListener events = new RecordingListener();

    @BeforeAll
    static void pcscd() {
        Pcscd.ensureRunning();
    }

    @AfterEach
    void takeEverythingOut() {
        readers.forEach(PcscSmartCardReader::close);
        for (VirtualVpcdCard card : cards) {
            card.remove();
        }
        // the next test starts with empty readers
        Pcscd.awaitNoCard(Pcscd.READER_0);
        Pcscd.awaitNoCard(Pcscd.READER_1);
    }

    private VirtualVpcdCard card(ApduResponder responder) {
        return card(Pcscd.PORT_0, responder);
    }

    private VirtualVpcdCard card(int port, ApduResponder responder) {
        VirtualVpcdCard card = new VirtualVpcdCard(VirtualVpcdCard.DEFAULT_HOST, port, responder);
        cards.add(card);
        return card;
    }

    private PcscSmartCardReader reader(String connection) {
        PcscSmartCardReader reader = new PcscSmartCardReader(
                "card-reader",
                "pcsc",
                connection,
                new PcscSmartCardReader.Options(Duration.ofMillis(200)),
                StatisticsStore.NONE,
                Clock.systemUTC());
        reader.addListener(events);
        readers.add(reader);
        return reader;
    }

    /** A reader on Virtual PCD 00 00, open, claimed and enabled. */
    private PcscSmartCardReader enabledReader() throws DeviceException {
        PcscSmartCardReader reader = reader("pcsc:" + Pcscd.READER_0);
        reader.open();
        reader.claim(Duration.ofSeconds(1));
        reader.enable();
        return reader;
    }

    private PcscSmartCardReader readerWithCardIn(ApduResponder responder) throws Exception {
        PcscSmartCardReader reader = enabledReader();
        card(responder).insert();
        events.awaitStatus("card-present", SAFETY);
        return reader;
    }

    @Test
    void insertionAndRemovalRaiseAndClearCardPresentOnTheEventThread() throws Exception {
        PcscSmartCardReader reader = enabledReader();
        VirtualVpcdCard card = card(VirtualSocialSecurityCard.secondGeneration());
        assertThat(reader.conditions()).doesNotContain(Condition.CARD_PRESENT);

        card.insert();
        events.awaitStatus("card-present", SAFETY);
        assertThat(reader.conditions()).contains(Condition.CARD_PRESENT);

        card.remove();
        events.awaitStatus("card-removed", SAFETY);
        assertThat(reader.conditions()).doesNotContain(Condition.CARD_PRESENT);

        card.insert();
        Await.until(
                () -> events.statusNames().size() == 3, SAFETY, "a second card-present (" + events.statusNames() + ")");

        assertThat(events.statusNames()).containsExactly("card-present", "card-removed", "card-present");
        assertThat(events.received())
                .filteredOn(r -> r.event() instanceof StatusEvent)
                .allMatch(r -> r.threadName().equals("device-card-reader-events"));
        assertThat(reader.statistics().get(PcscSmartCardReader.CARD_INSERTIONS)).isEqualTo(2);
        assertThat(reader.state()).isEqualTo(DeviceState.IDLE);
    }

    @Test
    void aCardInsertedBeforeOpeningIsPresentOnceOpen() throws Exception {
        card(VirtualSocialSecurityCard.secondGeneration()).insert();
        Await.until(() -> !presentIn(Pcscd.READER_0).isEmpty(), SAFETY, "pcscd to see the card");

        PcscSmartCardReader reader = reader("pcsc:" + Pcscd.READER_0);
        reader.open();

        assertThat(reader.conditions()).containsExactly(Condition.CARD_PRESENT);
        events.awaitStatus("card-present", SAFETY); // delivered on the event thread
        assertThat(events.statusNames()).containsExactly("card-present");
        assertThat(reader.connection()).isEqualTo("pcsc:" + Pcscd.READER_0);
    }

    private static boolean present(CardTerminal t) {
        try {
            return t.isCardPresent();
        } catch (CardException e) {
            return false;
        }
    }

    private static List<String> presentIn(String name) {
        try {
            return PcscContext.terminals().stream()
                    .filter(t -> t.getName().equals(name))
                    .filter(PcscSmartCardReaderTest::present)
                    .map(CardTerminal::getName)
                    .toList();
        } catch (DeviceException e) {
            return List.of();
        }
    }

    @Test
    void theAtrIsTheCards() throws Exception {
        PcscSmartCardReader reader = enabledReader();
        assertThat(reader.atr()).isEmpty();

        card(VirtualSocialSecurityCard.secondGeneration()).insert();
        events.awaitStatus("card-present", SAFETY);

        assertThat(reader.atr()).hasValueSatisfying(atr -> assertThat(atr).isEqualTo(VirtualSocialSecurityCard.ATR));
    }

    @Test
    void withoutACardTransmitIsAUserError() throws Exception {
        PcscSmartCardReader reader = enabledReader();

        assertThatThrownBy(() -> reader.transmit(Apdus.readRecord(1, 5)))
                .isInstanceOf(DeviceException.class)
                .satisfies(e -> assertThat(((DeviceException) e).code()).isEqualTo(ErrorCode.USER_ERROR))
                .satisfies(e -> assertThat(((DeviceException) e).extendedCode()).isEqualTo("NO_CARD"));
        assertThat(reader.state()).isEqualTo(DeviceState.IDLE);
    }

    @Test
    void apdusAreExchangedWithMoreDataFetchedByGetResponse() throws Exception {
        PcscSmartCardReader reader = readerWithCardIn(VirtualSocialSecurityCard.secondGeneration());

        byte[] response = reader.transmit(Apdus.selectByName(SmartCardType.SSSE_NAME));

        // the card answered 61 13; the FCI came with GET RESPONSE
        assertThat(HEX.formatHex(response)).isEqualTo("6F11840F" + HEX.formatHex(SmartCardType.SSSE_NAME) + "9000");
        assertThat(cards.get(0).instructions()).containsExactly(0xA4, 0xC0);
        assertThat(reader.statistics().get(DeviceStatistics.READS)).isEqualTo(1);
    }

    @Test
    void aWrongLengthIsCorrectedByIssuingTheCommandAgain() throws Exception {
        PcscSmartCardReader reader = readerWithCardIn(VirtualSocialSecurityCard.secondGeneration());
        reader.transmit(Apdus.selectByName(SmartCardType.SSSE_NAME));

        byte[] version = reader.transmit(Apdus.readRecord(3, 5)); // Le 00, the card answers 6C 06

        assertThat(HEX.formatHex(version)).isEqualTo("0304322E30309000");
        assertThat(cards.get(0).instructions()).containsExactly(0xA4, 0xC0, 0xB2, 0xB2);
    }

    @Test
    void cardTypesAreIdentified() throws Exception {
        PcscSmartCardReader reader = enabledReader();
        Map<SmartCardType, ApduResponder> cardsByType = Map.of(
                SmartCardType.SOCIAL_SECURITY_CARD, VirtualSocialSecurityCard.secondGeneration(),
                SmartCardType.BANK_CARD, TestCards.bankCard(),
                SmartCardType.UNKNOWN, TestCards.unknownCard());
        for (SmartCardType type :
                List.of(SmartCardType.SOCIAL_SECURITY_CARD, SmartCardType.BANK_CARD, SmartCardType.UNKNOWN)) {
            events.clear();
            VirtualVpcdCard card = card(cardsByType.get(type));
            card.insert();
            events.awaitStatus("card-present", SAFETY);

            assertThat(SmartCardType.identify(reader))
                    .as("the card for %s", type)
                    .isEqualTo(type);

            card.remove();
            events.awaitStatus("card-removed", SAFETY);
        }
    }

    @Test
    void aSocialSecurityCardIsReadAndShownMasked() throws Exception {
        PcscSmartCardReader reader = readerWithCardIn(VirtualSocialSecurityCard.secondGeneration());

        SocialSecurityCard card = SocialSecurityCards.read(reader);

        assertThat(card.name()).contains("李小红");
        assertThat(card.socialSecurityNumber()).contains("11010519491231002X");
        assertThat(card.cardNumber()).contains("A12345678");
        assertThat(card.specVersion()).contains("2.00");
        assertThat(card.needsPsam()).isEmpty();
        assertThat(card.toString())
                .contains("李*红", "110105********002X")
                .doesNotContain("李小红", "11010519491231002X", "A12345678");
    }

    @Test
    void aThirdGenerationCardReportsWhatNeedsAPsam() throws Exception {
        PcscSmartCardReader reader = readerWithCardIn(VirtualSocialSecurityCard.thirdGeneration(HolderAccess.EMPTY));

        SocialSecurityCard card = SocialSecurityCards.read(reader);

        assertThat(card.generation()).contains(3);
        assertThat(card.cardNumber()).contains("B87654321");
        assertThat(card.needsPsam())
                .isEqualTo(EnumSet.of(
                        SocialSecurityCard.Field.SOCIAL_SECURITY_NUMBER,
                        SocialSecurityCard.Field.NAME,
                        SocialSecurityCard.Field.SEX,
                        SocialSecurityCard.Field.ETHNICITY,
                        SocialSecurityCard.Field.BIRTH_DATE));
        assertThat(card.identifiesHolder()).isFalse();
    }

    @Test
    void aReaderNameThatMatchesNothingIsNoHardwareAndListsTheReaders() {
        PcscSmartCardReader reader = reader("pcsc:ACME Reader 9000");

        assertThatThrownBy(reader::open)
                .isInstanceOf(DeviceException.class)
                .satisfies(e -> assertThat(((DeviceException) e).code()).isEqualTo(ErrorCode.NO_HARDWARE))
                .satisfies(e -> assertThat(((DeviceException) e).extendedCode()).isEqualTo("NO_READER"))
                .hasMessageContaining("ACME Reader 9000")
                .hasMessageContaining(Pcscd.READER_0)
                .hasMessageContaining(Pcscd.READER_1);
        assertThat(reader.state()).isEqualTo(DeviceState.CLOSED);
    }

    @Test
    void aReaderIsChosenByPartOfItsName() throws Exception {
        PcscSmartCardReader reader = reader("pcsc:00 01");
        reader.open();
        reader.claim(Duration.ofSeconds(1));
        reader.enable();
        card(Pcscd.PORT_1, VirtualSocialSecurityCard.secondGeneration()).insert();
        events.awaitStatus("card-present", SAFETY);

        assertThat(reader.readerName()).contains(Pcscd.READER_1);
        assertThat(reader.connection()).isEqualTo("pcsc:" + Pcscd.READER_1);
        assertThat(SmartCardType.identify(reader)).isEqualTo(SmartCardType.SOCIAL_SECURITY_CARD);
    }

    @Test
    void theFirstReaderServesAnEmptyName() throws Exception {
        PcscSmartCardReader reader = reader("pcsc:");
        reader.open();

        assertThat(reader.readerName()).contains(PcscContext.readerNames().get(0));
    }

    @Test
    void anExternalHealthCheckAsksPcscd() throws Exception {
        PcscSmartCardReader reader = enabledReader();

        assertThat(reader.checkHealth(HealthLevel.EXTERNAL).healthy()).isTrue();
        assertThat(reader.checkHealth(HealthLevel.EXTERNAL).text()).contains(Pcscd.READER_0);
    }

    @Test
    void noCardDataReachesTheLogEvenAtTrace() throws Exception {
        Logger root = (Logger) LoggerFactory.getLogger("cn.egov.kiosk");
        Level before = root.getLevel();
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        root.addAppender(appender);
        root.setLevel(Level.TRACE);
        try {
            PcscSmartCardReader reader = readerWithCardIn(VirtualSocialSecurityCard.secondGeneration());
            SmartCardType.identify(reader);
            assertThat(SocialSecurityCards.read(reader).toString()).isNotEmpty();
        } finally {
            root.detachAppender(appender);
            root.setLevel(before);
        }

        VirtualSocialSecurityCard.Profile p = VirtualSocialSecurityCard.Profile.secondGeneration();
        List<String> secrets = List.of(
                p.name(),
                p.socialSecurityNumber(),
                p.cardNumber(),
                p.cardIdentificationCode(),
                HEX.formatHex(p.name().getBytes(Charset.forName("GBK"))),
                HEX.formatHex(p.socialSecurityNumber().getBytes(Charset.forName("US-ASCII"))),
                "19491231");
        assertThat(appender.list).as("the driver logged at debug").anyMatch(e -> e.getLevel() == Level.DEBUG);
        for (ILoggingEvent e : appender.list) {
            String line = e.getFormattedMessage()
                    + (e.getThrowableProxy() == null
                            ? ""
                            : e.getThrowableProxy().getMessage());
            for (String secret : secrets) {
                assertThat(line.toUpperCase()).as("log line %s", line).doesNotContain(secret.toUpperCase());
            }
        }
    }
}
