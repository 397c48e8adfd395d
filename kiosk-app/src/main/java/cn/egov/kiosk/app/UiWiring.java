package cn.egov.kiosk.app;

import cn.egov.kiosk.application.ApplicationFees;
import cn.egov.kiosk.appointment.AppointmentPlatform;
import cn.egov.kiosk.appointment.Booking;
import cn.egov.kiosk.appointment.CheckInDesk;
import cn.egov.kiosk.device.api.DeviceClass;
import cn.egov.kiosk.device.idcard.DemoCards;
import cn.egov.kiosk.device.payment.PaymentTerminal;
import cn.egov.kiosk.device.scanner.BarcodeScanner;
import cn.egov.kiosk.diag.DeviceDiagnostics;
import cn.egov.kiosk.diag.DiagnosticsBundle;
import cn.egov.kiosk.diag.ManagedDeviceDiagnostics;
import cn.egov.kiosk.diag.RemovableDrives;
import cn.egov.kiosk.enterprise.EnterpriseRegister;
import cn.egov.kiosk.identity.AppCodeLogin;
import cn.egov.kiosk.insurance.InsuranceDesk;
import cn.egov.kiosk.licence.DemoLicenceSource;
import cn.egov.kiosk.licence.LicenceSource;
import cn.egov.kiosk.payment.PaymentServices;
import cn.egov.kiosk.platform.api.Catalogue;
import cn.egov.kiosk.progress.OutboxApplications;
import cn.egov.kiosk.progress.ProgressService;
import cn.egov.kiosk.runtime.KioskRuntime;
import cn.egov.kiosk.scan.ScanInput;
import cn.egov.kiosk.sync.PlatformAppLogin;
import cn.egov.kiosk.sync.PlatformEnterpriseRegister;
import cn.egov.kiosk.sync.PlatformInsuranceDues;
import cn.egov.kiosk.sync.PlatformProgressSource;
import cn.egov.kiosk.sync.PlatformServices;
import cn.egov.kiosk.today.Reprints;
import cn.egov.kiosk.today.StaffDay;
import cn.egov.kiosk.ui.TaskRunner;
import cn.egov.kiosk.ui.UiServices;
import java.time.ZoneId;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Hands the screens what they use of a runtime ({@link UiServices}), and nothing else of it. */
public final class UiWiring {
    private static final Logger log = LoggerFactory.getLogger(UiWiring.class);

    private UiWiring() {}

    /** The screens' services of {@code runtime}; demo buttons run through {@code tasks}, off the JavaFX thread. */
    public static UiServices services(KioskRuntime runtime, TaskRunner tasks) {
        var config = runtime.config();
        boolean demo = config.kiosk().demo();
        LicenceSource licences = runtime.platform()
                .map(PlatformServices::licences)
                .orElse(demo ? new DemoLicenceSource(runtime.templates()) : LicenceSource.NONE);
        Optional<Runnable> idCard =
                demo ? runtime.idCardReaderId().flatMap(id -> insertCard(runtime, tasks, id)) : Optional.empty();
        Optional<Runnable> socialSecurityCard =
                demo ? runtime.smartCardReaderId().flatMap(id -> insertCard(runtime, tasks, id)) : Optional.empty();
        ScanInput scans =
                new ScanInput(() -> runtime.devices().first(DeviceClass.BARCODE_SCANNER, BarcodeScanner.class));
        Optional<AppCodeLogin> appLogin = scans.fitted()
                ? runtime.platform().map(p -> new PlatformAppLogin(p::interactiveClient, p.link()))
                : Optional.empty();
        return new UiServices(
                config,
                runtime.clock(),
                runtime.sessions(),
                runtime.features(),
                runtime.devices().health(),
                runtime.queue(),
                runtime.tickets(),
                runtime.businessTypeCodes(),
                runtime::businessTypeName,
                runtime.identities(),
                runtime.photoDecoder(),
                licences,
                runtime.templates(),
                runtime.renderings(),
                runtime.printing(),
                runtime.platform().map(p -> new UiServices.StaffPlatform(p::report, p::retryDeadLetters, p::checkNow)),
                runtime.admin(),
                runtime.guide(),
                runtime.platform().map(PlatformServices::applications),
                idCard,
                socialSecurityCard,
                new SpeakerVoice(runtime),
                scans,
                appLogin,
                demo && appLogin.isPresent() ? showAppCode(runtime, tasks) : Optional.empty(),
                // appointments
                runtime.platform().map(p -> appointments(runtime, p)),
                // progress
                runtime.platform().map(p -> progress(p, config.kiosk().timeZone())),
                // enterprise: asked with the short timeouts of the calls a citizen waits for
                runtime.platform()
                        .<EnterpriseRegister>map(p -> new PlatformEnterpriseRegister(p::interactiveClient, p.link())),
                // payments: 社保缴费, with a platform (it holds the dues)
                runtime.platform().map(p -> insurance(runtime, p)),
                // staff payments: the journal, the settlement, the reconciliation and the recovery
                Optional.of(runtime.payments().staff()),
                // an application's fee, where applications are taken (with a platform)
                runtime.platform().map(p -> fees(runtime)),
                // the day at a glance: the figures, the day's documents and their reprint (licences again
                // from the platform), the flows the screens report
                Optional.of(today(runtime, licences)),
                runtime.dayRecorder(),
                // the engineer's diagnostics on screen
                Optional.of(diagnostics(runtime)),
                // settings: the configuration on screen, audited with the role signed in
                Optional.of(runtime.settings(runtime.admin()::actor)));
    }

