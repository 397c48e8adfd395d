package cn.egov.kiosk.device.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.egov.kiosk.device.api.DeviceException;
import cn.egov.kiosk.device.api.DeviceState;
import cn.egov.kiosk.device.api.DeviceStatistics;
import cn.egov.kiosk.device.api.ErrorCode;
import cn.egov.kiosk.device.api.StatisticsStore;
import cn.egov.kiosk.device.idcard.IdCard;
import cn.egov.kiosk.device.idcard.IdCardType;
import cn.egov.kiosk.device.testkit.Await;
import cn.egov.kiosk.device.testkit.RecordingListener;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SimulatedIdCardReaderTest {
  private static final Duration SAFETY = Duration.ofSeconds(5);
  private static final Duration SHORT = Duration.ofMillis(50);

  private final SimulatedIdCardReader reader = new SimulatedIdCardReader("id-reader", StatisticsStore.NONE, Clock.systemUTC());
  private final RecordingListener events = new RecordingListener();

  @BeforeEach
  void ready() throws DeviceException {
    reader.addListener(events);
    reader.open();
    reader.claim(Duration.ofSeconds(1));
    reader.enable();
  }

  @AfterEach
  void close() {
    reader.close();
  }

  @Test
  void insertAndRemoveCardAreStatusEvents() {
    reader.apply("insert-card");
    events.awaitStatus("card-present", SAFETY);
    reader.apply("remove-card");
    events.awaitStatus("card-removed", SAFETY);

    assertThat(events.statusNames()).containsExactly("card-present", "card-removed");
  }

  @Test
  void readsThePlacedCard() throws DeviceException {
    reader.apply("insert-card");

    IdCard card = reader.read(SHORT);

    assertThat(card.type()).isEqualTo(IdCardType.RESIDENT);
    assertThat(card.name()).isEqualTo("王小明");
    assertThat(card.number()).isEqualTo("11010519491231002X");
    assertThat(card.birthDate()).isEqualTo(LocalDate.of(1949, 12, 31));
    assertThat(card.validUntil()).isEmpty();
    assertThat(card.toString()).isEqualTo("ResidentIdCard[王*明 110105********002X]"); // masked
    assertThat(reader.statistics().get(DeviceStatistics.READS)).isEqualTo(1);
  }

  @Test
  void aCardIsReadOnceUntilItIsLiftedAndPlacedAgain() throws DeviceException {
    reader.apply("insert-card");
    reader.read(SHORT);

    assertThatThrownBy(() -> reader.read(SHORT))
        .isInstanceOfSatisfying(
            DeviceException.class,
            e -> {
              assertThat(e.code()).isEqualTo(ErrorCode.TIMEOUT);
              assertThat(e.extendedCode()).isEqualTo("LIFT_AND_PLACE_AGAIN");
            });

    reader.apply("remove-card");
    reader.apply("insert-card");
    assertThat(reader.read(SHORT).number()).isEqualTo("11010519491231002X");
    assertThat(reader.statistics().get(DeviceStatistics.READS)).isEqualTo(2);
  }

  @Test
  void noCardTimesOut() {
    assertThatThrownBy(() -> reader.read(SHORT))
        .isInstanceOfSatisfying(
            DeviceException.class,
            e -> {
              assertThat(e.code()).isEqualTo(ErrorCode.TIMEOUT);
              assertThat(e.extendedCode()).isEqualTo("NO_CARD");
            });
  }

  @Test
  void aWaitingReadReturnsWhenTheCardIsPlaced() throws Exception {
    CompletableFuture<IdCard> read =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return reader.read(Duration.ofSeconds(30));
              } catch (DeviceException e) {
                throw new IllegalStateException(e);
              }
            });
    Await.until(() -> reader.state() == DeviceState.BUSY, SAFETY, "the read to start");

    reader.placeCard(SimulatedIdCardReader.demoCard());

    assertThat(read.get(SAFETY.toMillis(), TimeUnit.MILLISECONDS).name()).isEqualTo("王小明");
  }

  @Test
  void failNextReadFailsOnceAsAnUnreadableCard() throws DeviceException {
    reader.apply("fail-next-read");
    reader.apply("insert-card");

    assertThatThrownBy(() -> reader.read(SHORT))
        .isInstanceOfSatisfying(
            DeviceException.class,
            e -> {
              assertThat(e.code()).isEqualTo(ErrorCode.HARDWARE_ERROR);
              assertThat(e.extendedCode()).isEqualTo("READ_FAILED");
            });
    assertThat(reader.read(SHORT).number()).isEqualTo("11010519491231002X");
    assertThat(reader.statistics().get(DeviceStatistics.FAILURES)).isEqualTo(1);
  }

  @Test
  void disconnectTakesTheReaderOfflineAndItCannotBeOpenedUntilReconnected() {
    reader.apply("disconnect");

    assertThat(reader.state()).isEqualTo(DeviceState.OFFLINE);
    assertThatThrownBy(() -> reader.read(SHORT))
        .isInstanceOfSatisfying(DeviceException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.OFFLINE));
    reader.close();
    assertThatThrownBy(reader::open)
        .isInstanceOfSatisfying(
            DeviceException.class,
            e -> {
              assertThat(e.code()).isEqualTo(ErrorCode.NO_HARDWARE);
              assertThat(e.extendedCode()).isEqualTo("UNPLUGGED");
            });

    reader.apply("reconnect");
    assertThat(reader.plugged()).isTrue();
  }

  @Test
  void commandsAreListedWithHelp() {
    assertThat(reader.commands().keySet())
        .containsExactly("disconnect", "reconnect", "insert-card", "remove-card", "fail-next-read");
    assertThat(reader.describe()).isEqualTo("plugged, no card");
  }

  @Test
  void anUnknownCommandIsRefused() {
    assertThatThrownBy(() -> reader.apply("shake"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("unknown simulator command \"shake\"");
  }
}
