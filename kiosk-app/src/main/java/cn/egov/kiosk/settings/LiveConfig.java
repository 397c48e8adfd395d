package cn.egov.kiosk.settings;

import cn.egov.kiosk.config.KioskConfig;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The running kiosk's configuration, which staff may change without a restart: the last one saved.
 * Whoever can follow a change listens ({@link #onChange}); whoever cannot reads it once at start,
 * and the settings screen says such a value takes effect at the next start. Thread-safe; listeners
 * are called on the thread that saved, and must hand the change to their own thread.
 */
public final class LiveConfig {
    private volatile KioskConfig current;
    private final List<Consumer<KioskConfig>> listeners = new CopyOnWriteArrayList<>();

    public LiveConfig(KioskConfig initial) {
        this.current = Objects.requireNonNull(initial, "initial");
    }

    /** The configuration now. */
    public KioskConfig get() {
        return current;
    }

    /** The configuration as just saved: every listener hears it. */
    public void set(KioskConfig changed) {
        current = Objects.requireNonNull(changed, "changed");
        for (Consumer<KioskConfig> l : listeners) {
            l.accept(changed);
        }
    }

    /** {@code listener} hears every configuration saved from now on. */
    public void onChange(Consumer<KioskConfig> listener) {
        listeners.add(listener);
    }
}
