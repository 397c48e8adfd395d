package cn.egov.kiosk.device.idcard.sam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.egov.kiosk.device.api.Condition;
import cn.egov.kiosk.device.api.DeviceException;
import cn.egov.kiosk.device.api.DeviceState;
import cn.egov.kiosk.device.api.DeviceStatistics;
import cn.egov.kiosk.device.api.ErrorCode;
import cn.egov.kiosk.device.api.StatisticsStore;
import cn.egov.kiosk.device.idcard.CardRead;
import cn.egov.kiosk.device.idcard.DemoCards;
import cn.egov.kiosk.device.idcard.ForeignResidentIdCard;
import cn.egov.kiosk.device.idcard.IdCard;
import cn.egov.kiosk.device.idcard.IdCardType;
import cn.egov.kiosk.device.idcard.ResidencePermit;
import cn.egov.kiosk.device.idcard.ResidentIdCard;
import cn.egov.kiosk.device.link.PipeLink;
import cn.egov.kiosk.device.testkit.Await;
import cn.egov.kiosk.device.testkit.RecordingListener;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The SAM driver over an in-memory cable with the virtual reader at the far end. */
class SamIdCardReaderTest {
    private static final Duration SAFETY = Duration.ofSeconds(5);
    private static final Duration SHORT = Duration.ofMillis(600);
    private static final SamIdCardReader.Options FAST = new SamIdCardReader.Options(
            Duration.ofMillis(50), Duration.ofMillis(300), Duration.ofSeconds(2), false, true);

    private PipeLink.Pair cable;
    private VirtualSamReader virtual;
    private SamIdCardReader reader;
    private final RecordingListener events = new RecordingListener();

    @BeforeEach
    void wire() throws Exception {
        cable = PipeLink.pair("id");
        virtual = new VirtualSamReader();
        cable.device().open();
        virtual.serve(cable.device(), "virtual-sam");
        reader = new SamIdCardReader("id-reader", "sam", cable.host(), FAST, StatisticsStore.NONE, Clock.systemUTC());
        reader.addListener(events);
    }

    @AfterEach
    void unwire() {
        reader.close();
        virtual.stop();
    }

    private void ready() throws DeviceException {
        reader.open();
        reader.claim(SAFETY);
        reader.enable();
    }

    @Test
    void theCardsRawAnswerDoesNotStayInTheDriversBuffersAfterTheRead() throws Exception {
        ready();
        virtual.place(DemoCards.resident());

        IdCard card = reader.read(SAFETY);

        assertThat(((ResidentIdCard) card).name()).isEqualTo("王小明");
        assertThat(reader.bufferResidue())
                .as("bytes left in the frame parser and the receive buffer")
                .isZero();
        // and still none while the poll thread follows the card lying there
        Thread.sleep(200);
        assertThat(reader.bufferResidue()).isZero();
        card.wipe();
    }

    @Test
    void theParserOverwritesWhatItHandedOverAndWhatItWipes() throws Exception {
        SamFrameParser parser = new SamFrameParser();
        byte[] frame = SamFrames.response(0x00, 0x00, 0x90, new byte[] {1, 2, 3, 4});
        parser.feed(frame, 0, frame.length);
        parser.feed(new byte[] {(byte) 0xAA, 0x55}, 0, 2); // garbage after it
        assertThat(parser.next()).isPresent();
        assertThat(parser.residue())
                .as("only what was not handed over")
                .isPositive()
                .isLessThanOrEqualTo(2);
        parser.wipe();
        assertThat(parser.residue()).isZero();
    }

    @Test
    void openingChecksTheSamAndReadsItsId() throws DeviceException {
        ready();
        assertThat(reader.samId()).isEqualTo("05.01-20101220-0012345678-1234567890");
        assertThat(reader.state()).isEqualTo(DeviceState.IDLE);
    }

