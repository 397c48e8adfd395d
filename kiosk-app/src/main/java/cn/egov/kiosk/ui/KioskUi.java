package cn.egov.kiosk.ui;

import cn.egov.kiosk.admin.Role;
import cn.egov.kiosk.application.ApplicationFees;
import cn.egov.kiosk.catalogue.Guide;
import cn.egov.kiosk.config.KioskConfig;
import cn.egov.kiosk.device.api.DeviceClass;
import cn.egov.kiosk.feature.Feature;
import cn.egov.kiosk.identity.Identity;
import cn.egov.kiosk.input.PinyinDictionary;
import cn.egov.kiosk.insurance.InsuranceDesk;
import cn.egov.kiosk.payment.PaymentMethod;
import cn.egov.kiosk.payment.PaymentTimes;
import cn.egov.kiosk.scan.ScanCode;
import cn.egov.kiosk.session.EndReason;
import cn.egov.kiosk.session.Session;
import cn.egov.kiosk.session.SessionListener;
import cn.egov.kiosk.ui.apply.ApplyView;
import cn.egov.kiosk.ui.apply.ApplyViewModel;
import cn.egov.kiosk.ui.appointment.BookView;
import cn.egov.kiosk.ui.appointment.BookViewModel;
import cn.egov.kiosk.ui.appointment.MineView;
import cn.egov.kiosk.ui.appointment.MineViewModel;
import cn.egov.kiosk.ui.attract.AttractView;
import cn.egov.kiosk.ui.attract.AttractViewModel;
import cn.egov.kiosk.ui.checkin.CheckInView;
import cn.egov.kiosk.ui.checkin.CheckInViewModel;
import cn.egov.kiosk.ui.diag.DiagnosticsPanelView;
import cn.egov.kiosk.ui.diag.DiagnosticsPanelViewModel;
import cn.egov.kiosk.ui.enterprise.EnterpriseView;
import cn.egov.kiosk.ui.enterprise.EnterpriseViewModel;
import cn.egov.kiosk.ui.finished.FinishedViewModel;
import cn.egov.kiosk.ui.form.FormView;
import cn.egov.kiosk.ui.form.FormViewModel;
import cn.egov.kiosk.ui.frame.FrameView;
import cn.egov.kiosk.ui.frame.FrameViewModel;
import cn.egov.kiosk.ui.frame.HallLogo;
import cn.egov.kiosk.ui.guide.GuideView;
import cn.egov.kiosk.ui.guide.GuideViewModel;
import cn.egov.kiosk.ui.home.HomeView;
import cn.egov.kiosk.ui.home.HomeViewModel;
import cn.egov.kiosk.ui.idlogin.IdLoginView;
import cn.egov.kiosk.ui.idlogin.IdLoginViewModel;
import cn.egov.kiosk.ui.inactivity.InactivityView;
import cn.egov.kiosk.ui.inactivity.InactivityViewModel;
import cn.egov.kiosk.ui.insurance.InsuranceView;
import cn.egov.kiosk.ui.insurance.InsuranceViewModel;
import cn.egov.kiosk.ui.keyboard.KeyboardViewModel;
import cn.egov.kiosk.ui.licence.LicenceView;
import cn.egov.kiosk.ui.licence.LicenceViewModel;
import cn.egov.kiosk.ui.pay.FeeStepViewModel;
import cn.egov.kiosk.ui.postal.PostalView;
import cn.egov.kiosk.ui.postal.PostalViewModel;
import cn.egov.kiosk.ui.progress.ProgressView;
import cn.egov.kiosk.ui.progress.ProgressViewModel;
import cn.egov.kiosk.ui.scan.ScanNoticeView;
import cn.egov.kiosk.ui.scan.ScanRouter;
import cn.egov.kiosk.ui.settings.SettingsPanelView;
import cn.egov.kiosk.ui.settings.SettingsPanelViewModel;
import cn.egov.kiosk.ui.staff.PaymentsPanelView;
import cn.egov.kiosk.ui.staff.PaymentsPanelViewModel;
import cn.egov.kiosk.ui.staff.PlatformPanelView;
import cn.egov.kiosk.ui.staff.PlatformPanelViewModel;
import cn.egov.kiosk.ui.staff.StaffView;
import cn.egov.kiosk.ui.staff.StaffViewModel;
import cn.egov.kiosk.ui.theme.Theme;
import cn.egov.kiosk.ui.theme.ThemeManager;
import cn.egov.kiosk.ui.theme.Themes;
import cn.egov.kiosk.ui.ticket.TicketView;
import cn.egov.kiosk.ui.ticket.TicketViewModel;
import cn.egov.kiosk.ui.today.FlowTracker;
import cn.egov.kiosk.ui.today.TodayPanelView;
import cn.egov.kiosk.ui.today.TodayPanelViewModel;
import cn.egov.kiosk.ui.voice.Guidance;
import cn.egov.kiosk.ui.voice.Prompts;
import cn.egov.kiosk.ui.voice.SoundView;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.TouchEvent;
import javafx.stage.Stage;
import javafx.util.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the kiosk's screens on a runtime and puts them on a stage: full screen, undecorated,
 * always on top, and closable only through the staff PIN. Session ends reset every screen.
 */
public final class KioskUi {
    private static final Logger log = LoggerFactory.getLogger(KioskUi.class);
    private static final KeyCombination STAFF_KEYS = new KeyCodeCombination(
            KeyCode.S, KeyCombination.CONTROL_DOWN, KeyCombination.ALT_DOWN, KeyCombination.SHIFT_DOWN);

    private final UiServices services;
    private final CitizenScope citizen = new CitizenScope();
    private final TaskRunner tasks;
    /** The last logo asked for (a newer one wins over one still being read). */
    private long logoAsked;

    private final LicenceViewModel licence;
    private final PostalViewModel postal;
    private final I18n i18n;
    private final Navigator navigator = new Navigator();
    private final ThemeManager themes;
    private Theme initialTheme;
    /** The configuration as staff last saved it (the hall's name, the defaults for the next citizen). */
    private volatile KioskConfig shownConfig;

