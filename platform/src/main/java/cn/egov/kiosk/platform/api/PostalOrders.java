package cn.egov.kiosk.platform.api;

import java.time.OffsetDateTime;
import java.util.List;

/** Free postal delivery (免费邮寄) of a licence or a result. */
public final class PostalOrders {
    private PostalOrders() {}

    public record Recipient(
            String name, String phone, String province, String city, String district, String address, String postcode) {
        @Override
        public String toString() {
            return "Recipient[personal data]";
        }
    }

    /** {@code POST /v1/postal-orders}; one of {@code licenceId} and {@code applicationNo}. */
    public record Create(String orderRef, String licenceId, String applicationNo, Recipient recipient) {}

    public enum Status {
        CREATED,
        PICKED_UP,
        IN_TRANSIT,
        DELIVERED,
        RETURNED
    }

    public record Event(OffsetDateTime at, String description) {}

    public record Order(
            String orderId,
            String orderRef,
            String trackingNumber,
            String carrier,
            Status status,
            List<Event> events) {}
}
