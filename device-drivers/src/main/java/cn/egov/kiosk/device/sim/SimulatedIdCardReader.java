package cn.egov.kiosk.device.sim;

import cn.egov.kiosk.device.idcard.DemoCards;
import cn.egov.kiosk.device.idcard.IdCard;
import cn.egov.kiosk.device.idcard.sam.VirtualSamReader;
import cn.egov.kiosk.device.link.PipeLink;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The control of a simulated ID card reader. The device itself is the real SAM driver; this is the
 * virtual reader at the far end of its (in-memory) cable, and the cable.
 */
public final class SimulatedIdCardReader implements Simulator {
    private final String deviceId;
    private final VirtualSamReader reader;
    private final PipeLink.Pair cable;

    public SimulatedIdCardReader(String deviceId, VirtualSamReader reader, PipeLink.Pair cable) {
        this.deviceId = deviceId;
        this.reader = reader;
        this.cable = cable;
    }

    @Override
    public String deviceId() {
        return deviceId;
    }

    public VirtualSamReader reader() {
        return reader;
    }

    /** Places a card on the reader. */
    public void place(IdCard card) {
        reader.place(card);
    }

    @Override
    public Map<String, String> commands() {
        Map<String, String> map = new LinkedHashMap<>();
        map.put(
                "insert-card",
                "insert-card [resident|expired|foreign|foreign-2023|permit]: place a demo card (default resident)");
        map.put("remove-card", "lift the card off the reader");
        map.put("bad-checksum", "the next answer carries a wrong checksum");
        map.put("truncated", "the next answer stops half-way");
        map.put("garbage", "random bytes come before the next answer");
        map.put("slow", "every answer comes 300 ms late (slow-off to stop)");
        map.put("slow-off", "answers come at once again");
        map.put("sam-failure", "the SAM fails its self-check (sam-ok to repair)");
        map.put("sam-ok", "the SAM works again");
        map.put("no-card", "no card is ever found (no-card-off to stop)");
        map.put("no-card-off", "cards are found again");
        map.put("disconnect", "pull the cable: the device goes offline");
        map.put("reconnect", "plug the cable back in: the device manager reconnects");
        return map;
    }

    @Override
    public void apply(String command, String argument) {
        switch (command) {
            case "insert-card" -> reader.place(demoCard(argument));
            case "remove-card" -> reader.lift();
            case "bad-checksum" -> reader.inject(VirtualSamReader.Fault.BAD_CHECKSUM);
            case "truncated" -> reader.inject(VirtualSamReader.Fault.TRUNCATED);
            case "garbage" -> reader.inject(VirtualSamReader.Fault.GARBAGE);
            case "slow" -> reader.injectAlways(VirtualSamReader.Fault.SLOW);
            case "slow-off" -> reader.clear(VirtualSamReader.Fault.SLOW);
            case "sam-failure" -> reader.injectAlways(VirtualSamReader.Fault.SAM_FAILURE);
            case "sam-ok" -> reader.clear(VirtualSamReader.Fault.SAM_FAILURE);
            case "no-card" -> reader.injectAlways(VirtualSamReader.Fault.NO_CARD);
            case "no-card-off" -> reader.clear(VirtualSamReader.Fault.NO_CARD);
            case "disconnect" -> cable.sever();
            case "reconnect" -> cable.restore();
            default -> throw new IllegalArgumentException("unknown simulator command \"" + command + "\"");
        }
    }

    private static IdCard demoCard(String kind) {
        return switch (kind.isBlank() ? "resident" : kind.trim()) {
            case "resident" -> DemoCards.resident();
            case "expired" -> DemoCards.expiredResident();
            case "foreign" -> DemoCards.foreign2017();
            case "foreign-2023" -> DemoCards.foreign2023();
            case "permit" -> DemoCards.residencePermit();
            default ->
                throw new IllegalArgumentException(
                        "a demo card: resident, expired, foreign, foreign-2023 or permit; not \"" + kind + "\"");
        };
    }

    @Override
    public void close() {
        reader.stop();
    }

    @Override
    public String describe() {
        return (cable.severed() ? "cable pulled" : "connected") + ", " + reader.describe();
    }
}