    @Test
    void aResidentCardIsReadInFullWithItsAppendedAddress() throws DeviceException {
        ready();
        virtual.place(DemoCards.resident());

        IdCard card = reader.read(SAFETY);

        assertThat(card).isInstanceOf(ResidentIdCard.class);
        Await.until(
                () -> events.dataPayloads().contains(new CardRead(IdCardType.RESIDENT)), SAFETY, "the card-read event");
        assertThat(events.statusNames()).contains("card-present");
        ResidentIdCard r = (ResidentIdCard) card;
        assertThat(r.name()).isEqualTo("王小明");
        assertThat(r.idNumber()).isEqualTo("11010519491231002X");
        assertThat(r.ethnicity()).isEqualTo("汉");
        assertThat(r.birthDate()).isEqualTo(LocalDate.of(1949, 12, 31));
        assertThat(r.validUntil()).isEmpty(); // 长期
        assertThat(r.address()).isEqualTo("北京市东城区示例大街1号");
        assertThat(r.appendedAddress()).contains("北京市西城区演示胡同8号");
        assertThat(r.photo()).isEqualTo(DemoCards.resident().photo());
        assertThat(card.toString())
                .doesNotContain("王小明")
                .doesNotContain("11010519491231002X")
                .contains("王*明");
        assertThat(reader.conditions()).contains(Condition.CARD_PRESENT);
        assertThat(reader.statistics().get(DeviceStatistics.READS)).isEqualTo(1);
    }

    @Test
    void everyKindOfCardIsToldApartAndDecoded() throws DeviceException {
        ready();
        for (IdCard placed :
                new IdCard[] {DemoCards.foreign2017(), DemoCards.foreign2023(), DemoCards.residencePermit()}) {
            virtual.place(placed);
            IdCard card = reader.read(SAFETY);
            assertThat(card.type()).isEqualTo(placed.type());
            assertThat(card.name()).isEqualTo(placed.name());
            assertThat(card.number()).isEqualTo(placed.number());
            assertThat(card.validUntil()).isEqualTo(placed.validUntil());
            virtual.lift();
            Await.until(() -> !reader.conditions().contains(Condition.CARD_PRESENT), SAFETY, "the lifted card noticed");
        }
        virtual.place(DemoCards.foreign2017());
        ForeignResidentIdCard f = (ForeignResidentIdCard) reader.read(SAFETY);
        assertThat(f.englishName()).isEqualTo("SAMPLE MARIA ELENA");
        assertThat(f.nationality()).isEqualTo("ESP");
        assertThat(f.type()).isEqualTo(IdCardType.FOREIGN_PERMANENT_RESIDENT);
        virtual.lift();
        Await.until(() -> !reader.conditions().contains(Condition.CARD_PRESENT), SAFETY, "the lifted card noticed");
        virtual.place(DemoCards.residencePermit());
        ResidencePermit p = (ResidencePermit) reader.read(SAFETY);
        assertThat(p.passNumber()).isEqualTo("H01234567");
        assertThat(p.issueCount()).isEqualTo(1);
    }

