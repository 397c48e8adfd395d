package cn.egov.kiosk.device.sim;

import cn.egov.kiosk.device.api.CommonCode;
import cn.egov.kiosk.device.api.Condition;
import cn.egov.kiosk.device.api.DeviceClass;
import cn.egov.kiosk.device.api.DeviceException;
import cn.egov.kiosk.device.api.DeviceStatistics;
import cn.egov.kiosk.device.api.ErrorCode;
import cn.egov.kiosk.device.api.StatisticsStore;
import cn.egov.kiosk.device.smartcard.ApduExchange;
import cn.egov.kiosk.device.smartcard.SmartCardCode;
import cn.egov.kiosk.device.smartcard.SmartCardReader;
import cn.egov.kiosk.device.smartcard.vpcd.ApduResponder;
import cn.egov.kiosk.device.smartcard.vpcd.VirtualSocialSecurityCard;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A simulated PC/SC reader, with the same virtual cards the PC/SC tests put behind vpcd: a
 * second-generation social security card that gives its holder's data to any terminal ({@code
 * insert-card}, or {@code insert-card ssc}), a third-generation one that keeps it for a PSAM
 * ({@code insert-card ssc3}), or a card of another kind ({@code insert-card other}, which answers
 * no SELECT of the social security application). The holder is made up.
 */
public final class SimulatedSmartCardReader extends SimulatedDevice implements SmartCardReader {
    /** A card that is not a social security card: 6A82 to every SELECT, 6D00 to anything else. */
    private static final ApduResponder OTHER_CARD = new ApduResponder() {
        @Override
        public byte[] atr() {
            return new byte[] {
                0x3B, 0x6C, 0x00, 0x00, 0x00, 0x51, 0x53, 0x49, 0x43, 0x4B, 0x4F, 0x53, 0x4B, 0x30, 0x31, 0x00
            };
        }

        @Override
        public byte[] respond(byte[] command) {
            return (command[1] & 0xFF) == 0xA4 ? new byte[] {0x6A, (byte) 0x82} : new byte[] {0x6D, 0x00};
        }
    };

    private ApduResponder card;

    public SimulatedSmartCardReader(String id, StatisticsStore store, Clock clock) {
        super(id, DeviceClass.SMART_CARD_READER, store, clock);
    }

    /** The demo holder on a card valid for years yet. */
    static VirtualSocialSecurityCard.Profile demoProfile(boolean thirdGeneration) {
        VirtualSocialSecurityCard.Profile p = thirdGeneration
                ? VirtualSocialSecurityCard.Profile.thirdGeneration()
                : VirtualSocialSecurityCard.Profile.secondGeneration();
        return new VirtualSocialSecurityCard.Profile(
                p.cardIdentificationCode(),
                p.cardType(),
                p.specVersion(),
                p.institution(),
                LocalDate.of(2022, 8, 1),
                LocalDate.of(2032, 8, 1),
                p.cardNumber(),
                p.socialSecurityNumber(),
                p.name(),
                p.sexCode(),
                p.ethnicityCode(),
                p.birthPlace(),
                p.birthDate());
    }

    /** Inserts a card (taking out the one there). */
    public synchronized void insertCard(ApduResponder inserted) {
        card = inserted;
        card.reset();
        setCondition(Condition.CARD_PRESENT, true);
    }

    public synchronized void removeCard() {
        card = null;
        setCondition(Condition.CARD_PRESENT, false);
    }

    @Override
    public synchronized Optional<byte[]> atr() throws DeviceException {
        requirePlugged();
        return Optional.ofNullable(card).map(ApduResponder::atr);
    }

    @Override
    public byte[] transmit(byte[] command) throws DeviceException {
        return operate("transmit", () -> answer(command));
    }

    private synchronized byte[] answer(byte[] command) throws DeviceException {
        requirePlugged();
        if (card == null) {
            throw new DeviceException(ErrorCode.USER_ERROR, CommonCode.NO_CARD, "no card in the reader");
        }
        if (command.length < 4) {
            throw new DeviceException(
                    ErrorCode.USER_ERROR, SmartCardCode.BAD_APDU, "a command APDU has at least 4 bytes");
        }
        statistics().increment(DeviceStatistics.READS);
        ApduResponder inserted = card;
        try {
            // GET RESPONSE after 61xx and the resend after 6Cxx, as the PC/SC driver (and the JDK) do
            return ApduExchange.exchange(c -> inserted.respond(c.clone()), command);
        } catch (Exception e) {
            throw new DeviceException(
                    ErrorCode.HARDWARE_ERROR,
                    SmartCardCode.BAD_RESPONSE,
                    "the card's answer is incomplete: " + e.getMessage(),
                    e);
        }
    }

    @Override
    protected Map<String, String> deviceCommands() {
        Map<String, String> map = new LinkedHashMap<>();
        map.put(
                "insert-card",
                "insert a card: ssc (social security card, default), ssc3 (third generation: holder data needs a PSAM) or other");
        map.put("remove-card", "take the card out");
        return map;
    }

    @Override
    protected void applyDeviceCommand(String command, String argument) {
        switch (command) {
            case "insert-card" ->
                insertCard(
                        switch (argument == null || argument.isBlank() ? "ssc" : argument) {
                            case "ssc" ->
                                new VirtualSocialSecurityCard(
                                        demoProfile(false), VirtualSocialSecurityCard.HolderAccess.OPEN);
                            case "ssc3" ->
                                new VirtualSocialSecurityCard(
                                        demoProfile(true),
                                        VirtualSocialSecurityCard.HolderAccess.SECURITY_STATUS_NOT_SATISFIED);
                            case "other" -> OTHER_CARD;
                            default ->
                                throw new IllegalArgumentException(
                                        "insert-card takes ssc, ssc3 or other, not \"" + argument + "\"");
                        });
            case "remove-card" -> removeCard();
            default -> throw unknown(command);
        }
    }

    @Override
    public synchronized String describe() {
        return (plugged() ? "plugged" : "unplugged") + ", " + (card == null ? "no card" : "card inserted");
    }
}