    private AttractViewModel attractVm;
    private Optional<SettingsPanelViewModel> settingsPanel = Optional.empty();
    private final AvailabilityModel availability;
    private final FrameView frame;
    private final FrameViewModel frameVm;
    private final TicketViewModel ticket;
    private final IdLoginViewModel idLogin;
    private final StaffViewModel staff;
    private final FinishedViewModel finished;
    private Optional<PlatformPanelViewModel> platformPanel = Optional.empty();
    private Optional<PaymentsPanelViewModel> paymentsPanel = Optional.empty();
    private Optional<TodayPanelViewModel> todayPanel = Optional.empty();
    private Optional<DiagnosticsPanelViewModel> diagnosticsPanel = Optional.empty();
    private final Optional<GuideViewModel> guide;
    private final Optional<ApplyViewModel> apply;
    // progress
    private final Optional<ProgressViewModel> progress;

    // enterprise
    private final Optional<EnterpriseViewModel> enterprise;
    // payments
    /** 社保缴费, when the kiosk was given its service; set once the screens it needs are made. */
    private Optional<InsuranceViewModel> insurance = Optional.empty();

    private final Executor uiThread;
    private final Map<Screen, Supplier<Node>> screens = new EnumMap<>(Screen.class);
    private final Map<Screen, Node> built = new EnumMap<>(Screen.class);
    private Timeline ticker;
    private final Guidance guidance;
    private final ScanRouter scans;
    /** 预约, 我的预约 and 签到, when the kiosk has a platform; wired by {@link #wireAppointments}. */
    private Optional<AppointmentScreens> appointments = Optional.empty();