    @Test
    void aReadCardMustBeLiftedAndPlacedAgainBeforeTheNextRead() throws DeviceException {
        ready();
        virtual.place(DemoCards.resident());
        reader.read(SAFETY);

        assertThatThrownBy(() -> reader.read(SHORT)).isInstanceOfSatisfying(DeviceException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.USER_ERROR);
            assertThat(e.extendedCode()).isEqualTo("LIFT_AND_PLACE_AGAIN");
        });
        // still there: the poll follows it with the appended-address command
        assertThat(reader.conditions()).contains(Condition.CARD_PRESENT);

        virtual.lift();
        events.awaitStatus("card-removed", SAFETY);
        virtual.place(DemoCards.resident());
        assertThat(reader.read(SAFETY).number()).isEqualTo("11010519491231002X");
    }

    @Test
    void aPlacedCardIsNoticedWithoutBeingRead() throws DeviceException {
        ready();
        virtual.place(DemoCards.resident());

        events.awaitStatus("card-present", SAFETY);

        assertThat(reader.statistics().get(DeviceStatistics.READS)).isZero(); // nobody asked: nothing read
        assertThat(reader.read(SAFETY).number()).isEqualTo("11010519491231002X");
    }

    @Test
    void noCardTimesOut() throws DeviceException {
        ready();
        assertThatThrownBy(() -> reader.read(SHORT)).isInstanceOfSatisfying(DeviceException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.TIMEOUT);
            assertThat(e.extendedCode()).isEqualTo("NO_CARD");
        });
    }

    @Test
    void aBadChecksumIsAskedForAgain() throws DeviceException {
        ready();
        virtual.place(DemoCards.resident());
        virtual.inject(VirtualSamReader.Fault.BAD_CHECKSUM);

        assertThat(reader.read(SAFETY).number()).isEqualTo("11010519491231002X");
        assertThat(reader.statistics().get("frameErrors")).isEqualTo(1);
    }

    @Test
    void garbageBeforeThePreambleIsSkipped() throws DeviceException {
        ready();
        virtual.place(DemoCards.resident());
        virtual.inject(VirtualSamReader.Fault.GARBAGE);

        assertThat(reader.read(SAFETY).number()).isEqualTo("11010519491231002X");
        assertThat(reader.statistics().get("frameErrors")).isZero();
    }

    @Test
    void aTruncatedAnswerIsATimeoutThatSaysSo() throws DeviceException {
        ready();
        virtual.place(DemoCards.resident());
        virtual.inject(VirtualSamReader.Fault.TRUNCATED);

        assertThatThrownBy(() -> reader.read(SAFETY)).isInstanceOfSatisfying(DeviceException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.TIMEOUT);
            assertThat(e.extendedCode()).isEqualTo("TRUNCATED_FRAME");
        });
    }

    @Test
    void answersSlowerThanTheCommandTimeoutAreNoAnswer() throws DeviceException {
        ready();
        virtual.place(DemoCards.resident());
        virtual.setSlowAnswers(Duration.ofMillis(800));
        virtual.injectAlways(VirtualSamReader.Fault.SLOW);

        assertThatThrownBy(() -> reader.read(SAFETY)).isInstanceOfSatisfying(DeviceException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.TIMEOUT);
            assertThat(e.extendedCode()).isEqualTo("NO_ANSWER");
        });
    }

    @Test
    void aFailedSamKeepsTheReaderFromOpeningAndFailsReads() throws DeviceException {
        virtual.injectAlways(VirtualSamReader.Fault.SAM_FAILURE);
        assertThatThrownBy(() -> reader.open())
                .isInstanceOfSatisfying(
                        DeviceException.class, e -> assertThat(e.extendedCode()).isEqualTo("SW3_60"));

        virtual.clear(VirtualSamReader.Fault.SAM_FAILURE);
        ready();
        virtual.place(DemoCards.resident());
        virtual.injectAlways(VirtualSamReader.Fault.SAM_FAILURE);
        assertThatThrownBy(() -> reader.read(SAFETY)).isInstanceOfSatisfying(DeviceException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.HARDWARE_ERROR);
            assertThat(e.extendedCode()).isEqualTo("SW3_60");
            assertThat(e.getMessage()).contains("self-check");
        });
    }

    @Test
    void aSamThatReportsAFaultOnceIsResetAndTheReaderOpens() throws DeviceException {
        virtual.inject(VirtualSamReader.Fault.SAM_FAILURE); // the next answer only

        ready();

        assertThat(reader.samId()).isNotEmpty();
        assertThat(reader.state()).isEqualTo(DeviceState.IDLE);
    }

    @Test
    void anExpiredCardIsReadAsItIs() throws DeviceException {
        ready();
        virtual.place(DemoCards.expiredResident());

        IdCard card = reader.read(SAFETY);

        assertThat(card.validUntil()).contains(LocalDate.of(2020, 5, 1));
        assertThat(card.expiredOn(LocalDate.of(2026, 11, 28))).isTrue(); // refusing it is the login's job
    }

    @Test
    void aPulledCableMakesTheReaderOffline() throws DeviceException {
        ready();
        cable.sever();

        Await.until(() -> reader.state() == DeviceState.OFFLINE, SAFETY, "the reader offline");
        assertThat(reader.conditions()).contains(Condition.OFFLINE);
    }

    @Test
    void theCardsDataIsWipedWhenNobodyTakesIt() throws Exception {
        ready();
        virtual.place(DemoCards.resident());
        Optional<IdCard> card = Optional.of(reader.read(SAFETY));
        card.get().wipe();
        assertThat(card.get().photo()).containsOnly((byte) 0);
    }
}
