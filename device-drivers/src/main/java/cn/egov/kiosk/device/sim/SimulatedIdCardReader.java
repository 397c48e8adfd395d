package cn.egov.kiosk.device.sim;

import cn.egov.kiosk.device.api.Condition;
import cn.egov.kiosk.device.api.DeviceClass;
import cn.egov.kiosk.device.api.DeviceException;
import cn.egov.kiosk.device.api.DeviceStatistics;
import cn.egov.kiosk.device.api.ErrorCode;
import cn.egov.kiosk.device.api.StatisticsStore;
import cn.egov.kiosk.device.idcard.IdCard;
import cn.egov.kiosk.device.idcard.IdCardReader;
import cn.egov.kiosk.device.idcard.ResidentIdCard;
import cn.egov.kiosk.device.idcard.Sex;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A simulated resident ID card reader. Like a real one it reads a placed card once: the same card
 * is found again only after it has been lifted and placed again.
 */
public final class SimulatedIdCardReader extends SimulatedDevice implements IdCardReader {

  /** A fictitious card for demos and training; the number has a valid check digit. */
  public static IdCard demoCard() {
    return new ResidentIdCard(
        "王小明",
        Sex.MALE,
        "01",
        LocalDate.of(1949, 12, 31),
        "北京市东城区示例大街1号",
        "11010519491231002X",
        "北京市公安局东城分局",
        LocalDate.of(2016, 1, 1),
        Optional.empty(),
        Optional.empty(),
        new byte[1024],
        new byte[0]);
  }

  private IdCard card;
  private boolean readSincePlaced;
  private boolean failNextRead;

  public SimulatedIdCardReader(String id, StatisticsStore store, Clock clock) {
    super(id, DeviceClass.ID_CARD_READER, store, clock);
  }

  /** Places a card on the reader. */
  public synchronized void placeCard(IdCard placed) {
    card = placed;
    readSincePlaced = false;
    notifyAll();
    setCondition(Condition.CARD_PRESENT, true);
  }

  /** Lifts the card off the reader. */
  public synchronized void liftCard() {
    card = null;
    readSincePlaced = false;
    setCondition(Condition.CARD_PRESENT, false);
  }

  @Override
  public IdCard read(Duration timeout) throws DeviceException {
    return operate("read", () -> waitAndRead(timeout));
  }

  private synchronized IdCard waitAndRead(Duration timeout) throws DeviceException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (card == null || readSincePlaced) {
      requirePlugged();
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        throw new DeviceException(
            ErrorCode.TIMEOUT,
            card == null ? "NO_CARD" : "LIFT_AND_PLACE_AGAIN",
            card == null ? "no card placed" : "the card was read; lift it and place it again");
      }
      try {
        wait(Math.max(1, left / 1_000_000));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new DeviceException(ErrorCode.CANCELLED, "", "read cancelled", e);
      }
    }
    requirePlugged();
    if (failNextRead) {
      failNextRead = false;
      throw new DeviceException(ErrorCode.HARDWARE_ERROR, "READ_FAILED", "simulated read failure");
    }
    readSincePlaced = true;
    statistics().increment(DeviceStatistics.READS);
    return card;
  }

  @Override
  protected Map<String, String> deviceCommands() {
    Map<String, String> map = new LinkedHashMap<>();
    map.put("insert-card", "place the demo resident ID card on the reader");
    map.put("remove-card", "lift the card off the reader");
    map.put("fail-next-read", "the next read fails as an unreadable card");
    return map;
  }

  @Override
  protected void applyDeviceCommand(String command, String argument) {
    switch (command) {
      case "insert-card" -> placeCard(demoCard());
      case "remove-card" -> liftCard();
      case "fail-next-read" -> {
        synchronized (this) {
          failNextRead = true;
        }
      }
      default -> throw unknown(command);
    }
  }

  @Override
  public synchronized String describe() {
    return (plugged() ? "plugged" : "unplugged") + ", " + (card == null ? "no card" : "card placed");
  }
}