    public KioskUi(UiServices services, TaskRunner tasks, Executor uiThread, Runnable exitKiosk) {
        this.services = services;
        this.tasks = tasks;
        this.uiThread = uiThread;
        var config = services.config();
        this.i18n = new I18n(config.kiosk().locales());
        this.shownConfig = config;
        this.initialTheme = Themes.byId(config.ui().theme());
        this.themes = new ThemeManager(Themes.STANDARD, Themes.ELDERLY, initialTheme);
        // a payment flow whose service the kiosk was not given is not offered
        this.availability = new AvailabilityModel(services.features(), uiThread, notOffered(services));

        this.frameVm = citizen.add(new FrameViewModel(
                i18n,
                navigator,
                themes,
                services.clock(),
                config.kiosk().timeZone(),
                l -> shownConfig.kiosk().hallName().get(l),
                config.kiosk().hotline(),
                () -> services.sessions().end(EndReason.EXPLICIT_EXIT)));
        this.frame = new FrameView(frameVm);
        showLogo(config.ui().logo());

        this.attractVm = new AttractViewModel(
                i18n,
                availability,
                services.sessions(),
                navigator,
                l -> shownConfig.kiosk().hallName().get(l));
        boolean ticketsCarryId = config.queue().printMaskedId();
        this.ticket = citizen.add(new TicketViewModel(
                i18n,
                services.queue(),
                services.tickets(),
                tasks,
                services.sessions(),
                services.businessTypeCodes(),
                services.businessTypeName()::apply,
                () -> ticketsCarryId ? signedIn().map(Identity::number) : Optional.empty())); // the template masks it
        this.idLogin = citizen.add(new IdLoginViewModel(
                i18n,
                services.identities(),
                tasks,
                services.sessions(),
                navigator,
                config.identity().readTimeout(),
                services.photoDecoder(),
                services.demoIdCard(),
                services.demoSocialSecurityCard(),
                services.appLogin(),
                services.demoAppCode()));
        this.licence = citizen.add(new LicenceViewModel(
                i18n,
                services.licences(),
                services.templates(),
                services.renderings(),
                services.printing(),
                tasks,
                services.sessions()));
        this.postal = citizen.add(new PostalViewModel(
                i18n,
                services.licences(),
                services.printing(),
                tasks,
                services.sessions(),
                () -> shownConfig.kiosk().hallName().get(i18n.locale())));
        navigator.stepsBack(Screen.LICENCE, licence::back);
        navigator.stepsBack(Screen.POSTAL, postal::back);
        licence.onMail(h -> {
            postal.start(h);
            navigator.go(Screen.POSTAL);
        });
        postal.onMailed(licence::mailed);
        navigator.currentProperty().addListener((obs, was, now) -> {
            if (now == Screen.LICENCE && was != now && was != Screen.POSTAL) {
                licence.open();
            } else if (was == Screen.LICENCE && now != was && now != Screen.POSTAL) {
                licence.reset();
            }
            if (was == Screen.POSTAL && now != was) {
                postal.reset();
                if (now != Screen.LICENCE) {
                    licence.reset(); // left the licences altogether
                }
            }
        });
        // a flow that needs the citizen's identity goes through the one ID-card step first
        Consumer<Screen> open = screen -> {
            if (screen == Screen.TICKET && ticketsCarryId) {
                idLogin.require(screen);
            } else if (screen == Screen.LICENCE || screen == Screen.APPLY || screen == Screen.INSURANCE) {
                idLogin.require(screen, IdLoginViewModel.Logins.CARD_OR_APP);
            } else {
                navigator.go(screen);
            }
        };
        this.apply = services.applications()
                .map(applications -> citizen.add(new ApplyViewModel(
                        i18n,
                        services.sessions(),
                        services.licences(),
                        applications,
                        services.guide(),
                        services.printing(),
                        tasks,
                        services.clock(),
                        config.kiosk().timeZone(),
                        citizen.add(new FormViewModel(i18n)),
                        services.fees().map(fees -> applyFees(fees, config)))));
        this.guide = services.guide()
                .map(source -> citizen.add(new GuideViewModel(
                        i18n,
                        source,
                        services.printing(),
                        tasks,
                        services.clock(),
                        config.kiosk().timeZone(),
                        item -> apply.isPresent()
                                && Guide.applicableHere(item)
                                && availability.of(Feature.APPLY).get().available(),
                        item -> apply.ifPresent(a -> {
                            a.prepare(item);
                            open.accept(Screen.APPLY);
                        }),
                        code -> {
                            ticket.preselect(code);
                            open.accept(Screen.TICKET);
                        },
                        services.businessTypeCodes()::contains,
                        services.businessTypeName()::apply,
                        () -> shownConfig.kiosk().hallName().get(i18n.locale()))));
        // progress: 办件进度, by the citizen (through the login step) or by a receipt's query code
        this.progress = services.progress()
                .map(service -> citizen.add(new ProgressViewModel(
                        i18n,
                        service,
                        tasks,
                        services.sessions(),
                        services.clock(),
                        config.kiosk().timeZone(),
                        config.kiosk().hotline(),
                        services.scans().fitted(),
                        services.appLogin().isPresent(),
                        () -> idLogin.require(Screen.PROGRESS, IdLoginViewModel.Logins.CARD_OR_APP),
                        services.features()
                                        .health()
                                        .first(DeviceClass.RECEIPT_PRINTER)
                                        .isPresent()
                                ? Optional.of(services.printing())
                                : Optional.empty(),
                        () -> shownConfig.kiosk().hallName().get(i18n.locale()))));
        progress.ifPresent(p -> {
            navigator.stepsBack(Screen.PROGRESS, p::back);
            screens.put(Screen.PROGRESS, () -> new ProgressView(p).root());
            navigator.currentProperty().addListener((obs, was, now) -> {
                if (now == Screen.PROGRESS && was != now) {
                    p.shown(); // back from the login step: the citizen's applications
                } else if (was == Screen.PROGRESS && now != Screen.ID_LOGIN && now != was) {
                    p.reset();
                }
            });
        });
        guide.ifPresent(g -> {
            navigator.stepsBack(Screen.GUIDE, g::back);
            KeyboardViewModel keyboard = citizen.add(new KeyboardViewModel(i18n, tasks, PinyinDictionary::bundled));
            screens.put(Screen.GUIDE, () -> new GuideView(g, keyboard).root());
        });
        Consumer<Feature> openFeature = feature -> {
            switch (feature) {
                case SERVICE_GUIDE -> guide.ifPresent(g -> g.startAt(Optional.empty()));
                case APPLY -> guide.ifPresent(g -> g.startAt(Optional.of(GuideViewModel.Entry.DOABLE_HERE)));
                // appointments: each starts afresh
                case APPOINTMENT -> appointments.ifPresent(a -> a.book().open());
                case CHECK_IN -> appointments.ifPresent(a -> a.checkIn().open());
                case PROGRESS -> progress.ifPresent(ProgressViewModel::start);
                // payments
                case INSURANCE -> insurance.ifPresent(InsuranceViewModel::start);
                default -> {}
            }
            open.accept(HomeViewModel.screenOf(feature));
        };
        idLogin.stepProperty()
                .addListener((obs, old, now) -> frameVm.signedInNameProperty()
                        .set(signedIn().map(Identity::maskedName).orElse("")));
        services.identities().onCardPresence(present -> uiThread.execute(() -> idLogin.cardPresence(present)));
        navigator.currentProperty().addListener((obs, was, now) -> {
            if (was == Screen.ID_LOGIN && now != Screen.ID_LOGIN) {
                idLogin.left();
            }
        });
        // a reader back in service: the login screen that said it was out of service reads again
        services.deviceHealth().addListener(h -> {
            if (h.deviceClass() == DeviceClass.ID_CARD_READER && h.problem().isEmpty()) {
                uiThread.execute(idLogin::readerBackInService);
            }
        });
        services.identities()
                .onIdCardLifted(() -> uiThread.execute(() -> {
                    if (config.identity().cardRemovalEndsSession() && signedIn().isPresent()) {
                        services.sessions().end(EndReason.CARD_REMOVED);
                    }
                }));
        BooleanBinding locked = apply.map(a -> ticket.busy().or(a.busy())).orElse(ticket.busy());
        // appointments: booking, cancelling and checking in hold the screen too
        this.appointments = services.appointments().map(a -> appointmentScreens(a, config));
        for (AppointmentScreens a : appointments.stream().toList()) {
            locked = locked.or(a.book().busy())
                    .or(a.mine().busy())
                    .or(a.checkIn().busy());
        }
        // the post being ordered or its receipt printing, a progress slip printing (bound below, with
        // the enterprise page's printing): leaving would drop what is on its way
        locked = locked.or(postal.busy());
        for (ProgressViewModel p : progress.stream().toList()) {
            locked = locked.or(p.printStateProperty().isEqualTo(ProgressViewModel.PrintState.PRINTING));
        }
        // a flow done: another service or exit, and the session ends by itself after a short countdown
        this.finished = citizen.add(new FinishedViewModel(
                i18n,
                services.sessions(),
                navigator,
                services.clock(),
                config.session().finished()));
        ticket.stepProperty().addListener((obs, was, now) -> {
            if (now == TicketViewModel.Step.DONE) {
                finished.start();
            }
        });
        licence.stepProperty().addListener((obs, was, now) -> {
            if (now == LicenceViewModel.Step.DONE) {
                finished.start();
            }
        });
        postal.stepProperty().addListener((obs, was, now) -> {
            if (now == PostalViewModel.Step.DONE) {
                finished.start();
            }
        });
        navigator.currentProperty().addListener((obs, was, now) -> {
            if (now != was) {
                finished.stop();
            }
        });
        // the attract screen now; the others when first shown, so that the kiosk is up sooner
        screens.put(Screen.ATTRACT, () -> new AttractView(attractVm, frameVm).root());
        screens.put(
                Screen.HOME, () -> new HomeView(new HomeViewModel(i18n, availability, navigator, openFeature)).root());
        screens.put(Screen.ID_LOGIN, () -> new IdLoginView(idLogin).root());
        screens.put(Screen.TICKET, () -> new TicketView(ticket, finished).root());
        screens.put(Screen.LICENCE, () -> new LicenceView(licence, finished).root());
        screens.put(Screen.POSTAL, () -> {
            KeyboardViewModel keyboard = citizen.add(new KeyboardViewModel(i18n, tasks, PinyinDictionary::bundled));
            return new PostalView(postal, keyboard, finished).root();
        });
        apply.ifPresent(a -> {
            navigator.stepsBack(Screen.APPLY, a::back);
            KeyboardViewModel keyboard = citizen.add(new KeyboardViewModel(i18n, tasks, PinyinDictionary::bundled));
            screens.put(
                    Screen.APPLY,
                    () -> new ApplyView(a, new FormView(a.form(), i18n, keyboard).root(), finished).root());
            navigator.currentProperty().addListener((obs, was, now) -> {
                if (was == Screen.APPLY && now != Screen.APPLY) {
                    a.reset();
                }
            });
            a.stepProperty().addListener((obs, was, now) -> {
                if (now == ApplyViewModel.Step.DONE) {
                    finished.start();
                }
            });
        });

        // 扫码: the screen shown takes a code first, then the flow such a code starts, else a notice
        this.scans = citizen.add(new ScanRouter(
                i18n,
                navigator,
                tasks,
                () -> services.sessions().current().isPresent(),
                attractVm::start,
                this::scanWaits));
        scans.onScreen(Screen.ID_LOGIN, code -> code instanceof ScanCode.AppLogin a && idLogin.appCode(a.code()));
        // an application's fee: a payment code scanned while its fee step waits for one
        apply.flatMap(ApplyViewModel::fee)
                .ifPresent(fee -> scans.onScreen(
                        Screen.APPLY, code -> code instanceof ScanCode.PaymentCode p && fee.paymentCode(p.code())));
        scans.startsFrom(ScanCode.AppLogin.class, code -> {
            if (signedIn().isPresent()) {
                return true; // signed in already: the code is not needed
            }
            if (navigator.current() == Screen.ID_LOGIN) {
                return false; // this login takes the card only: the notice says the code is not for now
            }
            idLogin.require(Screen.HOME, IdLoginViewModel.Logins.CARD_OR_APP);
            return idLogin.appCode(code.code());
        });
        // progress: a receipt's query code, on the progress screen or scanned anywhere else (no login)
        progress.ifPresent(p -> {
            scans.onScreen(Screen.PROGRESS, code -> code instanceof ScanCode.QueryCode q && p.queryCode(q.code()));
            scans.startsFrom(ScanCode.QueryCode.class, code -> {
                if (!availability.of(Feature.PROGRESS).get().available()) {
                    return false;
                }
                p.start();
                navigator.go(Screen.PROGRESS);
                return p.queryCode(code.code());
            });
        });
        services.scans().onScan(code -> uiThread.execute(() -> scans.scanned(code)));
        frame.addOverlay(scans.shownProperty(), () -> new ScanNoticeView(scans).root());

        appointments.ifPresent(this::wireAppointments);

        // enterprise: 企业信息查询, when there is a platform's register to ask; opened afresh from home
        this.enterprise = services.enterprises()
                .map(register -> citizen.add(new EnterpriseViewModel(
                        i18n,
                        register,
                        services.printing(),
                        tasks,
                        services.clock(),
                        config.kiosk().timeZone(),
                        () -> shownConfig.kiosk().hallName().get(i18n.locale()))));
        enterprise.ifPresent(ent -> {
            navigator.stepsBack(Screen.ENTERPRISE, ent::back);
            KeyboardViewModel keyboard = citizen.add(new KeyboardViewModel(i18n, tasks, PinyinDictionary::bundled));
            screens.put(Screen.ENTERPRISE, () -> new EnterpriseView(ent, keyboard).root());
            navigator.currentProperty().addListener((obs, was, now) -> {
                if (now == Screen.ENTERPRISE && was != now) {
                    ent.open();
                }
            });
        });
        for (EnterpriseViewModel ent : enterprise.stream().toList()) {
            locked = locked.or(ent.printStateProperty().isEqualTo(EnterpriseViewModel.PrintState.PRINTING));
        }
        // payments: 社保缴费, when the kiosk was given its service; a payment running holds the screen
        this.insurance = services.insurance().map(desk -> insuranceScreen(desk, config));
        for (InsuranceViewModel ins : insurance.stream().toList()) {
            locked = locked.or(ins.busy());
        }
        frameVm.navigationLockedProperty().bind(locked);

        InactivityViewModel inactivity = new InactivityViewModel(i18n, services.sessions());
        frame.addOverlay(inactivity.visibleProperty(), () -> new InactivityView(inactivity).root());

        // 语音播报: each step's words, on by default in elderly mode; the sound panel from the frame
        this.guidance = new Guidance(
                i18n,
                themes,
                navigator.currentProperty(),
                services.voice(),
                config.voice().volume());
        guidance.defaults(config.voice().onByDefault(), config.voice().volume());
        if (config.voice().onByDefault()) {
            guidance.setOn(true);
        }
        guidance.watch(Screen.ID_LOGIN, idLogin.stepProperty(), Prompts::idLogin);
        guidance.watch(Screen.TICKET, ticket.stepProperty(), Prompts::ticket);
        guidance.watch(Screen.LICENCE, licence.stepProperty(), Prompts::licence);
        guidance.watch(Screen.POSTAL, postal.stepProperty(), Prompts::postal);
        guide.ifPresent(g -> {
            guidance.watch(Screen.GUIDE, g.stepProperty(), Prompts::guide);
            guidance.watch(Screen.GUIDE, g.printStateProperty(), Prompts::guidePrint);
        });
        apply.ifPresent(a -> guidance.watch(Screen.APPLY, a.stepProperty(), Prompts::apply));
        apply.flatMap(ApplyViewModel::fee)
                .ifPresent(fee -> guidance.watch(Screen.APPLY, fee.stepProperty(), Prompts::fee));
        // appointments
        appointments.ifPresent(a -> {
            guidance.watch(Screen.APPOINTMENT, a.book().stepProperty(), Prompts::appointment);
            guidance.watch(Screen.APPOINTMENT, a.book().printStateProperty(), Prompts::appointmentPrint);
            guidance.watch(Screen.MY_APPOINTMENTS, a.mine().stepProperty(), Prompts::myAppointments);
            guidance.watch(Screen.CHECK_IN, a.checkIn().stepProperty(), Prompts::checkIn);
        });
        // progress
        progress.ifPresent(p -> {
            guidance.watch(Screen.PROGRESS, p.stepProperty(), Prompts::progress);
            guidance.watch(Screen.PROGRESS, p.printStateProperty(), Prompts::progressPrint);
        });
        scans.onNotice(n -> guidance.say(ScanRouter.titleOf(n)));
        // enterprise
        enterprise.ifPresent(ent -> {
            guidance.watch(Screen.ENTERPRISE, ent.stepProperty(), Prompts::enterprise);
            guidance.watch(Screen.ENTERPRISE, ent.printStateProperty(), Prompts::enterprisePrint);
        });
        // payments
        insurance.ifPresent(ins -> {
            guidance.watch(Screen.INSURANCE, ins.stepProperty(), Prompts::insurance);
            guidance.watch(Screen.INSURANCE, ins.fee().stepProperty(), Prompts::fee);
        });
        inactivity.visibleProperty().addListener((obs, was, now) -> {
            if (now) {
                guidance.say(Msg.VOICE_INACTIVITY);
            }
        });
        frame.soundButton(
                Bindings.createStringBinding(
                        () -> i18n.text(guidance.onProperty().get() ? Msg.SOUND_ON : Msg.SOUND_OFF),
                        guidance.onProperty(),
                        i18n.localeProperty()),
                guidance::openPanel);
        frame.addOverlay(guidance.panelOpenProperty(), () -> new SoundView(guidance).root());
        // older citizens get twice the time before the kiosk asks whether they are still there
        Runnable patience = () -> {
            int factor = themes.elderly() ? 2 : 1;
            services.sessions().patience(factor);
            finished.patience(factor);
        };
        patience.run();
        themes.themeProperty().addListener((obs, was, now) -> patience.run());
        this.staff = citizen.add(new StaffViewModel(i18n, services.clock(), tasks, services.admin(), exitKiosk));
        services.platform().ifPresent(p -> {
            PlatformPanelViewModel panel = citizen.add(new PlatformPanelViewModel(
                    i18n,
                    tasks,
                    p.report(),
                    p.retryDeadLetters(),
                    p.connectNow(),
                    config.kiosk().timeZone(),
                    services.clock()));
            platformPanel = Optional.of(panel);
            frame.addOverlay(panel.visibleProperty(), () -> new PlatformPanelView(panel).root());
        });
        services.staffPayments().ifPresent(p -> {
            PaymentsPanelViewModel panel = citizen.add(
                    new PaymentsPanelViewModel(i18n, tasks, p, config.kiosk().timeZone(), services.clock()));
            paymentsPanel = Optional.of(panel);
            frame.addOverlay(panel.visibleProperty(), () -> new PaymentsPanelView(panel).root());
        });
        // the day at a glance (今日概览); reprints are audited with the role signed in
        services.today().ifPresent(d -> {
            TodayPanelViewModel panel = citizen.add(new TodayPanelViewModel(
                    i18n, tasks, d, this::adminActor, services.businessTypeName(), services.clock()));
            todayPanel = Optional.of(panel);
            frame.addOverlay(panel.visibleProperty(), () -> new TodayPanelView(panel).root());
        });
        // the citizen flows, started and ended, for the day's figures (never who)
        FlowTracker flows = new FlowTracker(services.flows(), navigator, finished.countingProperty());
        // the flows without a finished countdown: paid (or paid before), a result shown or printed
        insurance.ifPresent(ins -> flows.doneWhen(
                Screen.INSURANCE,
                ins.fee().stepProperty(),
                EnumSet.of(FeeStepViewModel.Step.PAID, FeeStepViewModel.Step.ALREADY_PAID)));
        enterprise.ifPresent(ent -> {
            flows.doneWhen(Screen.ENTERPRISE, ent.stepProperty(), EnumSet.of(EnterpriseViewModel.Step.RESULT));
            flows.doneWhen(
                    Screen.ENTERPRISE, ent.printStateProperty(), EnumSet.of(EnterpriseViewModel.PrintState.PRINTED));
        });
        progress.ifPresent(p -> {
            flows.doneWhen(Screen.PROGRESS, p.stepProperty(), EnumSet.of(ProgressViewModel.Step.DETAIL));
            flows.doneWhen(Screen.PROGRESS, p.printStateProperty(), EnumSet.of(ProgressViewModel.PrintState.PRINTED));
        });
        guide.ifPresent(g -> {
            flows.doneWhen(Screen.GUIDE, g.stepProperty(), EnumSet.of(GuideViewModel.Step.ITEM));
            flows.doneWhen(Screen.GUIDE, g.printStateProperty(), EnumSet.of(GuideViewModel.PrintState.PRINTED));
        });
        services.diagnostics().ifPresent(d -> {
            DiagnosticsPanelViewModel panel = citizen.add(
                    new DiagnosticsPanelViewModel(i18n, tasks, d, config.kiosk().timeZone(), services.clock()));
            diagnosticsPanel = Optional.of(panel);
            frame.addOverlay(panel.visibleProperty(), () -> new DiagnosticsPanelView(panel).root());
        });
        // 终端设置: the configuration on screen; what staff save is followed here where it can be
        services.settings().ifPresent(s -> {
            SettingsPanelViewModel panel = citizen.add(new SettingsPanelViewModel(i18n, tasks, s, services.clock()));
            settingsPanel = Optional.of(panel);
            frame.addOverlay(panel.visibleProperty(), () -> new SettingsPanelView(panel).root());
            s.onChange(changed -> uiThread.execute(() -> configChanged(changed)));
        });
        // the admin menu: one entry a line (id, title, who sees it, what it opens); the panels lie
        // above the menu (shown after it) and close when the admin session ends
        paymentsPanel.ifPresent(p -> staff.entry("payments", Msg.STAFF_PAYMENTS, EnumSet.of(Role.STAFF), p::open));
        todayPanel.ifPresent(p -> staff.entry("today", Msg.STAFF_TODAY, EnumSet.of(Role.STAFF), p::open));
        diagnosticsPanel.ifPresent(
                p -> staff.entry("diagnostics", Msg.STAFF_DIAGNOSTICS, EnumSet.of(Role.ENGINEER), p::open));
        settingsPanel.ifPresent(p -> staff.entry("settings", Msg.STAFF_SETTINGS, EnumSet.allOf(Role.class), p::open));
        platformPanel.ifPresent(p -> staff.entry("platform", Msg.STAFF_PLATFORM, EnumSet.allOf(Role.class), p::open));
        staff.onSessionEnd(() -> {
            platformPanel.ifPresent(PlatformPanelViewModel::close);
            paymentsPanel.ifPresent(PaymentsPanelViewModel::close);
            todayPanel.ifPresent(TodayPanelViewModel::close);
            diagnosticsPanel.ifPresent(DiagnosticsPanelViewModel::close);
            settingsPanel.ifPresent(SettingsPanelViewModel::close);
        });
        frame.addOverlay(staff.visibleProperty(), () -> new StaffView(staff).root());
        frame.staffCorner().addEventHandler(MouseEvent.MOUSE_CLICKED, e -> staff.cornerTapped());

        navigator.currentProperty().addListener((obs, old, now) -> show(now));
        show(navigator.current());
        services.sessions().addListener(new SessionListener() {
            @Override
            public void ended(Session session, EndReason reason) {
                resetForNextCitizen();
            }
        });
    }

