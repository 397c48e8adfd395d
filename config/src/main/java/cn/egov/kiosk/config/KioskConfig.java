package cn.egov.kiosk.config;

import cn.egov.kiosk.device.manage.DeviceSpec;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The kiosk's whole configuration, as {@link ConfigLoader} reads it from one YAML file. Immutable;
 * every value has been checked, so the rest of the kiosk can use it without checking again.
 *
 * @param source the file it was read from, absolute and normalized
 * @param platform the cloud platform, when the kiosk works with one
 * @param devices the devices in the order of the file, ids unique; each one accepted by its driver
 * @param hours the hall's opening hours and what is offered outside them
 * @param voice the spoken guidance's defaults
 */
public record KioskConfig(
        Path source,
        Kiosk kiosk,
        Ui ui,
        Session session,
        Identity identity,
        Storage storage,
        Queue queue,
        PaymentSettings payments,
        Optional<Platform> platform,
        List<DeviceSpec> devices,
        Hours hours,
        Voice voice) {

    /** A device id: a lowercase letter or digit, then up to 31 lowercase letters, digits and hyphens. */
    public static final Pattern DEVICE_ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,31}");

    public KioskConfig {
        source = Objects.requireNonNull(source, "source").toAbsolutePath().normalize();
        Objects.requireNonNull(kiosk, "kiosk");
        ui = ui == null ? Ui.DEFAULTS : ui;
        session = session == null ? Session.DEFAULTS : session;
        identity = identity == null ? Identity.DEFAULTS : identity;
        Objects.requireNonNull(storage, "storage");
        Objects.requireNonNull(queue, "queue");
        payments = payments == null ? PaymentSettings.DEFAULTS : payments;
        platform = platform == null ? Optional.empty() : platform;
        hours = hours == null ? Hours.DEFAULTS : hours;
        voice = voice == null ? Voice.DEFAULTS : voice;
        devices = List.copyOf(devices);
        if (devices.isEmpty()) {
            throw new IllegalArgumentException("devices: at least one device is needed");
        }
        Set<String> ids = new HashSet<>();
        for (DeviceSpec d : devices) {
            if (!DEVICE_ID.matcher(d.id()).matches()) {
                throw new IllegalArgumentException("devices: bad device id " + d.id());
            }
            if (!ids.add(d.id())) {
                throw new IllegalArgumentException("devices: id " + d.id() + " is used twice");
            }
        }
    }

    /** A configuration with the default hours and voice. */
    public KioskConfig(
            Path source,
            Kiosk kiosk,
            Ui ui,
            Session session,
            Identity identity,
            Storage storage,
            Queue queue,
            PaymentSettings payments,
            Optional<Platform> platform,
            List<DeviceSpec> devices) {
        this(source, kiosk, ui, session, identity, storage, queue, payments, platform, devices, null, null);
    }

    /** The device with this id. */
    public Optional<DeviceSpec> device(String id) {
        return devices.stream().filter(d -> d.id().equals(id)).findFirst();
    }
}
