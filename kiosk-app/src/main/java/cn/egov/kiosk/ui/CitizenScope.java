package cn.egov.kiosk.ui;

import java.util.ArrayList;
import java.util.List;

/** The screens' {@link CitizenState}s, reset together, in the order registered, at a session's end. */
final class CitizenScope {
    private final List<CitizenState> states = new ArrayList<>();

    /** Registers {@code state} and gives it back, so that it is registered where it is made. */
    <T extends CitizenState> T add(T state) {
        states.add(state);
        return state;
    }

    void resetAll() {
        states.forEach(CitizenState::resetForNextCitizen);
    }
}