    private void show(Screen screen) {
        frame.show(built.computeIfAbsent(screen, s -> screens.get(s).get()));
        if (screen == Screen.TICKET) {
            ticket.onShow();
        }
        if (screen == Screen.GUIDE) {
            guide.ifPresent(GuideViewModel::shown);
        }
        if (screen == Screen.APPLY) {
            apply.ifPresent(ApplyViewModel::shown);
        }
        // appointments
        if (screen == Screen.APPOINTMENT) {
            appointments.ifPresent(a -> a.book().shown());
        }
        if (screen == Screen.MY_APPOINTMENTS) {
            appointments.ifPresent(a -> a.mine().open());
        }
        if (screen == Screen.CHECK_IN) {
            appointments.ifPresent(a -> a.checkIn().shown());
        }
    }

    // ---- payments -----------------------------------------------------------------------------

    /**
     * 社保缴费: its screen (the login step first), the ways to pay this kiosk offers (the card where
     * it has a terminal, the shown code through the platform, the payment code where it has a
     * scanner), the receipt where it has a receipt printer, the way back inside it, the reset when
     * left (not for the login step), and a payment code scanned while the fee step waits for one.
     */
    private InsuranceViewModel insuranceScreen(InsuranceDesk desk, KioskConfig config) {
        var health = services.features().health();
        List<PaymentMethod> methods = paymentMethods();
        FeeStepViewModel fee = citizen.add(new FeeStepViewModel(
                i18n, tasks, uiThread, services.clock(), config.kiosk().hotline(), PaymentTimes.DEFAULTS.qrShown()));
        InsuranceViewModel vm = citizen.add(new InsuranceViewModel(
                i18n,
                desk,
                tasks,
                services.sessions(),
                config.kiosk().timeZone(),
                health.first(DeviceClass.RECEIPT_PRINTER).isPresent()
                        ? Optional.of(services.printing())
                        : Optional.empty(),
                () -> shownConfig.kiosk().hallName().get(i18n.locale()),
                methods,
                fee));
        navigator.stepsBack(Screen.INSURANCE, vm::back);
        screens.put(Screen.INSURANCE, () -> new InsuranceView(vm).root());
        navigator.currentProperty().addListener((obs, was, now) -> {
            if (now == Screen.INSURANCE && was != now) {
                vm.shown(); // back from the login step: the citizen's dues
            } else if (was == Screen.INSURANCE && now != Screen.ID_LOGIN && now != was) {
                vm.reset();
            }
        });
        scans.onScreen(Screen.INSURANCE, code -> code instanceof ScanCode.PaymentCode p && fee.paymentCode(p.code()));
        return vm;
    }

