package cn.egov.kiosk.e2e;

import static cn.egov.kiosk.e2e.IdLoginRig.allTexts;
import static cn.egov.kiosk.e2e.IdLoginRig.await;
import static cn.egov.kiosk.e2e.IdLoginRig.millisUntil;
import static cn.egov.kiosk.e2e.IdLoginRig.shown;
import static cn.egov.kiosk.e2e.IdLoginRig.tap;
import static cn.egov.kiosk.e2e.IdLoginRig.text;
import static org.assertj.core.api.Assertions.assertThat;

import cn.egov.kiosk.device.api.Condition;
import cn.egov.kiosk.device.api.DeviceClass;
import cn.egov.kiosk.device.api.DeviceState;
import cn.egov.kiosk.device.idcard.DemoCards;
import cn.egov.kiosk.device.idcard.ForeignResidentIdCard;
import cn.egov.kiosk.device.idcard.IdCard;
import cn.egov.kiosk.device.idcard.IdCardReader;
import cn.egov.kiosk.device.idcard.ResidencePermit;
import cn.egov.kiosk.device.idcard.ResidentIdCard;
import cn.egov.kiosk.device.idcard.sam.SamIdCardReader;
import cn.egov.kiosk.device.idcard.sam.VirtualSamReader;
import cn.egov.kiosk.device.testkit.MutableClock;
import cn.egov.kiosk.device.testkit.SamOnPty;
import cn.egov.kiosk.identity.Identity;
import cn.egov.kiosk.ui.Screen;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The ID-card login end to end, headless (TestFX on Monocle), with the reader configured as a hall
 * configures a real one: {@code driver: sam} on a serial port, here a socat pseudo-terminal at
 * 115200 baud with the virtual SAM reader on the other end. The ticket flow asks for the identity
 * first ({@code queue.printMaskedId: true}); the ticket printer is simulated.
 *
 * <p>Texts are the zh-CN bundle's ({@code ui/messages.properties}).
 */
@ExtendWith(ApplicationExtension.class)
class IdLoginOverPtyTest {
    private static final String PROBLEM_EXPIRED = "这张证件已过有效期。";
    private static final String ADVICE_EXPIRED = "请携带有效证件到窗口办理，或先办理证件换领。";
    private static final String PROBLEM_OUT_OF_SERVICE = "身份证读卡器暂停服务。";
    private static final String ADVICE_OUT_OF_SERVICE = "请联系工作人员，或到窗口办理。";
    private static final Duration SAFETY = Duration.ofSeconds(10);

    @TempDir
    static Path dir;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-28T06:00:00Z"));
    private Stage stage;
    private SamOnPty line;
    private VirtualSamReader virtual;
    private IdLoginRig kiosk;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @AfterEach
    void stop() {
        if (kiosk != null) {
            kiosk.close();
        }
        if (line != null) {
            line.close();
        }
    }

    /** socat, the virtual reader on the device end, the kiosk with the SAM driver on the host end. */
    private void startKiosk(FxRobot robot, String identity, String moreDevices) throws Exception {
        Path run = dir.resolve("run-" + System.nanoTime());
        line = SamOnPty.start(run.resolve("pty"), "virtual-sam-pty");
        virtual = line.virtual();
        String devices = IdLoginRig.samIdReader(line.hostPath()) + IdLoginRig.SIM_TICKET_PRINTER + moreDevices;
        kiosk = IdLoginRig.start(robot, stage, IdLoginRig.config(run, identity, devices), clock);
        kiosk.awaitHealthy(moreDevices.isEmpty() ? 2 : 3);
    }

    private void startKiosk(FxRobot robot) throws Exception {
        startKiosk(robot, "{readTimeoutSeconds: 30}", "");
    }

    private IdCardReader reader() {
        return kiosk.runtime
                .devices()
                .first(DeviceClass.ID_CARD_READER, IdCardReader.class)
                .orElseThrow();
    }

    /** Touch to start, 取号: the ticket flow asks for the identity first. */
    private void toTheLoginScreen(FxRobot robot) {
        tap(robot, "#touch-to-start");
        tap(robot, "#tile-queue_ticket");
        assertThat(kiosk.ui.navigator().current()).isEqualTo(Screen.ID_LOGIN);
        await(() -> shown(robot, "#id-login-waiting"), SAFETY, "the login screen waiting for a card");
    }

