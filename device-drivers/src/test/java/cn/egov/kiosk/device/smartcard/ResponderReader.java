package cn.egov.kiosk.device.smartcard;

import cn.egov.kiosk.device.api.AbstractDevice;
import cn.egov.kiosk.device.api.CommonCode;
import cn.egov.kiosk.device.api.DeviceClass;
import cn.egov.kiosk.device.api.DeviceException;
import cn.egov.kiosk.device.api.ErrorCode;
import cn.egov.kiosk.device.api.StatisticsStore;
import cn.egov.kiosk.device.smartcard.vpcd.ApduResponder;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A smart-card reader in memory: the card is an {@link ApduResponder} (the same ones the vpcd
 * virtual card serves), exchanges go through {@link ApduExchange} as in the PC/SC driver. For the
 * card-level logic without pcscd.
 */
final class ResponderReader extends AbstractDevice implements SmartCardReader {
    private volatile ApduResponder card;
    final List<Integer> instructions = new ArrayList<>();

    private ResponderReader(ApduResponder card) {
        super("test-reader", DeviceClass.SMART_CARD_READER, "test", StatisticsStore.NONE, Clock.systemUTC());
        this.card = card;
    }

    /** An open, claimed, enabled reader with this card in it (null: no card). */
    static ResponderReader with(ApduResponder card) throws DeviceException {
        ResponderReader reader = new ResponderReader(card);
        reader.open();
        reader.claim(Duration.ofSeconds(1));
        reader.enable();
        if (card != null) {
            card.reset();
        }
        return reader;
    }

    @Override
    public String connection() {
        return "memory:";
    }

    @Override
    protected void doOpen() {}

    @Override
    protected void doClose() {}

    @Override
    public Optional<byte[]> atr() throws DeviceException {
        return operate("atr", () -> Optional.ofNullable(card).map(ApduResponder::atr));
    }

    @Override
    public byte[] transmit(byte[] command) throws DeviceException {
        return operate("transmit", () -> {
            ApduResponder c = card;
            if (c == null) {
                throw new DeviceException(ErrorCode.USER_ERROR, CommonCode.NO_CARD, "no card in the reader");
            }
            try {
                return ApduExchange.exchange(
                        apdu -> {
                            instructions.add(apdu[1] & 0xFF);
                            return c.respond(apdu);
                        },
                        command);
            } catch (Exception e) {
                throw new DeviceException(ErrorCode.HARDWARE_ERROR, SmartCardCode.TRANSMIT_FAILED, e.toString(), e);
            }
        });
    }
}
