package cn.egov.kiosk.progress;

import cn.egov.kiosk.application.AcceptanceReceipt;
import cn.egov.kiosk.application.ApplicationService;
import cn.egov.kiosk.platform.api.Catalogue;
import cn.egov.kiosk.store.ApplicationRepository;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The applications made here, from the kiosk's store through {@link ApplicationService}: named and
 * dated as their receipts were (the item's name and time limit from the local catalogue, the
 * promised date counted as the receipt counted it).
 */
public final class OutboxApplications implements HeldApplications {
    private final ApplicationService applications;
    private final Function<String, Optional<Catalogue.Item>> items;
    private final ZoneId zone;

    /**
     * @param items an item of the local catalogue by its id
     * @param zone the hall's time zone: the day an application was made in
     */
    public OutboxApplications(
            ApplicationService applications, Function<String, Optional<Catalogue.Item>> items, ZoneId zone) {
        this.applications = applications;
        this.items = items;
        this.zone = zone;
    }

    @Override
    public List<Held> notWithPlatformOf(String idNumber) {
        return applications.notWithPlatformOf(idNumber).stream().map(this::held).toList();
    }

    @Override
    public List<Held> ofQueryCode(String queryCode) {
        return applications.ofQueryCode(queryCode).stream().map(this::held).toList();
    }

    private Held held(ApplicationRepository.Application a) {
        Optional<Catalogue.Item> item = items.apply(a.itemId());
        return new Held(
                AcceptanceReceipt.reference(a.id()),
                item.map(Catalogue.Item::name).orElse(a.itemId()),
                a.createdAt(),
                item.map(i -> AcceptanceReceipt.workingDaysAfter(
                        a.createdAt().atZone(zone).toLocalDate(), i.promisedLimitDays())),
                switch (a.state()) {
                    case QUEUED -> Standing.SAVED;
                    case RECEIVED -> Standing.SENT;
                    case REJECTED -> Standing.REFUSED;
                },
                a.applicationNo());
    }
}
