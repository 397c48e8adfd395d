package cn.egov.kiosk.identity;

import static cn.egov.kiosk.identity.IdReaderRig.SAFETY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.egov.kiosk.device.api.CommonCode;
import cn.egov.kiosk.device.api.DeviceException;
import cn.egov.kiosk.device.api.DeviceState;
import cn.egov.kiosk.device.api.DeviceStatistics;
import cn.egov.kiosk.device.api.ErrorCode;
import cn.egov.kiosk.device.api.StatisticsStore;
import cn.egov.kiosk.device.idcard.DemoCards;
import cn.egov.kiosk.device.idcard.IdCard;
import cn.egov.kiosk.device.idcard.IdCardReader;
import cn.egov.kiosk.device.idcard.IdReaderCode;
import cn.egov.kiosk.device.idcard.SamStatusCode;
import cn.egov.kiosk.device.idcard.sam.VirtualSamReader;
import cn.egov.kiosk.device.sim.SimulatedSmartCardReader;
import cn.egov.kiosk.device.smartcard.SmartCardReader;
import cn.egov.kiosk.device.testkit.Await;
import cn.egov.kiosk.device.testkit.MutableClock;
import cn.egov.kiosk.device.testkit.RecordingListener;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The ID-card login over the real SAM driver talking to a virtual reader on an in-memory cable, and
 * the simulated smart-card reader for the social security card.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class IdentityServiceTest {
    private static final Duration SHORT = Duration.ofMillis(600);
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final String FULL_NAME = "王小明";
    private static final String FULL_NUMBER = "11010519491231002X";

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-28T06:00:00Z"));
    private IdReaderRig rig;
    private SimulatedSmartCardReader smartCards;
    private final RecordingListener smartCardEvents = new RecordingListener();

    @BeforeEach
    void wire() throws Exception {
        rig = new IdReaderRig();
        smartCards = new SimulatedSmartCardReader("card-reader", StatisticsStore.NONE, Clock.systemUTC());
        smartCards.open();
        smartCards.claim(SAFETY);
        smartCards.enable();
    }

    @AfterEach
    void unwire() {
        rig.close();
        smartCards.close();
    }

    /** The ID card reader only: the social security card is not accepted. */
    private IdentityService idCardOnly() {
        return new IdentityService(() -> Optional.of(rig.reader), Optional::empty, clock, SHANGHAI);
    }

    /** The ID card or the social security card, whichever comes first. */
    private IdentityService withSocialSecurityCard() {
        IdentityService service = new IdentityService(
                () -> Optional.<IdCardReader>of(rig.reader),
                () -> Optional.<SmartCardReader>of(smartCards),
                clock,
                SHANGHAI);
        // added after the service's own listener: events reach this one after the service has seen them
        smartCards.addListener(smartCardEvents);
        return service;
    }

    private static void assertProblem(ThrowingCallable login, LoginProblem expected) {
        assertThatThrownBy(login)
                .isInstanceOfSatisfying(
                        LoginFailedException.class,
                        e -> assertThat(e.problem()).as(e.getMessage()).isEqualTo(expected));
    }

    // ---- the ID card -----------------------------------------------------------------------------

    @Test
    void aResidentCardGivesTheIdentityShownMasked() throws Exception {
        rig.virtual.place(DemoCards.resident());

        Identity identity = idCardOnly().readCard(SAFETY);

        assertThat(identity.document()).isEqualTo(Identity.Document.RESIDENT_ID_CARD);
        assertThat(identity.maskedName()).isEqualTo("王*明");
        assertThat(identity.maskedNumber()).isEqualTo("110105********002X");
        assertThat(identity.name()).isEqualTo(FULL_NAME); // for forms
        assertThat(identity.number()).isEqualTo(FULL_NUMBER);
        assertThat(identity.birthDate()).contains(LocalDate.of(1949, 12, 31));
        assertThat(identity.address()).contains("北京市西城区演示胡同8号"); // the appended address, not the printed one
        assertThat(identity.photo()).isEqualTo(DemoCards.resident().photo());
    }

    @Test
    void eachKindOfIdCardIsItsDocument() throws Exception {
        IdentityService service = idCardOnly();
        record Case(IdCard card, Identity.Document document, Optional<String> address) {}
        for (Case c : new Case[] {
            new Case(DemoCards.foreign2017(), Identity.Document.FOREIGN_PERMANENT_RESIDENT_CARD, Optional.empty()),
            new Case(DemoCards.foreign2023(), Identity.Document.FOREIGN_PERMANENT_RESIDENT_CARD, Optional.empty()),
            new Case(
                    DemoCards.residencePermit(),
                    Identity.Document.RESIDENCE_PERMIT,
                    Optional.of(DemoCards.residencePermit().address())),
            new Case(DemoCards.resident(), Identity.Document.RESIDENT_ID_CARD, Optional.of("北京市西城区演示胡同8号"))
        }) {
            rig.virtual.place(c.card());

            Identity identity = service.readCard(SAFETY);

            assertThat(identity.document()).as(c.card().type().name()).isEqualTo(c.document());
            assertThat(identity.number()).isEqualTo(c.card().number());
            assertThat(identity.maskedNumber()).isEqualTo(c.card().maskedNumber());
            assertThat(identity.maskedName()).isEqualTo(c.card().maskedName());
            assertThat(identity.address()).isEqualTo(c.address());
            rig.lift();
        }
    }

    @Test
    void anExpiredCardIsReadAndRefused() {
        rig.virtual.place(DemoCards.expiredResident());

        assertProblem(() -> idCardOnly().readCard(SAFETY), LoginProblem.CARD_EXPIRED);
    }

    @Test
    void theCardsLastDayIsTheHallsDayNotTheClocks() throws Exception {
        // the clock runs in UTC; the hall is in Shanghai (UTC+8)
        IdentityService lastMinute = new IdentityService(
                () -> Optional.of(rig.reader),
                Optional::empty,
                Clock.fixed(Instant.parse("2027-09-01T15:59:00Z"), ZoneOffset.UTC),
                SHANGHAI);
        IdentityService nextDay = new IdentityService(
                () -> Optional.of(rig.reader),
                Optional::empty,
                Clock.fixed(Instant.parse("2027-09-01T16:00:00Z"), ZoneOffset.UTC),
                SHANGHAI);

        rig.virtual.place(DemoCards.residencePermit()); // valid until 2027-09-01
        assertThat(lastMinute.readCard(SAFETY).document()).isEqualTo(Identity.Document.RESIDENCE_PERMIT);
        rig.lift();

        rig.virtual.place(DemoCards.residencePermit()); // 00:00 on 2 September in Shanghai, still the 1st in UTC
        assertProblem(() -> nextDay.readCard(SAFETY), LoginProblem.CARD_EXPIRED);
    }

    @Test
    void noCardInTimeIsNoCard() {
        assertProblem(() -> idCardOnly().readCard(SHORT), LoginProblem.NO_CARD);
    }

    @Test
    void aCardReadAndStillLyingThereMustBeLiftedAndPlacedAgain() throws Exception {
        IdentityService service = idCardOnly();
        rig.virtual.place(DemoCards.resident());
        service.readCard(SAFETY);

        assertProblem(() -> service.readCard(SHORT), LoginProblem.LIFT_AND_PLACE_AGAIN);

        rig.lift();
        rig.virtual.place(DemoCards.resident());
        assertThat(service.readCard(SAFETY).number()).isEqualTo(FULL_NUMBER);
    }

    @Test
    void noReaderConfiguredIsOutOfService() {
        IdentityService none = new IdentityService(Optional::empty, Optional::empty, clock, SHANGHAI);

        assertThat(none.acceptsSocialSecurityCard()).isFalse();
        assertProblem(() -> none.readCard(SHORT), LoginProblem.READER_OUT_OF_SERVICE);
    }

    @Test
    void aReaderWithItsCablePulledIsOutOfService() {
        rig.cable.sever();
        Await.until(() -> rig.reader.state() == DeviceState.OFFLINE, SAFETY, "the reader offline");

        assertProblem(() -> idCardOnly().readCard(SHORT), LoginProblem.READER_OUT_OF_SERVICE);
    }

    @Test
    void aCablePulledWhileWaitingForTheCardEndsTheWaitAsOutOfService() {
        IdentityService service = idCardOnly();
        CompletableFuture<Identity> login = CompletableFuture.supplyAsync(() -> {
            try {
                return service.readCard(Duration.ofSeconds(20));
            } catch (LoginFailedException e) {
                throw new CompletionException(e);
            }
        });
        Await.until(() -> rig.reader.state() == DeviceState.BUSY, SAFETY, "the read waiting for a card");

        rig.cable.sever();

        assertThatThrownBy(() -> login.get(SAFETY.toMillis(), TimeUnit.MILLISECONDS)) // not the 20 s
                .cause()
                .isInstanceOfSatisfying(
                        LoginFailedException.class,
                        e -> assertThat(e.problem()).isEqualTo(LoginProblem.READER_OUT_OF_SERVICE));
    }

    @Test
    void aClosedReaderIsOutOfService() {
        rig.reader.close();

        assertProblem(() -> idCardOnly().readCard(SHORT), LoginProblem.READER_OUT_OF_SERVICE);
    }

    @Test
    void aFailedSamIsOutOfService() {
        rig.virtual.injectAlways(VirtualSamReader.Fault.SAM_FAILURE); // every command answered 0x60
        rig.virtual.place(DemoCards.resident());

        assertProblem(() -> idCardOnly().readCard(SAFETY), LoginProblem.READER_OUT_OF_SERVICE);
    }

    @Test
    void brokenAnswersAskForTheCardToBePlacedAgain() throws Exception {
        rig.virtual.injectAlways(VirtualSamReader.Fault.BAD_CHECKSUM); // asked again once, broken again
        rig.virtual.place(DemoCards.resident());

        assertProblem(() -> idCardOnly().readCard(SAFETY), LoginProblem.PLACE_AGAIN);

        rig.virtual.clear(VirtualSamReader.Fault.BAD_CHECKSUM); // the card was not read: it is read now
        assertThat(idCardOnly().readCard(SAFETY).number()).isEqualTo(FULL_NUMBER);
    }

    @Test
    void readerErrorsAreTheCitizensProblems() {
        assertThat(IdentityService.problemOf(new DeviceException(ErrorCode.OFFLINE, CommonCode.LINK_LOST, "x")))
                .isEqualTo(LoginProblem.READER_OUT_OF_SERVICE);
        assertThat(IdentityService.problemOf(new DeviceException(ErrorCode.NO_HARDWARE, null, "x")))
                .isEqualTo(LoginProblem.READER_OUT_OF_SERVICE);
        assertThat(IdentityService.problemOf(new DeviceException(ErrorCode.SEQUENCE_ERROR, null, "x")))
                .isEqualTo(LoginProblem.READER_OUT_OF_SERVICE);
        assertThat(IdentityService.problemOf(new DeviceException(ErrorCode.TIMEOUT, CommonCode.NO_CARD, "x")))
                .isEqualTo(LoginProblem.NO_CARD);
        assertThat(IdentityService.problemOf(
                        new DeviceException(ErrorCode.USER_ERROR, IdReaderCode.LIFT_AND_PLACE_AGAIN, "x")))
                .isEqualTo(LoginProblem.LIFT_AND_PLACE_AGAIN);
        assertThat(IdentityService.problemOf(
                        new DeviceException(ErrorCode.HARDWARE_ERROR, IdReaderCode.BAD_CARD_DATA, "x")))
                .isEqualTo(LoginProblem.CARD_UNREADABLE);
        assertThat(IdentityService.problemOf(new DeviceException(ErrorCode.TIMEOUT, IdReaderCode.TRUNCATED_FRAME, "x")))
                .isEqualTo(LoginProblem.PLACE_AGAIN);
        assertThat(IdentityService.problemOf(new DeviceException(ErrorCode.USER_ERROR, new SamStatusCode(0x81), "x")))
                .isEqualTo(LoginProblem.PLACE_AGAIN);
        assertThat(IdentityService.problemOf(new DeviceException(ErrorCode.USER_ERROR, new SamStatusCode(0x33), "x")))
                .isEqualTo(LoginProblem.CARD_UNREADABLE);
        assertThat(IdentityService.problemOf(new DeviceException(ErrorCode.USER_ERROR, new SamStatusCode(0x40), "x")))
                .isEqualTo(LoginProblem.CARD_NOT_SUPPORTED);
        assertThat(IdentityService.problemOf(new DeviceException(ErrorCode.TIMEOUT, new SamStatusCode(0x80), "x")))
                .isEqualTo(LoginProblem.NO_CARD);
        assertThat(IdentityService.problemOf(
                        new DeviceException(ErrorCode.HARDWARE_ERROR, new SamStatusCode(0x60), "x")))
                .isEqualTo(LoginProblem.READER_OUT_OF_SERVICE);
    }

    // ---- the social security card ------------------------------------------------------------------

    @Test
    void theDemoSocialSecurityCardIsAnIdentity() throws Exception {
        IdentityService service = withSocialSecurityCard();
        assertThat(service.acceptsSocialSecurityCard()).isTrue();
        smartCards.apply("insert-card", "ssc");

        Identity identity = service.readCard(SAFETY);

        assertThat(identity.document()).isEqualTo(Identity.Document.SOCIAL_SECURITY_CARD);
        assertThat(identity.maskedName()).isEqualTo("李*红");
        assertThat(identity.maskedNumber()).isEqualTo("110105********002X");
        assertThat(identity.address()).isEmpty();
        assertThat(identity.photo()).isEmpty();
        assertThat(identity.toString()).doesNotContain("李小红").doesNotContain(FULL_NUMBER);
    }

    @Test
    void aThirdGenerationCardSaysUseTheIdCardAndIsNotReadAgainUntilTakenOut() throws Exception {
        IdentityService service = withSocialSecurityCard();
        smartCards.apply("insert-card", "ssc3");

        assertProblem(() -> service.readCard(SAFETY), LoginProblem.USE_ID_CARD);
        long smartCardReads = smartCards.statistics().get(DeviceStatistics.READS);
        assertThat(smartCardReads).isPositive();

        // still inserted: the next login waits for the ID card instead of refusing the same card again
        assertProblem(() -> service.readCard(SHORT), LoginProblem.NO_CARD);
        rig.virtual.place(DemoCards.resident());
        Identity identity = service.readCard(SAFETY);
        assertThat(identity.document()).isEqualTo(Identity.Document.RESIDENT_ID_CARD);
        assertThat(identity.number()).isEqualTo(FULL_NUMBER);
        assertThat(smartCards.statistics().get(DeviceStatistics.READS))
                .as("the refused card not read again")
                .isEqualTo(smartCardReads);

        // taken out and put back: it is read (and refused) again
        smartCards.apply("remove-card");
        smartCardEvents.awaitStatus("card-removed", SAFETY);
        smartCards.apply("insert-card", "ssc3");
        assertProblem(() -> service.readCard(SAFETY), LoginProblem.USE_ID_CARD);
        assertThat(smartCards.statistics().get(DeviceStatistics.READS)).isGreaterThan(smartCardReads);
    }

    @Test
    void aSocialSecurityCardLeftInTheSlotDoesNotLogTheNextCitizenIn() throws Exception {
        IdentityService service = withSocialSecurityCard();
        smartCards.apply("insert-card", "ssc");
        assertThat(service.readCard(SAFETY).document()).isEqualTo(Identity.Document.SOCIAL_SECURITY_CARD);

        // the citizen goes, the card stays in the slot; the next citizen's login must not be theirs
        try {
            Identity next = service.readCard(SHORT);
            assertThat(next.document())
                    .as("the card left in the slot taken again as the next citizen's identity")
                    .isNotEqualTo(Identity.Document.SOCIAL_SECURITY_CARD);
        } catch (LoginFailedException e) {
            assertThat(e.problem()).isIn(LoginProblem.NO_CARD, LoginProblem.LIFT_AND_PLACE_AGAIN);
        }
    }

    @Test
    void aCardOfAnotherKindIsNotSupported() {
        IdentityService service = withSocialSecurityCard();
        smartCards.apply("insert-card", "other");

        assertProblem(() -> service.readCard(SAFETY), LoginProblem.CARD_NOT_SUPPORTED);
    }

    @Test
    void theIdCardStillWorksWhileTheSocialSecurityCardIsAllowed() throws Exception {
        IdentityService service = withSocialSecurityCard();
        rig.virtual.place(DemoCards.residencePermit());

        assertThat(service.readCard(SAFETY).document()).isEqualTo(Identity.Document.RESIDENCE_PERMIT);
    }

    @Test
    void anIdCardPlacedAfterSeveralLooksIsReadWhileTheSocialSecurityCardIsAllowed() throws Exception {
        IdentityService service = withSocialSecurityCard();
        // placed after the first few 400 ms looks at the ID card reader have found nothing
        CompletableFuture.runAsync(
                () -> rig.virtual.place(DemoCards.resident()), CompletableFuture.delayedExecutor(1, TimeUnit.SECONDS));

        Identity identity = service.readCard(SAFETY);

        assertThat(identity.document()).isEqualTo(Identity.Document.RESIDENT_ID_CARD);
    }

    @Test
    void aSocialSecurityCardInsertedWhileWaitingIsTaken() throws Exception {
        IdentityService service = withSocialSecurityCard();
        CompletableFuture.runAsync(
                () -> smartCards.apply("insert-card", "ssc"), CompletableFuture.delayedExecutor(1, TimeUnit.SECONDS));

        assertThat(service.readCard(SAFETY).document()).isEqualTo(Identity.Document.SOCIAL_SECURITY_CARD);
    }

    @Test
    void noCardOfEitherKindIsNoCard() {
        assertProblem(() -> withSocialSecurityCard().readCard(Duration.ofMillis(1000)), LoginProblem.NO_CARD);
    }

    @Test
    void withTheIdCardReaderOfflineTheSocialSecurityCardStillWorks() throws Exception {
        IdentityService service = withSocialSecurityCard();
        rig.cable.sever();
        Await.until(() -> rig.reader.state() == DeviceState.OFFLINE, SAFETY, "the reader offline");

        assertProblem(() -> service.readCard(Duration.ofMillis(1000)), LoginProblem.READER_OUT_OF_SERVICE);

        smartCards.apply("insert-card", "ssc");
        assertThat(service.readCard(SAFETY).document()).isEqualTo(Identity.Document.SOCIAL_SECURITY_CARD);
    }

    // ---- the identity ----------------------------------------------------------------------------

    @Test
    void wipingTheIdentityZeroesItsPhoto() throws Exception {
        rig.virtual.place(DemoCards.resident());
        Identity identity = idCardOnly().readCard(SAFETY);
        assertThat(identity.photo()).isNotEmpty().isEqualTo(DemoCards.resident().photo());

        identity.wipe();

        assertThat(identity.photo()).hasSize(1024).containsOnly((byte) 0);
    }

    @Test
    void theIdentityMadeFromACardKeepsTheOnlyCopyOfThePhoto() {
        IdCard card = DemoCards.resident();
        byte[] photo = card.photo().clone();

        Identity identity = Identity.of(card);

        assertThat(identity.photo()).isEqualTo(photo);
        assertThat(card.photo()).as("the card's bytes wiped").containsOnly((byte) 0);
    }

    @Test
    void theIdentityAsTextHasNoFullNameOrNumber() throws Exception {
        rig.virtual.place(DemoCards.resident());
        Identity identity = idCardOnly().readCard(SAFETY);

        assertThat(identity.toString())
                .contains("RESIDENT_ID_CARD")
                .contains("王*明")
                .contains("110105********002X")
                .doesNotContain(FULL_NAME)
                .doesNotContain(FULL_NUMBER)
                .doesNotContain("19491231")
                .doesNotContain("演示胡同");
    }
}