    /**
     * The ways to pay this kiosk offers: the card where it has a terminal, the shown code through the
     * platform (the payments' wallet gateway), the payment code where it has a scanner too.
     */
    private List<PaymentMethod> paymentMethods() {
        List<PaymentMethod> methods = new ArrayList<>();
        if (services.features().health().first(DeviceClass.PAYMENT_TERMINAL).isPresent()) {
            methods.add(PaymentMethod.CARD);
        }
        methods.add(PaymentMethod.QR_SHOWN);
        if (services.scans().fitted()) {
            methods.add(PaymentMethod.QR_SCANNED);
        }
        return methods;
    }

    /**
     * The fee step after an application of an item with a fee: its own fee step (the ways this kiosk
     * offers), the payment receipt where the kiosk has a receipt printer.
     */
    private ApplyViewModel.FeeWiring applyFees(ApplicationFees fees, KioskConfig config) {
        FeeStepViewModel fee = citizen.add(new FeeStepViewModel(
                i18n, tasks, uiThread, services.clock(), config.kiosk().hotline(), PaymentTimes.DEFAULTS.qrShown()));
        return new ApplyViewModel.FeeWiring(
                fees,
                fee,
                paymentMethods(),
                services.features().health().first(DeviceClass.RECEIPT_PRINTER).isPresent()
                        ? Optional.of(services.printing())
                        : Optional.empty(),
                () -> shownConfig.kiosk().hallName().get(i18n.locale()));
    }