    /** Staff's day at a glance over the runtime's store, printing and licences (reprints audited with a platform). */
    private static StaffDay today(KioskRuntime runtime, LicenceSource licences) {
        return new StaffDay(
                runtime.dayFigures(),
                new Reprints(
                        runtime.printRecords(),
                        runtime.printing(),
                        runtime.platform().isPresent() ? licences : LicenceSource.NONE,
                        runtime.platform().map(PlatformServices::audit),
                        runtime.config().kiosk().timeZone(),
                        runtime.clock()));
    }

    /**
     * The engineer's diagnostics over the runtime's devices, audited through the outbox when there is
     * a platform, with the role signed in on the pad as the actor.
     */
    private static DeviceDiagnostics diagnostics(KioskRuntime runtime) {
        var config = runtime.config();
        ManagedDeviceDiagnostics.Audit audit = runtime.platform()
                .<ManagedDeviceDiagnostics.Audit>map(p -> p.audit()::record)
                .orElse(ManagedDeviceDiagnostics.Audit.NONE);
        return new ManagedDeviceDiagnostics(
                runtime.devices(),
                Optional.of(new ManagedDeviceDiagnostics.PageParts(
                        runtime.templates(), runtime.renderings(), runtime.printLog())),
                config.kiosk().id(),
                runtime.clock(),
                config.kiosk().timeZone(),
                audit,
                runtime.admin()::actor,
                new RemovableDrives()::find,
                target -> new DiagnosticsBundle(config, config.source(), runtime.clock())
                        .devices(runtime.devices().health().all())
                        .write(target));
    }

    /** An application's fee: the runtime's payments and their delivery, the terminal's abort, the recovery waited for. */
    private static ApplicationFees fees(KioskRuntime runtime) {
        PaymentServices payments = runtime.payments();
        return new ApplicationFees(
                payments.payments(), payments.delivery(), () -> abortSale(runtime), payments.startupRecovery());
    }

    private static void abortSale(KioskRuntime runtime) {
        runtime.devices()
                .first(DeviceClass.PAYMENT_TERMINAL, PaymentTerminal.class)
                .ifPresent(PaymentTerminal::abort);
    }

    /**
     * 社保缴费: the platform's dues (the client for a citizen waiting), the runtime's payments and their
     * delivery (the card report first), the terminal's abort, the recovery at start-up waited for.
     */
    private static InsuranceDesk insurance(KioskRuntime runtime, PlatformServices p) {
        PaymentServices payments = runtime.payments();
        return new InsuranceDesk(
                new PlatformInsuranceDues(p::interactiveClient, p.link()),
                payments.payments(),
                payments.delivery(),
                () -> abortSale(runtime),
                payments.startupRecovery());
    }

    /** 预约 and 签到 over the platform: the days from the local copy, the check-in's ticket on the receipt printer. */
    private static UiServices.AppointmentServices appointments(KioskRuntime runtime, PlatformServices p) {
        var zone = runtime.config().kiosk().timeZone();
        AppointmentPlatform platform = p.appointments();
        return new UiServices.AppointmentServices(
                new Booking(platform, p.openDays(), runtime.clock(), zone),
                new CheckInDesk(
                        platform,
                        runtime.tickets(),
                        itemId -> p.catalogue().find(itemId).map(Catalogue.Item::businessType),
                        runtime.clock(),
                        zone));
    }

    /**
     * A demo button's "show the province app's code": a fresh code of the demo card's holder from the
     * embedded platform (playing the province), scanned by the simulated scanner, off the JavaFX thread.
     */
    private static Optional<Runnable> showAppCode(KioskRuntime runtime, TaskRunner tasks) {
        Optional<String> scanner = runtime.devices()
                .first(DeviceClass.BARCODE_SCANNER, BarcodeScanner.class)
                .map(BarcodeScanner::id);
        return scanner.filter(id -> runtime.simulators().find(id).isPresent())
                .map(id -> () -> tasks.run(
                        () -> {
                            // looked up at each press: staff may have reconfigured the scanner since
                            var sim = runtime.simulators()
                                    .find(id)
                                    .orElseThrow(() -> new IllegalStateException("no simulated scanner " + id));
                            String code = runtime.platform()
                                    .flatMap(PlatformServices::embedded)
                                    .orElseThrow(
                                            () -> new IllegalStateException("the embedded platform is not running"))
                                    .appCode(DemoCards.resident().number());
                            sim.apply("scan", code);
                            return null;
                        },
                        done -> {},
                        error -> log.warn("The demo app code could not be shown: {}", error.getMessage())));
    }

    /** 办件进度: the platform's answer (the client for a citizen waiting) and what this kiosk holds. */
    private static ProgressService progress(PlatformServices platform, ZoneId zone) {
        return new ProgressService(
                new PlatformProgressSource(platform::interactiveClient, platform.link()),
                new OutboxApplications(platform.applications(), platform.catalogue()::find, zone));
    }

    /** A demo button's "insert-card" to a simulated reader, off the JavaFX thread like any device call. */
    private static Optional<Runnable> insertCard(KioskRuntime runtime, TaskRunner tasks, String deviceId) {
        // the simulator is looked up at each press: staff may have reconfigured the reader since
        return runtime.simulators()
                .find(deviceId)
                .map(first -> () -> tasks.run(
                        () -> {
                            runtime.simulators()
                                    .find(deviceId)
                                    .orElseThrow(() -> new IllegalStateException("no simulated reader " + deviceId))
                                    .apply("insert-card");
                            return null;
                        },
                        done -> {},
                        error -> log.warn("Simulator {} refused insert-card: {}", deviceId, error.getMessage())));
    }
}