    /** Logs in with the card placed on the virtual reader; the screen shows who, masked. */
    private void logInWith(FxRobot robot, IdCard card, String documentName) {
        toTheLoginScreen(robot);
        virtual.place(card);
        await(() -> shown(robot, "#id-login-done"), SAFETY, "the card read (" + card.type() + ")");

        assertThat(text(robot, "#id-login-name")).isEqualTo(card.maskedName());
        assertThat(text(robot, "#id-login-number")).isEqualTo(card.maskedNumber());
        assertThat(text(robot, "#id-login-document")).isEqualTo(documentName);
        Identity identity = kiosk.signedIn().orElseThrow();
        assertThat(identity.maskedName()).isEqualTo(card.maskedName());
        assertThat(identity.number()).isEqualTo(card.number());
        assertNothingFullOnScreen(card);
    }

    /** Continue, take a number of type A: the ticket carries the masked number only. */
    private void takeATicket(FxRobot robot, IdCard card) {
        kiosk.printer().printer().clearReceived();
        tap(robot, "#id-login-continue");
        assertThat(kiosk.ui.navigator().current()).isEqualTo(Screen.TICKET);
        tap(robot, "#type-A");
        await(() -> !text(robot, "#ticket-number").isEmpty(), SAFETY, "the number on screen");
        List<String> printed = kiosk.printer().printed().lines();
        assertThat(printed).contains("证件号码：" + card.maskedNumber());
        assertThat(String.join("\n", printed)).doesNotContain(forbidden(card));
        assertNothingFullOnScreen(card);
    }

    /** Finish: the session ends; the card is lifted and the reader has noticed. */
    private void finishAndLift(FxRobot robot) {
        tap(robot, "#ticket-finish");
        assertThat(kiosk.ui.navigator().current()).isEqualTo(Screen.ATTRACT);
        assertThat(kiosk.runtime.sessions().current()).isEmpty();
        virtual.lift();
        await(() -> !reader().conditions().contains(Condition.CARD_PRESENT), SAFETY, "the lifted card noticed");
    }

    /** The card's full personal values: none may appear on screen, on paper. */
    private static String[] forbidden(IdCard card) {
        List<String> values = new ArrayList<>(List.of(card.name(), card.number()));
        if (card instanceof ResidentIdCard r) {
            values.add(r.address());
            r.appendedAddress().ifPresent(values::add);
        }
        if (card instanceof ForeignResidentIdCard f) {
            values.add(f.englishName());
            if (!f.chineseName().isEmpty()) {
                values.add(f.chineseName());
            }
        }
        if (card instanceof ResidencePermit p) {
            values.add(p.address());
            values.add(p.passNumber());
        }
        return values.toArray(String[]::new);
    }

    private static void assertNothingFullOnScreen(IdCard card) {
        List<String> texts = allTexts();
        assertThat(texts).as("texts in the scene graph").isNotEmpty();
        for (String value : forbidden(card)) {
            assertThat(texts)
                    .as("no text in the scene graph holds a full personal value")
                    .noneMatch(t -> t.contains(value));
        }
    }

    // ---- the tests -----------------------------------------------------------------------------

    @Test
    void residentCardLogsInMaskedAndTheTicketCarriesTheMaskedNumber(FxRobot robot) throws Exception {
        startKiosk(robot);
        ResidentIdCard card = DemoCards.resident();
        logInWith(robot, card, "居民身份证");
        assertThat(text(robot, "#id-login-name")).isEqualTo("王*明");
        assertThat(text(robot, "#id-login-number")).isEqualTo("110105********002X");
        assertThat(kiosk.signedIn().orElseThrow().address()).contains("北京市西城区演示胡同8号"); // the appended one
        if (kiosk.runtime.photoDecoder().isEmpty()) { // no vendor decoder on this class path
            assertThat(shown(robot, "#id-login-photo-placeholder"))
                    .as("the neutral placeholder instead of a photo")
                    .isTrue();
        }

        takeATicket(robot, card);
        assertThat(text(robot, "#ticket-number")).isEqualTo("A001");
        finishAndLift(robot);
    }