    // ---- appointments -------------------------------------------------------------------------

    /** The appointment screens' models. */
    private record AppointmentScreens(BookViewModel book, MineViewModel mine, CheckInViewModel checkIn) {}

    private AppointmentScreens appointmentScreens(UiServices.AppointmentServices a, KioskConfig config) {
        ZoneId zone = config.kiosk().timeZone();
        Function<Locale, String> hall = l -> shownConfig.kiosk().hallName().get(l);
        BooleanBinding offline = Bindings.createBooleanBinding(
                () -> availability.platformNotice().get() != null
                        && availability.platformNotice().get().offline(),
                availability.platformNotice());
        BookViewModel book = citizen.add(new BookViewModel(
                i18n,
                services.sessions(),
                a.booking(),
                services.guide(),
                services.printing(),
                tasks,
                services.clock(),
                zone,
                hall,
                () -> idLogin.require(Screen.APPOINTMENT, IdLoginViewModel.Logins.CARD_OR_APP),
                () -> idLogin.require(Screen.MY_APPOINTMENTS, IdLoginViewModel.Logins.CARD_OR_APP),
                offline));
        MineViewModel mine =
                citizen.add(new MineViewModel(i18n, services.sessions(), a.booking(), tasks, services.clock(), zone));
        CheckInViewModel checkIn = citizen.add(new CheckInViewModel(
                i18n,
                services.sessions(),
                a.checkIn(),
                tasks,
                services.clock(),
                zone,
                () -> idLogin.require(Screen.CHECK_IN, IdLoginViewModel.Logins.CARD_OR_APP),
                hall));
        return new AppointmentScreens(book, mine, checkIn);
    }

