package cn.egov.kiosk.identity;

import cn.egov.kiosk.device.api.Condition;
import cn.egov.kiosk.device.api.DeviceException;
import cn.egov.kiosk.device.api.StatisticsStore;
import cn.egov.kiosk.device.idcard.sam.SamIdCardReader;
import cn.egov.kiosk.device.idcard.sam.VirtualSamReader;
import cn.egov.kiosk.device.link.LinkException;
import cn.egov.kiosk.device.link.PipeLink;
import cn.egov.kiosk.device.testkit.Await;
import cn.egov.kiosk.device.testkit.RecordingListener;
import java.time.Clock;
import java.time.Duration;

/**
 * The real SAM driver on one end of an in-memory cable and a virtual reader on the other, as the
 * demo's simulator wires them, with short timings: opened, claimed and enabled.
 */
public final class IdReaderRig implements AutoCloseable {
    /** Generous: only a failing test waits this long. */
    public static final Duration SAFETY = Duration.ofSeconds(5);
    /** Polls often and gives up soon, so that a test with no card is short. */
    public static final SamIdCardReader.Options FAST = new SamIdCardReader.Options(
            Duration.ofMillis(50), Duration.ofMillis(300), Duration.ofSeconds(2), false, true);

    public final PipeLink.Pair cable = PipeLink.pair("id-reader");
    public final VirtualSamReader virtual = new VirtualSamReader();
    public final SamIdCardReader reader;
    public final RecordingListener events = new RecordingListener();

    public IdReaderRig() throws DeviceException, LinkException {
        cable.device().open(); // before the driver's first command, which must not be lost
        virtual.serve(cable.device(), "virtual-sam");
        reader = new SamIdCardReader("id-reader", "sam", cable.host(), FAST, StatisticsStore.NONE, Clock.systemUTC());
        reader.addListener(events);
        reader.open();
        reader.claim(SAFETY);
        reader.enable();
    }

    /** Lifts the card and waits until the driver has noticed, so that the next card is a new one. */
    public void lift() {
        virtual.lift();
        Await.until(() -> !reader.conditions().contains(Condition.CARD_PRESENT), SAFETY, "the lifted card noticed");
    }

    @Override
    public void close() {
        reader.close();
        virtual.stop();
    }
}
