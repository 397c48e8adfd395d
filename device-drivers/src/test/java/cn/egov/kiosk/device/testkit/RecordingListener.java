package cn.egov.kiosk.device.testkit;

import cn.egov.kiosk.device.api.DeviceEvent;
import cn.egov.kiosk.device.api.DeviceListener;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/**
 * A device listener that records every event with the name of the thread it arrived on, for
 * assertions on exact event sequences and on the thread that delivers them.
 */
public final class RecordingListener implements DeviceListener {

    /** One delivery: the event and the thread it arrived on. */
    public record Received(DeviceEvent event, String threadName) {}

    private final List<Received> received = new CopyOnWriteArrayList<>();

    @Override
    public void onEvent(DeviceEvent event) {
        received.add(new Received(event, Thread.currentThread().getName()));
    }

    /** Every delivery so far, in arrival order. */
    public List<Received> received() {
        return List.copyOf(received);
    }

    /** Every event so far, in arrival order. */
    public List<DeviceEvent> events() {
        return received.stream().map(Received::event).toList();
    }

    /** The events of one type, in arrival order. */
    public <T extends DeviceEvent> List<T> events(Class<T> type) {
        return received.stream()
                .map(Received::event)
                .filter(type::isInstance)
                .map(type::cast)
                .toList();
    }

    /** The names of the status events, in order: {@code ["paper-out", "paper-loaded"]}. */
    public List<String> statusNames() {
        return events(DeviceEvent.StatusEvent.class).stream()
                .map(DeviceEvent.StatusEvent::name)
                .toList();
    }

    /** The payloads of the data events, in order. */
    public List<Object> dataPayloads() {
        return events(DeviceEvent.DataEvent.class).stream()
                .map(DeviceEvent.DataEvent::payload)
                .toList();
    }

    /** The state changes, in order, as {@code "IDLE->BUSY"}. */
    public List<String> stateChanges() {
        return events(DeviceEvent.StateEvent.class).stream()
                .map(e -> e.from() + "->" + e.to())
                .toList();
    }

    /** The names of the threads the events arrived on, in order. */
    public List<String> threadNames() {
        return received.stream().map(Received::threadName).toList();
    }

    /** Waits for a status event with this name ({@code paper-out}, {@code online}...) and returns it. */
    public DeviceEvent.StatusEvent awaitStatus(String name, Duration timeout) {
        return awaitEvent(
                DeviceEvent.StatusEvent.class, e -> e.name().equals(name), timeout, "a \"" + name + "\" status event");
    }

    /** Waits for the first event of a type that matches, and returns it. */
    public <T extends DeviceEvent> T awaitEvent(
            Class<T> type, Predicate<? super T> matching, Duration timeout, String what) {
        Await.until(() -> first(type, matching).isPresent(), timeout, what + " (got " + events() + ")");
        return first(type, matching).orElseThrow();
    }

    private <T extends DeviceEvent> Optional<T> first(Class<T> type, Predicate<? super T> matching) {
        return events(type).stream().filter(matching).findFirst();
    }

    /** Forgets what was recorded. */
    public void clear() {
        received.clear();
    }
}