    /**
     * 预约, 我的预约 and 签到: their screens, the way back inside them, the end of a finished one, what
     * resets them when left (not for the login step, which comes back), and the scanned confirmation
     * that goes straight to the check-in from any screen, the attract screen included.
     */
    private void wireAppointments(AppointmentScreens a) {
        navigator.stepsBack(Screen.APPOINTMENT, a.book()::back);
        navigator.stepsBack(Screen.MY_APPOINTMENTS, a.mine()::back);
        KeyboardViewModel keyboard = citizen.add(new KeyboardViewModel(i18n, tasks, PinyinDictionary::bundled));
        screens.put(Screen.APPOINTMENT, () -> new BookView(a.book(), keyboard, finished).root());
        screens.put(Screen.MY_APPOINTMENTS, () -> new MineView(a.mine(), finished).root());
        screens.put(Screen.CHECK_IN, () -> new CheckInView(a.checkIn(), finished).root());
        navigator.currentProperty().addListener((obs, was, now) -> {
            if (was == Screen.APPOINTMENT && now != Screen.ID_LOGIN && now != Screen.MY_APPOINTMENTS) {
                a.book().reset();
            }
            if (was == Screen.MY_APPOINTMENTS && now != Screen.MY_APPOINTMENTS) {
                a.mine().reset();
            }
            if (was == Screen.CHECK_IN && now != Screen.ID_LOGIN) {
                a.checkIn().reset();
            }
        });
        a.book().stepProperty().addListener((obs, was, now) -> {
            if (now == BookViewModel.Step.DONE) {
                finished.start();
            }
        });
        a.mine().stepProperty().addListener((obs, was, now) -> {
            if (now == MineViewModel.Step.CANCELLED) {
                finished.start();
            }
        });
        a.checkIn().stepProperty().addListener((obs, was, now) -> {
            if (now == CheckInViewModel.Step.DONE
                    || now == CheckInViewModel.Step.ALREADY
                    || now == CheckInViewModel.Step.NOT_PRINTED) {
                finished.start();
            }
        });
        // 扫码签到: the check-in screen takes a confirmation's code; anywhere else, the code opens it
        scans.onScreen(
                Screen.CHECK_IN,
                code -> code instanceof ScanCode.CheckInCode c && a.checkIn().scanned(c.code()));
        scans.startsFrom(ScanCode.CheckInCode.class, code -> {
            if (!availability.of(Feature.CHECK_IN).get().available()) {
                return false; // said as a service not in use now
            }
            a.checkIn().reset();
            boolean took = a.checkIn().scanned(code.code());
            navigator.go(Screen.CHECK_IN);
            return took;
        });
    }

    /** 预约's screen, when the kiosk has a platform. */
    public Optional<BookViewModel> appointment() {
        return appointments.map(AppointmentScreens::book);
    }

    /** 我的预约's screen, when the kiosk has a platform. */
    public Optional<MineViewModel> myAppointments() {
        return appointments.map(AppointmentScreens::mine);
    }

    /** 签到's screen, when the kiosk has a platform. */
    public Optional<CheckInViewModel> checkIn() {
        return appointments.map(AppointmentScreens::checkIn);
    }

    /**
     * Every screen back to its start, every field cleared (each {@link CitizenState}, staff's view of
     * the platform too), language and theme back to default, the attract screen.
     */
    /** Who acts in an admin panel, for its audit events: the role signed in on the pad. */
    private String adminActor() {
        Role role = staff.roleProperty().get();
        return role == null ? "UNKNOWN" : role.name();
    }

    private void resetForNextCitizen() {
        guidance.reset();
        citizen.resetAll();
        i18n.setLocale(i18n.defaultLocale());
        themes.reset(initialTheme);
        navigator.reset();
    }

    /** A scan is ignored while the screen must not be left (printing) or staff's panel is open. */
    private boolean scanWaits() {
        return frameVm.navigationLockedProperty().get()
                || staff.visibleProperty().get();
    }

    private Optional<Identity> signedIn() {
        return services.sessions().current().flatMap(s -> s.get(Identity.SESSION_KEY));
    }

    public Parent root() {
        return frame.root();
    }

    /** For tests and tools: prepares the stage and attaches the screens at once. */
    public Scene attach(Stage stage, boolean fullScreen) {
        Scene scene = KioskStage.prepare(stage, fullScreen, i18n.text(Msg.APP_TITLE));
        attach(scene);
        return scene;
    }

