package cn.egov.kiosk.feature;

import cn.egov.kiosk.device.api.DeviceClass;
import java.util.Locale;
import java.util.Set;

/**
 * The citizen features of the kiosk, the devices each needs, and whether it needs the platform to
 * answer (a queue number does not: the kiosk has its own range while the platform is away).
 */
public enum Feature {
    /** 取号: take a queue number, printed on a ticket. */
    QUEUE_TICKET(Set.of(DeviceClass.RECEIPT_PRINTER), false),
    /** 证照打印: print one's licence on the licence printer, after a preview. */
    LICENCE_PRINT(Set.of(DeviceClass.DOCUMENT_PRINTER, DeviceClass.ID_CARD_READER), true),
    /**
     * 办事指南: find a service and read what it needs, from the local copy of the catalogue (so it works
     * while the platform is away); printing the page needs the licence printer, reading it nothing.
     */
    SERVICE_GUIDE(Set.of(), false, true),
    /**
     * 自助申办: apply for a service with the form prefilled from the ID card; the application waits in
     * the outbox while the platform is away, so it needs the card reader only.
     */
    APPLY(Set.of(DeviceClass.ID_CARD_READER), false, true),
    // appointments
    /**
     * 预约: book a service's slot, see or cancel one's appointments. The days show from the local copy
     * while the platform is away (the screen then says that booking needs the network); the
     * confirmation prints on the licence printer when it can, else the ID card does on the day.
     */
    APPOINTMENT(Set.of(), false, true),
    /**
     * 签到: an appointment checked in on its day (its confirmation's QR code, or the ID card), its
     * queue ticket with the appointment's priority printed; the check-in is the platform's.
     */
    CHECK_IN(Set.of(DeviceClass.RECEIPT_PRINTER), true, true),
    // progress
    /**
     * 办件进度: where one's applications stand, found by the ID card, the province app's code or a
     * receipt's query code. It needs no device of its own (either way in will do) and works while the
     * platform is away: the applications this kiosk holds are still shown, the platform's said to be
     * out of reach. Offered where there is a platform (it names held applications from the catalogue).
     */
    PROGRESS(Set.of(), false, true),
    // enterprise
    /**
     * 企业信息查询: anyone, without signing in, looks up a market entity's public registration data on
     * the platform's register (so it needs the platform, and is not offered without one); printing
     * the result needs the licence printer, reading it nothing.
     */
    ENTERPRISE_INFO(Set.of(), true, false, true),
    // payments
    /**
     * 社保缴费: after the ID card, the citizen's dues for the residents' medical and pension schemes,
     * paid by bank card on the terminal or by QR code through the platform (so it needs the platform,
     * and is not offered without one); the receipt on the receipt printer when there is one.
     */
    INSURANCE(Set.of(DeviceClass.ID_CARD_READER), true, false, true);

    private final Set<DeviceClass> requires;
    private final boolean needsPlatform;
    private final boolean usesCatalogue;
    private final boolean platformOnly;

    Feature(Set<DeviceClass> requires, boolean needsPlatform) {
        this(requires, needsPlatform, false);
    }

    Feature(Set<DeviceClass> requires, boolean needsPlatform, boolean usesCatalogue) {
        this(requires, needsPlatform, usesCatalogue, usesCatalogue);
    }

    Feature(Set<DeviceClass> requires, boolean needsPlatform, boolean usesCatalogue, boolean platformOnly) {
        this.requires = requires;
        this.needsPlatform = needsPlatform;
        this.usesCatalogue = usesCatalogue;
        this.platformOnly = platformOnly;
    }

    /**
     * Whether it has nothing to work on without a platform (the catalogue's features, the register's
     * lookup): not offered by a kiosk that has none.
     */
    public boolean platformOnly() {
        return platformOnly;
    }

    /** Whether it works on the local copy of the catalogue: not offered by a kiosk without a platform. */
    public boolean usesCatalogue() {
        return usesCatalogue;
    }

    /** Whether the feature cannot be served while the platform cannot be reached. */
    public boolean needsPlatform() {
        return needsPlatform;
    }

    public Set<DeviceClass> requires() {
        return requires;
    }

    /** The feature's name in configuration ({@code ui.services}, {@code hours.afterHours}): {@code queue-ticket}. */
    public String configName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
