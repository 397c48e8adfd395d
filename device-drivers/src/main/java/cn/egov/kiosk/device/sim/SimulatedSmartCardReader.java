package cn.egov.kiosk.device.sim;

import cn.egov.kiosk.device.api.Condition;
import cn.egov.kiosk.device.api.DeviceClass;
import cn.egov.kiosk.device.api.DeviceException;
import cn.egov.kiosk.device.api.DeviceStatistics;
import cn.egov.kiosk.device.api.ErrorCode;
import cn.egov.kiosk.device.api.StatisticsStore;
import cn.egov.kiosk.device.smartcard.SmartCardReader;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A simulated PC/SC reader with an ISO 7816 card that answers SELECT with 90 00 and any other
 * instruction with 6D 00 (instruction not supported).
 */
public final class SimulatedSmartCardReader extends SimulatedDevice implements SmartCardReader {
  /** The ATR of the simulated card. */
  public static final byte[] DEMO_ATR = {0x3B, 0x6C, 0x00, 0x00, 0x00, 0x51, 0x53, 0x49, 0x43, 0x4B, 0x4F, 0x53, 0x4B, 0x30, 0x31, 0x00};

  private byte[] atr;

  public SimulatedSmartCardReader(String id, StatisticsStore store, Clock clock) {
    super(id, DeviceClass.SMART_CARD_READER, store, clock);
  }

  public synchronized void insertCard(byte[] cardAtr) {
    atr = cardAtr.clone();
    setCondition(Condition.CARD_PRESENT, true);
  }

  public synchronized void removeCard() {
    atr = null;
    setCondition(Condition.CARD_PRESENT, false);
  }

  @Override
  public synchronized Optional<byte[]> atr() throws DeviceException {
    requirePlugged();
    return Optional.ofNullable(atr).map(byte[]::clone);
  }

  @Override
  public byte[] transmit(byte[] command) throws DeviceException {
    return operate("transmit", () -> answer(command));
  }

  private synchronized byte[] answer(byte[] command) throws DeviceException {
    requirePlugged();
    if (atr == null) {
      throw new DeviceException(ErrorCode.USER_ERROR, "NO_CARD", "no card in the reader");
    }
    if (command.length < 4) {
      throw new DeviceException(ErrorCode.USER_ERROR, "BAD_APDU", "a command APDU has at least 4 bytes");
    }
    statistics().increment(DeviceStatistics.READS);
    boolean select = (command[1] & 0xFF) == 0xA4;
    return select ? new byte[] {(byte) 0x90, 0x00} : new byte[] {0x6D, 0x00};
  }

  @Override
  protected Map<String, String> deviceCommands() {
    Map<String, String> map = new LinkedHashMap<>();
    map.put("insert-card", "insert the simulated social security card");
    map.put("remove-card", "take the card out");
    return map;
  }

  @Override
  protected void applyDeviceCommand(String command, String argument) {
    switch (command) {
      case "insert-card" -> insertCard(DEMO_ATR);
      case "remove-card" -> removeCard();
      default -> throw unknown(command);
    }
  }

  @Override
  public synchronized String describe() {
    return (plugged() ? "plugged" : "unplugged") + ", " + (atr == null ? "no card" : "card inserted");
  }
}