    @Test
    void foreignPermanentResidentCardsAndTheResidencePermitLogInMasked(FxRobot robot) throws Exception {
        startKiosk(robot);
        record Case(IdCard card, String document) {}
        for (Case c : List.of(
                new Case(DemoCards.foreign2023(), "外国人永久居留身份证"),
                new Case(DemoCards.foreign2017(), "外国人永久居留身份证"),
                new Case(DemoCards.residencePermit(), "港澳台居民居住证"))) {
            logInWith(robot, c.card(), c.document());
            takeATicket(robot, c.card());
            finishAndLift(robot);
        }
    }

    @Test
    void anExpiredCardIsReadAndRefused(FxRobot robot) throws Exception {
        startKiosk(robot);
        toTheLoginScreen(robot);
        ResidentIdCard card = DemoCards.expiredResident();
        virtual.place(card);
        await(() -> shown(robot, "#id-login-failed"), SAFETY, "the refusal");

        assertThat(text(robot, "#id-login-problem")).isEqualTo(PROBLEM_EXPIRED);
        assertThat(text(robot, "#id-login-advice")).isEqualTo(ADVICE_EXPIRED);
        assertThat(kiosk.runtime.sessions().current()).isPresent();
        assertThat(kiosk.signedIn()).isEmpty();
        assertThat(kiosk.ui.navigator().current()).isEqualTo(Screen.ID_LOGIN);
        assertNothingFullOnScreen(card);
    }

    @Test
    void killingTheLineWhileTheScreenWaitsSaysOutOfServiceAndThePluggedBackReaderReads(FxRobot robot) throws Exception {
        startKiosk(robot, "{readTimeoutSeconds: 10}", "");
        toTheLoginScreen(robot);
        await(() -> reader().state() == DeviceState.BUSY, SAFETY, "the read to be waiting for a card");

        long killed = System.nanoTime();
        line.pull();
        long noticedMs = millisUntil(
                () -> shown(robot, "#id-login-failed")
                        && PROBLEM_OUT_OF_SERVICE.equals(text(robot, "#id-login-problem")),
                Duration.ofSeconds(15));
        long sinceKill = (System.nanoTime() - killed) / 1_000_000;
        assertThat(noticedMs)
                .as("ms until the screen said out of service (-1: not within 15 s; waited %d ms)", sinceKill)
                .isBetween(0L, 2000L);
        assertThat(text(robot, "#id-login-advice")).isEqualTo(ADVICE_OUT_OF_SERVICE);
        assertThat(kiosk.signedIn()).isEmpty();

        line.plugBackIn(); // the same paths: the cable plugged back in
        long back = System.nanoTime();
        virtual.place(DemoCards.resident());
        // no touch, no restart: the reader comes back and the screen reads the card
        long waited = millisUntil(() -> shown(robot, "#id-login-done"), Duration.ofSeconds(15));
        long readMs = waited < 0 ? -1 : (System.nanoTime() - back) / 1_000_000;
        assertThat(readMs)
                .as("ms from plugging the line back in to the card read (-1: not within 15 s)")
                .isBetween(0L, 5000L);
        assertThat(text(robot, "#id-login-name")).isEqualTo("王*明");
        System.out.printf(
                "[id-login pty] out of service on screen %d ms after the kill; card read %d ms after the line came back%n",
                noticedMs, readMs);
    }

    @Test
    void aCardLeftOnTheReaderByTheLastCitizenMustBeLiftedAndPlacedAgain(FxRobot robot) throws Exception {
        startKiosk(robot);
        logInWith(robot, DemoCards.resident(), "居民身份证");
        tap(robot, "#nav-exit"); // the session ends; the card stays on the reader
        assertThat(kiosk.runtime.sessions().current()).isEmpty();

        long failures = reader().statistics().get(SamIdCardReader.READS_ASKED);
        tap(robot, "#touch-to-start");
        tap(robot, "#tile-queue_ticket");
        await(() -> shown(robot, "#id-login-failed"), SAFETY, "the screen to ask for the card again");
        assertThat(text(robot, "#id-login-problem")).isEqualTo("这张身份证刚刚已经读取过。");
        assertThat(text(robot, "#id-login-advice")).isEqualTo("请拿起身份证，再平放到读卡区，放好后不要移动。");
        Thread.sleep(500); // a while with the card left lying there: how often is the reader asked meanwhile?
        long asked = reader().statistics().get(SamIdCardReader.READS_ASKED) - failures;
        System.out.printf(
                "[id-login pty] reads refused in about 0.5 s with the read card left on the reader: %d%n", asked);
        assertThat(asked)
                .as("reads asked in about 0.5 s while the read card lay there (a hot retry loop?)")
                .isLessThan(25);

        virtual.lift();
        await(() -> !reader().conditions().contains(Condition.CARD_PRESENT), SAFETY, "the lifted card noticed");
        virtual.place(DemoCards.resident());
        await(() -> shown(robot, "#id-login-done"), SAFETY, "the card placed again read without a touch");
        assertThat(text(robot, "#id-login-name")).isEqualTo("王*明");
    }

