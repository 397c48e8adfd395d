package cn.egov.kiosk.device.idcard.sam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.egov.kiosk.device.api.Condition;
import cn.egov.kiosk.device.api.DeviceClass;
import cn.egov.kiosk.device.api.DeviceException;
import cn.egov.kiosk.device.api.DeviceState;
import cn.egov.kiosk.device.api.ErrorCode;
import cn.egov.kiosk.device.idcard.DemoCards;
import cn.egov.kiosk.device.idcard.ForeignResidentIdCard;
import cn.egov.kiosk.device.idcard.IdCard;
import cn.egov.kiosk.device.idcard.IdCardReader;
import cn.egov.kiosk.device.idcard.ResidencePermit;
import cn.egov.kiosk.device.idcard.ResidentIdCard;
import cn.egov.kiosk.device.manage.Backoff;
import cn.egov.kiosk.device.manage.DeviceManager;
import cn.egov.kiosk.device.testkit.Await;
import cn.egov.kiosk.device.testkit.SamOnPty;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The SAM driver, as the kiosk configures it ({@code driver: sam} on a serial connection, the
 * device manager with the kiosk's own backoff), over a real pseudo-terminal pair (socat +
 * jSerialComm) at 115200 8N1, with the virtual reader on the other end.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class SamIdCardReaderPtyTest {
    private static final Duration SAFETY = Duration.ofSeconds(10);

    @TempDir
    Path dir;

    private SamOnPty line;
    private VirtualSamReader virtual;
    private DeviceManager manager;

    @BeforeEach
    void wire() throws Exception {
        line = SamOnPty.start(dir, "virtual-sam-pty");
        virtual = line.virtual();
        manager = line.manager(Backoff.DEFAULT);
        manager.start();
        Await.until(
                () -> manager.health().allHealthy(),
                SAFETY,
                "the reader healthy (" + manager.health().all() + ")");
    }

    @AfterEach
    void unwire() {
        manager.close();
        line.close();
    }

    private IdCardReader reader() {
        return manager.first(DeviceClass.ID_CARD_READER, IdCardReader.class).orElseThrow();
    }

    private IdCard readPlaced(IdCard card) throws DeviceException {
        virtual.place(card);
        try {
            return reader().read(SAFETY);
        } finally {
            virtual.lift();
        }
    }

    private void awaitLifted() {
        Await.until(() -> !reader().conditions().contains(Condition.CARD_PRESENT), SAFETY, "the lifted card noticed");
    }

    @Test
    void theThreeKindsOfCardAreReadOverTheSerialLine() throws DeviceException {
        IdCard resident = readPlaced(DemoCards.resident());
        assertThat(resident).isInstanceOf(ResidentIdCard.class);
        assertThat(resident.maskedName()).isEqualTo(DemoCards.resident().maskedName());
        assertThat(resident.number()).isEqualTo(DemoCards.resident().number());
        assertThat(((ResidentIdCard) resident).address())
                .isEqualTo(DemoCards.resident().address());

        awaitLifted();
        IdCard foreign = readPlaced(DemoCards.foreign2023());
        assertThat(foreign).isInstanceOf(ForeignResidentIdCard.class);
        assertThat(foreign.number()).isEqualTo(DemoCards.foreign2023().number());

        awaitLifted();
        IdCard permit = readPlaced(DemoCards.residencePermit());
        assertThat(permit).isInstanceOf(ResidencePermit.class);
        assertThat(((ResidencePermit) permit).passNumber())
                .isEqualTo(DemoCards.residencePermit().passNumber());
    }

    @Test
    void aFaultOnTheLineIsTypedAndTheNextReadWorks() throws DeviceException {
        virtual.inject(VirtualSamReader.Fault.GARBAGE);
        virtual.inject(VirtualSamReader.Fault.BAD_CHECKSUM);
        assertThat(readPlaced(DemoCards.resident()).number())
                .isEqualTo(DemoCards.resident().number());
        awaitLifted();

        virtual.injectAlways(VirtualSamReader.Fault.TRUNCATED);
        virtual.place(DemoCards.residencePermit());
        assertThatThrownBy(() -> reader().read(SAFETY)).isInstanceOfSatisfying(DeviceException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.TIMEOUT);
            assertThat(e.extendedCode()).isEqualTo("TRUNCATED_FRAME");
        });
        virtual.clear(VirtualSamReader.Fault.TRUNCATED);
        assertThat(reader().read(SAFETY)).isInstanceOf(ResidencePermit.class);
    }

    @Test
    void killingTheLineMidReadTakesTheReaderOutOfServiceAndItComesBackWithoutARestart() throws Exception {
        virtual.setLineRate(9600); // the read's answer takes about 1.4 s on the wire: time to cut it
        CountDownLatch answering = new CountDownLatch(1);
        virtual.onEvent(e -> {
            if (e.what().startsWith("read ")) {
                answering.countDown();
            }
        });
        virtual.place(DemoCards.resident());
        CompletableFuture<IdCard> read = CompletableFuture.supplyAsync(() -> {
            try {
                return reader().read(SAFETY);
            } catch (DeviceException e) {
                throw new CompletionException(e);
            }
        });
        assertThat(answering.await(10, TimeUnit.SECONDS))
                .as("the reader answering the read")
                .isTrue();
        Thread.sleep(300); // part of the answer is on the wire

        long killed = System.nanoTime();
        line.pull();
        Await.until(
                () -> manager.health().get("id-reader").orElseThrow().problem().isPresent(),
                SAFETY,
                "the reader out of service");
        long noticedMs = (System.nanoTime() - killed) / 1_000_000;
        assertThat(noticedMs).as("out of service noticed (ms)").isLessThan(2000);
        assertThatThrownBy(() -> read.get(10, TimeUnit.SECONDS))
                .cause()
                .isInstanceOfSatisfying(
                        DeviceException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.OFFLINE));
        assertThat(reader().state()).isEqualTo(DeviceState.OFFLINE);

        Thread.sleep(1500); // out of service a while: the backoff has grown
        virtual.setLineRate(115200);
        virtual.lift();
        line.plugBackIn(); // the same paths again: the cable plugged back
        long back = System.nanoTime();
        Await.until(() -> manager.health().allHealthy(), SAFETY, "the reader back in service");
        long backMs = (System.nanoTime() - back) / 1_000_000;
        assertThat(backMs).as("back in service (ms)").isLessThan(5000);
        assertThat(readPlaced(DemoCards.residencePermit())).isInstanceOf(ResidencePermit.class);
        System.out.printf(
                "[id-reader pty] out of service %d ms after the kill, back %d ms after the line returned%n",
                noticedMs, backMs);
    }

    @Test
    void theSamFailingShowsAsTheReadersError() {
        virtual.injectAlways(VirtualSamReader.Fault.SAM_FAILURE);
        virtual.place(DemoCards.resident());

        assertThatThrownBy(() -> reader().read(SAFETY)).isInstanceOfSatisfying(DeviceException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.HARDWARE_ERROR);
            assertThat(e.extendedCode()).isEqualTo("SW3_60");
        });
    }
}
