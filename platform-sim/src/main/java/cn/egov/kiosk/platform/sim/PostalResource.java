package cn.egov.kiosk.platform.sim;

import static cn.egov.kiosk.platform.sim.Checks.invalid;

import cn.egov.kiosk.platform.api.Batch;
import cn.egov.kiosk.platform.api.Json;
import cn.egov.kiosk.platform.api.PostalOrders;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The contract's {@code postal} tag: postal delivery (EMS) of a licence or an application's
 * result, and its tracking. Owns the orders, by their id and by the kiosk's own reference, and
 * the tracking numbers; a licence mailed is marked so by its tag ({@link LicencesResource}).
 */
final class PostalResource implements Resource {
    private final SimContext sim;
    private final LicencesResource licences;
    private final Map<String, PostalOrders.Order> postalOrders = new ConcurrentHashMap<>();
    private final Map<String, String> ordersByRef = new ConcurrentHashMap<>();
    private final AtomicLong trackingSeq = new AtomicLong(1_178_000_000L);

    PostalResource(SimContext sim, LicencesResource licences) {
        this.sim = sim;
        this.licences = licences;
    }

    @Override
    public void register(Routes routes) {
        routes.route(
                "POST",
                "/v1/postal-orders",
                true,
                true,
                c -> Reply.created(create(c.kioskId(), c.body(PostalOrders.Create.class), "-", 0, c.path())));
        routes.route("GET", "/v1/postal-orders/([^/]+)", true, false, this::status);
    }

    /** Creates a postal order, from its own request or a batch record. */
    synchronized PostalOrders.Order create(
            String kioskId, PostalOrders.Create o, String stream, long seq, String instance) {
        if (o.orderRef() == null || o.recipient() == null || (o.licenceId() == null && o.applicationNo() == null)) {
            throw invalid("orderRef, recipient and a licenceId or applicationNo are required", instance);
        }
        PostalOrders.Recipient r = o.recipient();
        if (r.name() == null
                || r.phone() == null
                || !r.phone().matches("1[3-9]\\d{9}|0\\d{2,3}-?\\d{7,8}")
                || r.address() == null) {
            throw invalid("the recipient needs a name, a mobile or landline number and an address", instance);
        }
        String known = ordersByRef.get(kioskId + ":" + o.orderRef());
        if (known != null) {
            return postalOrders.get(known); // the kiosk's reference names the order: sent again, it is the same one
        }
        String tracking = Long.toString(trackingSeq.incrementAndGet()) + "11";
        if (o.licenceId() != null) {
            licences.mail(o.licenceId(), tracking, instance); // a licence collected or mailed before is refused
        }
        var order = new PostalOrders.Order(
                "PO" + tracking,
                o.orderRef(),
                tracking,
                "EMS",
                PostalOrders.Status.CREATED,
                List.of(new PostalOrders.Event(sim.now(), "已下单，等待揽收")));
        postalOrders.put(order.orderId(), order);
        ordersByRef.put(kioskId + ":" + o.orderRef(), order.orderId());
        sim.applied(
                kioskId,
                Batch.POSTAL_ORDER_CREATE,
                o.orderRef(),
                stream,
                seq,
                Json.mapper().valueToTree(o));
        return order;
    }

    private Reply status(Call c) {
        PostalOrders.Order o = postalOrders.get(c.param(0));
        if (o == null) {
            throw Reply.notFound("postal order " + c.param(0), c.path());
        }
        return Reply.ok(o);
    }
}