    @Test
    void leavingTheLoginScreenAndComingBackStillLogsIn(FxRobot robot) throws Exception {
        startKiosk(robot);
        toTheLoginScreen(robot);
        await(() -> reader().state() == DeviceState.BUSY, SAFETY, "the read to be waiting for a card");
        tap(robot, "#nav-back"); // the citizen changes their mind, then takes a number after all
        assertThat(kiosk.ui.navigator().current()).isEqualTo(Screen.HOME);
        tap(robot, "#tile-queue_ticket");
        assertThat(kiosk.ui.navigator().current()).isEqualTo(Screen.ID_LOGIN);
        Thread.sleep(500); // a while on the screen before the card comes
        assertThat(text(robot, "#id-login-problem"))
                .as("the screen's problem while it waits for the card")
                .isEmpty();

        virtual.place(DemoCards.resident());
        await(() -> shown(robot, "#id-login-done"), SAFETY, "the placed card to log in");
        assertThat(text(robot, "#id-login-name")).isEqualTo("王*明");
    }

    @Test
    void theDemoSocialSecurityCardLogsIn(FxRobot robot) throws Exception {
        startKiosk(robot, "{readTimeoutSeconds: 30, socialSecurityCard: true}", IdLoginRig.SIM_SMART_CARD_READER);
        toTheLoginScreen(robot);
        assertThat(text(robot, "#id-login-instruction")).isEqualTo("请将身份证平放在下方的读卡区，或将社保卡插入读卡口");
        tap(robot, "#id-login-demo-ssc");
        await(() -> shown(robot, "#id-login-done"), SAFETY, "the social security card read");

        assertThat(text(robot, "#id-login-name")).isEqualTo("李*红");
        assertThat(text(robot, "#id-login-number")).isEqualTo("110105********002X");
        assertThat(text(robot, "#id-login-document")).isEqualTo("社会保障卡");
        Identity identity = kiosk.signedIn().orElseThrow();
        assertThat(identity.document()).isEqualTo(Identity.Document.SOCIAL_SECURITY_CARD);
        List<String> texts = allTexts();
        assertThat(texts).noneMatch(t -> t.contains("李小红") || t.contains("11010519491231002X"));

        tap(robot, "#id-login-continue");
        assertThat(kiosk.ui.navigator().current()).isEqualTo(Screen.TICKET);
    }

    @Test
    void killingTheLineWhileTheScreenWaitsSaysOutOfServiceAlsoWhenSocialSecurityCardsAreAccepted(FxRobot robot)
            throws Exception {
        startKiosk(robot, "{readTimeoutSeconds: 10, socialSecurityCard: true}", IdLoginRig.SIM_SMART_CARD_READER);
        long failures = reader().statistics().get(SamIdCardReader.READS_ASKED);
        toTheLoginScreen(robot);
        // the ID card reader has been looked at (two 400 ms slices without a card) when the line dies
        await(
                () -> reader().statistics().get(SamIdCardReader.READS_ASKED) >= failures + 2,
                SAFETY,
                "two looks at the ID card reader");

        long killed = System.nanoTime();
        line.pull();
        long noticedMs = millisUntil(() -> shown(robot, "#id-login-failed"), Duration.ofSeconds(15));
        long sinceKill = (System.nanoTime() - killed) / 1_000_000;
        String problem = noticedMs < 0 ? "(none)" : text(robot, "#id-login-problem");
        System.out.printf(
                "[id-login pty, ssc accepted] failure on screen %d ms after the kill (waited %d ms): %s%n",
                noticedMs, sinceKill, problem);
        assertThat(problem).isEqualTo(PROBLEM_OUT_OF_SERVICE);
        assertThat(noticedMs).as("ms until the screen said out of service").isBetween(0L, 2000L);
    }
}
