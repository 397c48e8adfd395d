package cn.egov.kiosk.payment;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** The platform's payment orders of this kiosk, for the reconciliation (an adapter implements it). */
public interface PlatformOrders {

    /** The orders created on {@code day} (the hall's time zone); empty when the platform does not answer. */
    Optional<List<PlatformOrder>> ordersOf(LocalDate day);
}
