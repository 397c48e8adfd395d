package cn.egov.kiosk.ui;

import cn.egov.kiosk.admin.AdminGate;
import cn.egov.kiosk.application.ApplicationFees;
import cn.egov.kiosk.application.ApplicationService;
import cn.egov.kiosk.appointment.Booking;
import cn.egov.kiosk.appointment.CheckInDesk;
import cn.egov.kiosk.catalogue.ServiceGuide;
import cn.egov.kiosk.config.KioskConfig;
import cn.egov.kiosk.device.idcard.PhotoDecoder;
import cn.egov.kiosk.device.manage.HealthModel;
import cn.egov.kiosk.diag.DeviceDiagnostics;
import cn.egov.kiosk.enterprise.EnterpriseRegister;
import cn.egov.kiosk.feature.FeatureAvailability;
import cn.egov.kiosk.identity.AppCodeLogin;
import cn.egov.kiosk.identity.IdentityService;
import cn.egov.kiosk.insurance.InsuranceDesk;
import cn.egov.kiosk.licence.LicenceSource;
import cn.egov.kiosk.payment.StaffPayments;
import cn.egov.kiosk.print.template.TemplateLibrary;
import cn.egov.kiosk.printing.Printing;
import cn.egov.kiosk.printing.Renderings;
import cn.egov.kiosk.progress.ProgressService;
import cn.egov.kiosk.queue.QueueService;
import cn.egov.kiosk.queue.TicketIssuer;
import cn.egov.kiosk.scan.ScanInput;
import cn.egov.kiosk.session.SessionManager;
import cn.egov.kiosk.settings.Settings;
import cn.egov.kiosk.sync.PlatformServices;
import cn.egov.kiosk.today.FlowLog;
import cn.egov.kiosk.today.StaffDay;
import cn.egov.kiosk.ui.voice.VoiceOut;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.IntSupplier;
import java.util.function.Supplier;

/**
 * What the screens use of the kiosk, and nothing more: made by the application's wiring
 * ({@code app.UiWiring}) from the runtime, so that the UI never reaches into it.
 *
 * @param config the kiosk's settings the screens show or follow (languages, theme, hall, timeouts)
 * @param deviceHealth the devices' health, for a reader back in service
 * @param licences where licences come from: the platform, the demo's samples, or none
 * @param platform staff's view of the platform, when there is one
 * @param admin the admin side: the PIN pad's checks, the lock-out, PIN changes, the first set-up
 *     (blocking: off the JavaFX thread)
 * @param guide the service guide over the local copy of the catalogue, when there is a platform
 * @param applications applications through the outbox, when there is a platform
 * @param demoIdCard in demo mode, a button's "put a card on the reader" (runs off the JavaFX thread)
 * @param demoSocialSecurityCard the same for the social security card
 * @param voice where the spoken prompts go (silent on a kiosk without speech)
 * @param scans the codes the kiosk's scanner reads, classified
 * @param appLogin 扫码登录 through the platform, when there is a platform and a scanner
 * @param demoAppCode in demo mode, what shows the scanner a demo citizen's app code (off the JavaFX thread)
 * @param appointments 预约 and 签到, when there is a platform
 * @param progress 办件进度: the platform's answer and the applications this kiosk holds, when there is a platform
 * @param enterprises the register of market entities (企业信息查询), when there is a platform
 * @param insurance 社保缴费: the dues from the platform, paid through the payments, when both are there
 * @param staffPayments staff's 缴费与对账: the payments left for staff or in doubt, settling one, the
 *     day's reconciliation, made now too
 * @param fees the fees of items applied for here, paid through the payments after the application,
 *     when the kiosk takes applications
 * @param today staff's day at a glance: the day's figures, its documents and their reprint
 * @param flows where the screens say that a citizen flow started or ended (never who)
 * @param diagnostics the engineer's diagnostics: the devices, their checks, counters, errors and actions
 * @param settings staff's 终端设置: the configuration changed on screen (devices, what the kiosk
 *     offers), saved, audited and put into effect where it can be at once
 */
public record UiServices(
        KioskConfig config,
        Clock clock,
        SessionManager sessions,
        FeatureAvailability features,
        HealthModel deviceHealth,
        QueueService queue,
        TicketIssuer tickets,
        List<String> businessTypeCodes,
        BiFunction<String, Locale, String> businessTypeName,
        IdentityService identities,
        Optional<PhotoDecoder> photoDecoder,
        LicenceSource licences,
        TemplateLibrary templates,
        Renderings renderings,
        Printing printing,
        Optional<StaffPlatform> platform,
        AdminGate admin,
        Optional<ServiceGuide> guide,
        Optional<ApplicationService> applications,
        Optional<Runnable> demoIdCard,
        Optional<Runnable> demoSocialSecurityCard,
        VoiceOut voice,
        ScanInput scans,
        Optional<AppCodeLogin> appLogin,
        Optional<Runnable> demoAppCode,
        // appointments
        Optional<AppointmentServices> appointments,
        // progress
        Optional<ProgressService> progress,
        // enterprise
        Optional<EnterpriseRegister> enterprises,
        // payments
        Optional<InsuranceDesk> insurance,
        // staff payments
        Optional<StaffPayments> staffPayments,
        // an application's fee
        Optional<ApplicationFees> fees,
        // the day at a glance
        Optional<StaffDay> today,
        FlowLog flows,

        // the engineer's diagnostics on screen
        Optional<DeviceDiagnostics> diagnostics,

        // settings: the configuration on screen, behind the staff PIN
        Optional<Settings> settings) {

    /** 预约 and 签到: booking and cancelling, the check-in desk. */
    public record AppointmentServices(Booking booking, CheckInDesk checkIn) {}

    /** What staff see and do with the platform: its report, sending dead letters again, connecting now. */
    public record StaffPlatform(
            Supplier<PlatformServices.Report> report, IntSupplier retryDeadLetters, Runnable connectNow) {}
}