    /**
     * Puts the screens into a scene prepared by {@link KioskStage#prepare}: the frame as its root,
     * input that keeps the session alive, the staff keys, the theme, the one-second ticker.
     */
    public void attach(Scene scene) {
        scene.setRoot(root());
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (STAFF_KEYS.match(e)) {
                staff.open();
                e.consume();
            }
        });
        scene.addEventFilter(MouseEvent.MOUSE_PRESSED, e -> touched());
        scene.addEventFilter(TouchEvent.TOUCH_PRESSED, e -> touched());
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> touched());
        themes.apply(scene);
        startTicker();
    }

    /** Input of any kind: someone is there. */
    private void touched() {
        services.sessions().touch();
        finished.touch();
        platformPanel.ifPresent(PlatformPanelViewModel::touch);
        paymentsPanel.ifPresent(PaymentsPanelViewModel::touch);
        staff.touch();
        todayPanel.ifPresent(TodayPanelViewModel::touch);
        diagnosticsPanel.ifPresent(DiagnosticsPanelViewModel::touch);
        settingsPanel.ifPresent(SettingsPanelViewModel::touch);
    }

    /**
     * The features not offered: a payment flow whose service the kiosk was not given, and the
     * services staff chose not to show ({@code ui.services}, read at start).
     */
    private static Set<Feature> notOffered(UiServices services) {
        Set<Feature> hidden = EnumSet.noneOf(Feature.class);
        if (services.insurance().isEmpty()) {
            hidden.add(Feature.INSURANCE);
        }
        for (Feature f : Feature.values()) {
            if (!services.config().ui().shows(f.configName())) {
                hidden.add(f);
            }
        }
        return hidden;
    }

    /**
     * Staff saved the configuration: what the screens can follow at once does (the hall's name and
     * hotline now; the languages, the look and the voice for the next citizen, at once when nobody is
     * being served). On the JavaFX thread.
     */
    private void configChanged(KioskConfig changed) {
        if (!changed.ui().logo().equals(shownConfig.ui().logo())) {
            showLogo(changed.ui().logo());
        }
        shownConfig = changed;
        frameVm.hallChanged(changed.kiosk().hotline());
        attractVm.hallChanged();
        initialTheme = Themes.byId(changed.ui().theme());
        i18n.offer(changed.kiosk().locales());
        guidance.defaults(changed.voice().onByDefault(), changed.voice().volume());
        if (services.sessions().current().isEmpty()) {
            i18n.setLocale(i18n.defaultLocale());
            themes.reset(initialTheme);
        }
    }

    /**
     * Reads the hall's logo off the JavaFX thread and shows it; none, or one that cannot be shown (said
     * in the log), leaves the emblem alone. A later logo wins over one still being read.
     */
    private void showLogo(Optional<Path> file) {
        long asked = ++logoAsked;
        if (file.isEmpty()) {
            frameVm.logo(null);
            return;
        }
        tasks.run(
                () -> HallLogo.read(file.get()),
                image -> {
                    if (asked == logoAsked) {
                        frameVm.logo(image);
                    }
                },
                error -> {
                    log.warn("The hall's logo is not shown: {}", error.getMessage());
                    if (asked == logoAsked) {
                        frameVm.logo(null);
                    }
                });
    }

    private void startTicker() {
        ticker = new Timeline(new KeyFrame(Duration.seconds(1), e -> {
            frameTick();
            services.sessions().tick();
            finished.tick();
            platformPanel.ifPresent(PlatformPanelViewModel::tick);
            paymentsPanel.ifPresent(PaymentsPanelViewModel::tick);
            staff.tick();
            todayPanel.ifPresent(TodayPanelViewModel::tick);
            diagnosticsPanel.ifPresent(DiagnosticsPanelViewModel::tick);
            settingsPanel.ifPresent(SettingsPanelViewModel::tick);
            insurance.ifPresent(i -> i.fee().tick());
            apply.flatMap(ApplyViewModel::fee).ifPresent(FeeStepViewModel::tick);
        }));
        ticker.setCycleCount(Animation.INDEFINITE);
        ticker.play();
    }

    private void frameTick() {
        frameVm.tick();
    }

    public void stop() {
        if (ticker != null) {
            ticker.stop();
        }
    }

    public Navigator navigator() {
        return navigator;
    }

    public I18n i18n() {
        return i18n;
    }

    public ThemeManager themes() {
        return themes;
    }

    /** What the kiosk says aloud, and the sound panel's state. */
    public Guidance guidance() {
        return guidance;
    }

    /** The application screen, when the kiosk has a platform to send applications to. */
    public Optional<ApplyViewModel> apply() {
        return apply;
    }

    /** The service guide's screen, when the kiosk has a catalogue. */
    public Optional<GuideViewModel> guide() {
        return guide;
    }

    /** 办件进度, when the kiosk has a platform to ask. */
    public Optional<ProgressViewModel> progress() {
        return progress;
    }

    /** Which screen acts on a scanned code. */
    public ScanRouter scans() {
        return scans;
    }

    /** 社保缴费's screen, when the kiosk was given its service. */
    public Optional<InsuranceViewModel> insurance() {
        return insurance;
    }

    /** The enterprise lookup's screen (企业信息查询), when the kiosk has a platform to ask. */
    public Optional<EnterpriseViewModel> enterprise() {
        return enterprise;
    }

    public AvailabilityModel availability() {
        return availability;
    }

    public StaffViewModel staff() {
        return staff;
    }

    /** The end of a finished flow: its countdown (tests drive it with the kiosk's clock). */
    public FinishedViewModel finished() {
        return finished;
    }

    public Optional<PlatformPanelViewModel> platformPanel() {
        return platformPanel;
    }

    /** Staff's day at a glance (今日概览), when the kiosk was given it. */
    public Optional<TodayPanelViewModel> todayPanel() {
        return todayPanel;
    }

    /** The engineer's diagnostics, when the kiosk was given them. */
    public Optional<DiagnosticsPanelViewModel> diagnosticsPanel() {
        return diagnosticsPanel;
    }

    /** Staff's 缴费与对账, when the kiosk was given the payments. */
    public Optional<PaymentsPanelViewModel> paymentsPanel() {
        return paymentsPanel;
    }
}
