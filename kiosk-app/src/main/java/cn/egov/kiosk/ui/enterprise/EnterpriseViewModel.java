package cn.egov.kiosk.ui.enterprise;

import cn.egov.kiosk.enterprise.CreditCodeCheck;
import cn.egov.kiosk.enterprise.EnterpriseDocument;
import cn.egov.kiosk.enterprise.EnterpriseRegister;
import cn.egov.kiosk.enterprise.RegisterTerms;
import cn.egov.kiosk.feature.Unavailable;
import cn.egov.kiosk.platform.api.Enterprise;
import cn.egov.kiosk.printing.Printing;
import cn.egov.kiosk.ui.BackgroundTask;
import cn.egov.kiosk.ui.CitizenState;
import cn.egov.kiosk.ui.ErrorCodes;
import cn.egov.kiosk.ui.I18n;
import cn.egov.kiosk.ui.Msg;
import cn.egov.kiosk.ui.TaskRunner;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * 企业信息查询: anyone, without signing in, looks up a market entity's public registration data. One
 * decision per screen: the way in (by unified social credit code, or by name), the code typed on its
 * own pad and checked here before the register is asked (its length, a character never in such
 * codes, the check character), or part of the name typed in pinyin and the register's matches to
 * choose from; then the entity's page, which prints as an A4 page with the time of the query. The
 * register is the platform's: when it cannot be asked the screen says so plainly, keeps what was
 * typed and a result already shown (which still prints), and offers to ask again. Its entry points
 * run on the JavaFX thread only.
 */
public final class EnterpriseViewModel implements CitizenState {
    private static final Logger log = LoggerFactory.getLogger(EnterpriseViewModel.class);

    /** The id of the result page's status line. */
    public static final String STATUS_FACT = "enterprise-status";

    /** The fewest characters of a name the register searches by. */
    public static final int NAME_MIN = 2;

    /** The name field takes at most this many characters. */
    public static final int NAME_MAX = 30;

    public enum Step {
        /** By credit code or by name. */
        CHOOSE,
        /** The credit code on its pad. */
        CODE,
        /** Part of the name on the pinyin keyboard. */
        NAME,
        /** The register is being asked. */
        SEARCHING,
        /** The names that matched, to choose from. */
        MATCHES,
        /** The entity's public registration data, to read and print. */
        RESULT,
        /** The register could not be asked: why, what still works, ask again. */
        UNAVAILABLE
    }

    /** What the result page's print button is doing. */
    public enum PrintState {
        IDLE,
        PRINTING,
        PRINTED,
        FAILED
    }

    /** What is wrong with what was typed, or what the register said of it: said under the field. */
    public enum InputProblem {
        CODE_LENGTH,
        CODE_CHARACTER,
        CODE_CHECK,
        CODE_NOT_FOUND,
        NAME_TOO_SHORT,
        NAME_NOT_FOUND
    }

    /**
     * One line of the result page: an id for tests and the walk, what it is, what the register says,
     * and whether it is a warning (a status under which the entity may not do business).
     */
    public record Fact(String id, String label, String value, boolean warning) {
        Fact(String id, String label, String value) {
            this(id, label, value, false);
        }
    }

    private final I18n i18n;
    private final EnterpriseRegister register;
    private final Printing printing;
    private final TaskRunner tasks;
    private final Clock clock;
    private final ZoneId zone;
    private final Supplier<String> hall;

    private final ReadOnlyObjectWrapper<Step> step = new ReadOnlyObjectWrapper<>(Step.CHOOSE);
    private final StringProperty code = new SimpleStringProperty("");
    private final StringProperty name = new SimpleStringProperty("");
    private final ReadOnlyObjectWrapper<InputProblem> problem = new ReadOnlyObjectWrapper<>();
    /** What the problem's words name: the wrong character and its place, the length, the code or name asked. */
    private Object[] problemArgs = new Object[0];

    private final ObservableList<Enterprise> matches = FXCollections.observableArrayList();
    private final ObservableList<Enterprise> matchesView = FXCollections.unmodifiableObservableList(matches);
    private final ReadOnlyIntegerWrapper total = new ReadOnlyIntegerWrapper(0);
    private final ReadOnlyObjectWrapper<Enterprise> result = new ReadOnlyObjectWrapper<>();
    private Instant matchedAt = Instant.EPOCH;
    private Instant queriedAt = Instant.EPOCH;
    private final ReadOnlyObjectWrapper<EnterpriseRegister.Reason> unavailable = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<PrintState> printState = new ReadOnlyObjectWrapper<>(PrintState.IDLE);
    private final ReadOnlyObjectWrapper<Printing.Problem> printProblem = new ReadOnlyObjectWrapper<>();

    /** The way the citizen came in (CODE or NAME): where back, a problem and asking again go. */
    private Step way = Step.CODE;
    /** Where back goes from the result: the matches, or the way in. */
    private Step resultFrom = Step.CODE;

    private final BackgroundTask<Optional<Enterprise>> lookup;
    private final BackgroundTask<EnterpriseRegister.Matches> search;
    private final BackgroundTask<Printing.Outcome> printingTask;

    /** @param hall the hall's name in the current language, for the printed page */
    public EnterpriseViewModel(
            I18n i18n,
            EnterpriseRegister register,
            Printing printing,
            TaskRunner tasks,
            Clock clock,
            ZoneId zone,
            Supplier<String> hall) {
        this.i18n = i18n;
        this.register = register;
        this.printing = printing;
        this.tasks = tasks;
        this.clock = clock;
        this.zone = zone;
        this.hall = hall;
        this.lookup = new BackgroundTask<>(tasks);
        this.search = new BackgroundTask<>(tasks);
        this.printingTask = new BackgroundTask<>(tasks);
        // what is typed again makes the last problem old news
        code.addListener((obs, was, now) -> clearProblem());
        name.addListener((obs, was, now) -> clearProblem());
    }

    /** Opened from the home screen: the choice of the way in, nothing typed. */
    public void open() {
        tasks.checkUiThread();
        reset();
    }

    /** 按统一社会信用代码查. */
    public void byCode() {
        tasks.checkUiThread();
        way = Step.CODE;
        clearProblem();
        step.set(Step.CODE);
    }

    /** 按企业名称查. */
    public void byName() {
        tasks.checkUiThread();
        way = Step.NAME;
        clearProblem();
        step.set(Step.NAME);
    }

    /**
     * 查询 by the code typed: checked here first (nothing is asked of a code that cannot be one), then
     * the register, off the JavaFX thread.
     */
    public void lookUpCode() {
        tasks.checkUiThread();
        if (step.get() != Step.CODE && step.get() != Step.UNAVAILABLE) {
            return;
        }
        way = Step.CODE;
        Optional<CreditCodeCheck.Fault> fault = CreditCodeCheck.check(code.get());
        if (fault.isPresent()) {
            CreditCodeCheck.Fault f = fault.get();
            switch (f.problem()) {
                case LENGTH -> problem(InputProblem.CODE_LENGTH, f.length());
                case CHARACTER -> problem(InputProblem.CODE_CHARACTER, f.position(), f.character());
                case CHECK_CHARACTER -> problem(InputProblem.CODE_CHECK);
            }
            step.set(Step.CODE);
            return;
        }
        String asked = CreditCodeCheck.normalise(code.get());
        clearProblem();
        step.set(Step.SEARCHING);
        lookup.start(
                () -> register.byCode(asked),
                found -> {
                    if (found.isEmpty()) {
                        problem(InputProblem.CODE_NOT_FOUND, asked);
                        step.set(Step.CODE);
                        return;
                    }
                    show(found.get(), clock.instant(), Step.CODE);
                },
                error -> failed(error, Step.CODE));
    }

    /** 查询 by the name typed: at least {@value #NAME_MIN} characters, then the register's matches. */
    public void searchName() {
        tasks.checkUiThread();
        if (step.get() != Step.NAME && step.get() != Step.UNAVAILABLE) {
            return;
        }
        way = Step.NAME;
        String asked = name.get() == null ? "" : name.get().strip();
        if (asked.codePointCount(0, asked.length()) < NAME_MIN) {
            problem(InputProblem.NAME_TOO_SHORT);
            step.set(Step.NAME);
            return;
        }
        clearProblem();
        step.set(Step.SEARCHING);
        search.start(
                () -> register.byName(asked),
                found -> {
                    if (found.enterprises().isEmpty()) {
                        problem(InputProblem.NAME_NOT_FOUND, asked);
                        step.set(Step.NAME);
                        return;
                    }
                    matchedAt = clock.instant();
                    matches.setAll(found.enterprises());
                    total.set(found.total());
                    step.set(Step.MATCHES);
                },
                error -> failed(error, Step.NAME));
    }

    /** One of the matches: its page (the search gave all of it; nothing more is asked). */
    public void choose(Enterprise chosen) {
        tasks.checkUiThread();
        if (step.get() == Step.MATCHES && matches.contains(chosen)) {
            show(chosen, matchedAt, Step.MATCHES);
        }
    }

    /** 再试一次: the question that got no answer, asked again. */
    public void retry() {
        tasks.checkUiThread();
        if (step.get() != Step.UNAVAILABLE) {
            return;
        }
        if (way == Step.CODE) {
            lookUpCode();
        } else {
            searchName();
        }
    }

    private void show(Enterprise e, Instant at, Step from) {
        queriedAt = at; // before the result, whose change the page's words follow
        resultFrom = from;
        result.set(e);
        printState.set(PrintState.IDLE);
        printProblem.set(null);
        step.set(Step.RESULT);
    }

    private void failed(Throwable error, Step from) {
        EnterpriseRegister.Reason reason = error instanceof EnterpriseRegister.UnavailableException u
                ? u.reason()
                : EnterpriseRegister.Reason.REFUSED;
        if (!(error instanceof EnterpriseRegister.UnavailableException)) {
            log.error("The enterprise lookup failed unexpectedly", error);
        }
        way = from;
        unavailable.set(reason);
        step.set(Step.UNAVAILABLE);
    }

    /** Prints the page shown on the licence printer (A4), off the JavaFX thread; the platform is not needed. */
    public void print() {
        tasks.checkUiThread();
        Enterprise shown = result.get();
        if (shown == null || step.get() != Step.RESULT || printState.get() == PrintState.PRINTING) {
            return;
        }
        printState.set(PrintState.PRINTING);
        printProblem.set(null);
        Locale locale = i18n.locale();
        String reference = reference();
        Instant at = queriedAt;
        String where = hall.get();
        printingTask.start(
                () -> printing.print(
                        EnterpriseDocument.TEMPLATE,
                        EnterpriseDocument.of(shown, at, clock.instant(), zone, where, reference),
                        locale,
                        reference,
                        false),
                outcome -> {
                    if (outcome instanceof Printing.NotPrinted np) {
                        printProblem.set(np.problem());
                        printState.set(PrintState.FAILED);
                    } else {
                        printState.set(PrintState.PRINTED);
                    }
                },
                error -> {
                    log.warn("The enterprise page {} did not print: {}", reference, error.toString());
                    printProblem.set(Printing.Problem.PRINTER_FAULT);
                    printState.set(PrintState.FAILED);
                });
    }

    /** A query's reference, printed and in the audit trail: not the entity's code, which stays out of logs. */
    private static String reference() {
        byte[] b = new byte[4];
        ThreadLocalRandom.current().nextBytes(b);
        return "EQ-" + HexFormat.of().withUpperCase().formatHex(b);
    }

    /**
     * The frame's back button: a step back (the result → the matches or the typing → the choice);
     * false at the choice, where back leaves the screen. Asking is dropped; what was typed is kept.
     */
    public boolean back() {
        tasks.checkUiThread();
        switch (step.get()) {
            case RESULT -> {
                printingTask.cancel();
                step.set(resultFrom);
                return true;
            }
            case MATCHES -> {
                step.set(Step.NAME);
                return true;
            }
            case SEARCHING, UNAVAILABLE -> {
                lookup.cancel();
                search.cancel();
                step.set(way);
                return true;
            }
            case CODE, NAME -> {
                clearProblem();
                step.set(Step.CHOOSE);
                return true;
            }
            default -> {
                return false;
            }
        }
    }

    @Override
    public void resetForNextCitizen() {
        reset();
    }

    /** Forgets what was typed, found and shown. */
    public void reset() {
        tasks.checkUiThread();
        lookup.cancel();
        search.cancel();
        printingTask.cancel();
        code.set("");
        name.set("");
        clearProblem();
        matches.clear();
        total.set(0);
        result.set(null);
        matchedAt = Instant.EPOCH;
        queriedAt = Instant.EPOCH;
        unavailable.set(null);
        printState.set(PrintState.IDLE);
        printProblem.set(null);
        way = Step.CODE;
        resultFrom = Step.CODE;
        step.set(Step.CHOOSE);
    }

    private void problem(InputProblem p, Object... args) {
        problemArgs = args;
        problem.set(null); // the same problem again is news too
        problem.set(p);
    }

    private void clearProblem() {
        problem.set(null);
        problemArgs = new Object[0];
    }

    // ---- state -------------------------------------------------------------------------------------

    public ReadOnlyObjectProperty<Step> stepProperty() {
        return step.getReadOnlyProperty();
    }

    /** The credit code as typed (the pad types capitals). */
    public StringProperty codeProperty() {
        return code;
    }

    /** The name, or part of it, as typed. */
    public StringProperty nameProperty() {
        return name;
    }

    public ReadOnlyObjectProperty<InputProblem> problemProperty() {
        return problem.getReadOnlyProperty();
    }

    public ObservableList<Enterprise> matches() {
        return matchesView;
    }

    /** How many the register found by the name, in all (more than are listed when over 20). */
    public ReadOnlyIntegerProperty totalProperty() {
        return total.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Enterprise> resultProperty() {
        return result.getReadOnlyProperty();
    }

    /** Why the register gave no answer (while {@link Step#UNAVAILABLE}). */
    public ReadOnlyObjectProperty<EnterpriseRegister.Reason> unavailableProperty() {
        return unavailable.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<PrintState> printStateProperty() {
        return printState.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Printing.Problem> printProblemProperty() {
        return printProblem.getReadOnlyProperty();
    }

    public I18n i18n() {
        return i18n;
    }

    // ---- words -------------------------------------------------------------------------------------

    /** What is wrong with what was typed, in the citizen's words; "" while nothing is. */
    public StringBinding problemText() {
        return Bindings.createStringBinding(
                () -> {
                    InputProblem p = problem.get();
                    if (p == null) {
                        return "";
                    }
                    return i18n.text(
                            switch (p) {
                                case CODE_LENGTH -> Msg.ENTERPRISE_CODE_LENGTH;
                                case CODE_CHARACTER -> Msg.ENTERPRISE_CODE_CHARACTER;
                                case CODE_CHECK -> Msg.ENTERPRISE_CODE_CHECK;
                                case CODE_NOT_FOUND -> Msg.ENTERPRISE_CODE_NOT_FOUND;
                                case NAME_TOO_SHORT -> Msg.ENTERPRISE_NAME_TOO_SHORT;
                                case NAME_NOT_FOUND -> Msg.ENTERPRISE_NAME_NOT_FOUND;
                            },
                            problemArgs);
                },
                problem,
                i18n.localeProperty());
    }

    /** "12 of 18 characters typed": the citizen sees how far they are. */
    public StringBinding codeCountText() {
        return Bindings.createStringBinding(
                () -> i18n.text(
                        Msg.ENTERPRISE_CODE_COUNT,
                        Integer.toString(CreditCodeCheck.normalise(code.get()).length())),
                code,
                i18n.localeProperty());
    }

    /** "3 found: choose one". */
    public StringBinding matchesTitle() {
        return Bindings.createStringBinding(
                () -> i18n.text(Msg.ENTERPRISE_MATCHES_TITLE, matches.size()), matches, i18n.localeProperty());
    }

    /** "45 found, the first 20 listed: type more of the name"; "" when all are listed. */
    public StringBinding moreText() {
        return Bindings.createStringBinding(
                () -> total.get() > matches.size()
                        ? i18n.text(Msg.ENTERPRISE_MATCHES_MORE, Integer.toString(total.get()), matches.size())
                        : "",
                total,
                matches,
                i18n.localeProperty());
    }

    /** The register's status word with what it means: 存续（正常经营）. */
    public String statusText(Enterprise e) {
        RegisterTerms.Status s = RegisterTerms.status(e.status());
        String word = orNone(e.status());
        return switch (s) {
            case ACTIVE -> word + i18n.text(Msg.ENTERPRISE_STATUS_ACTIVE);
            case DEREGISTERED -> word + i18n.text(Msg.ENTERPRISE_STATUS_DEREGISTERED);
            case REVOKED -> word + i18n.text(Msg.ENTERPRISE_STATUS_REVOKED);
            case MOVED_OUT -> word + i18n.text(Msg.ENTERPRISE_STATUS_MOVED_OUT);
            case SUSPENDED -> word + i18n.text(Msg.ENTERPRISE_STATUS_SUSPENDED);
            case OTHER -> word;
        };
    }

    /** Whether the entity may do business: the others are drawn as a warning. */
    public static boolean active(Enterprise e) {
        return RegisterTerms.status(e.status()).active();
    }

    /** What the representative is called for this entity: 法定代表人, 经营者, 执行事务合伙人, 投资人. */
    public String roleText(Enterprise e) {
        return i18n.text(
                switch (RegisterTerms.role(e.type())) {
                    case LEGAL_REPRESENTATIVE -> Msg.ENTERPRISE_ROLE_LEGAL_REPRESENTATIVE;
                    case OPERATOR -> Msg.ENTERPRISE_ROLE_OPERATOR;
                    case MANAGING_PARTNER -> Msg.ENTERPRISE_ROLE_MANAGING_PARTNER;
                    case INVESTOR -> Msg.ENTERPRISE_ROLE_INVESTOR;
                });
    }

    /** A match's line under its name: its representative and its code. */
    public String matchDetail(Enterprise e) {
        return i18n.text(
                Msg.ENTERPRISE_MATCH_DETAIL, roleText(e), orNone(e.legalRepresentative()), orNone(e.creditCode()));
    }

    /**
     * The result page's lines, in the current language, top to bottom: the code, the status, the
     * type, the representative, the capital, the date it was established, the address, the authority,
     * and the business scope (long: it wraps).
     */
    public List<Fact> facts() {
        Enterprise e = result.get();
        if (e == null) {
            return List.of();
        }
        RegisterTerms.Role role = RegisterTerms.role(e.type());
        List<Fact> facts = new ArrayList<>();
        facts.add(new Fact("enterprise-credit-code", i18n.text(Msg.ENTERPRISE_CODE_LABEL), orNone(e.creditCode())));
        facts.add(new Fact(STATUS_FACT, i18n.text(Msg.ENTERPRISE_STATUS), statusText(e), !active(e)));
        facts.add(new Fact("enterprise-type", i18n.text(Msg.ENTERPRISE_TYPE), orNone(e.type())));
        facts.add(new Fact("enterprise-representative", roleText(e), orNone(e.legalRepresentative())));
        facts.add(new Fact(
                "enterprise-capital",
                i18n.text(
                        switch (role) {
                            case LEGAL_REPRESENTATIVE -> Msg.ENTERPRISE_CAPITAL;
                            case OPERATOR -> Msg.ENTERPRISE_CAPITAL_OPERATOR;
                            case MANAGING_PARTNER, INVESTOR -> Msg.ENTERPRISE_CAPITAL_CONTRIBUTED;
                        }),
                orNone(e.registeredCapital())));
        facts.add(new Fact(
                "enterprise-established",
                i18n.text(Msg.ENTERPRISE_ESTABLISHED),
                e.establishedOn() == null
                        ? i18n.text(Msg.ENTERPRISE_NO_VALUE)
                        : DateTimeFormatter.ofPattern(i18n.text(Msg.ENTERPRISE_DATE_PATTERN), i18n.locale())
                                .format(e.establishedOn())));
        facts.add(new Fact(
                "enterprise-address",
                i18n.text(role == RegisterTerms.Role.OPERATOR ? Msg.ENTERPRISE_PREMISES : Msg.ENTERPRISE_ADDRESS),
                orNone(e.address())));
        facts.add(new Fact("enterprise-authority", i18n.text(Msg.ENTERPRISE_AUTHORITY), orNone(e.authority())));
        facts.add(new Fact("enterprise-scope", i18n.text(Msg.ENTERPRISE_SCOPE), orNone(e.businessScope())));
        return List.copyOf(facts);
    }

    /** When the register answered (the hall's time), and that its record is the public one. */
    public StringBinding queriedAtText() {
        return Bindings.createStringBinding(
                () -> result.get() == null
                        ? ""
                        : i18n.text(
                                Msg.ENTERPRISE_QUERIED_AT,
                                DateTimeFormatter.ofPattern(i18n.text(Msg.ENTERPRISE_TIME_PATTERN), i18n.locale())
                                        .format(queriedAt.atZone(zone))),
                result,
                i18n.localeProperty());
    }

    /** Why nothing could be looked up, and what to do; "" while the register answers. */
    public StringBinding unavailableText() {
        return Bindings.createStringBinding(
                () -> {
                    EnterpriseRegister.Reason r = unavailable.get();
                    if (r == null) {
                        return "";
                    }
                    return switch (r) {
                        case AWAY ->
                            i18n.text(Msg.ENTERPRISE_AWAY) + " "
                                    + i18n.text(ErrorCodes.nextStep(Unavailable.PLATFORM_OFFLINE));
                        case NOT_REGISTERED ->
                            i18n.text(Msg.ENTERPRISE_NOT_ASKED) + " "
                                    + i18n.text(ErrorCodes.nextStep(Unavailable.PLATFORM_NOT_REGISTERED));
                        case REFUSED -> i18n.text(Msg.ENTERPRISE_REFUSED) + " " + i18n.text(Msg.NEXT_AT_WINDOW);
                    };
                },
                unavailable,
                i18n.localeProperty());
    }

    /** The code for staff (代码 N-PLATFORM-AWAY); "" while the register answers. */
    public StringBinding unavailableCodeText() {
        return Bindings.createStringBinding(
                () -> {
                    EnterpriseRegister.Reason r = unavailable.get();
                    if (r == null) {
                        return "";
                    }
                    return ErrorCodes.line(
                            i18n,
                            switch (r) {
                                case AWAY -> ErrorCodes.of(Unavailable.PLATFORM_OFFLINE);
                                case NOT_REGISTERED -> ErrorCodes.of(Unavailable.PLATFORM_NOT_REGISTERED);
                                case REFUSED -> ErrorCodes.ENTERPRISE_REFUSED;
                            });
                },
                unavailable,
                i18n.localeProperty());
    }

    /** What the print button did: printing, printed, or why not; empty before. */
    public StringBinding printStatusText() {
        return Bindings.createStringBinding(
                () -> switch (printState.get()) {
                    case IDLE -> "";
                    case PRINTING -> i18n.text(Msg.ENTERPRISE_PRINTING);
                    case PRINTED -> i18n.text(Msg.ENTERPRISE_PRINTED);
                    case FAILED ->
                        printProblem.get() == null
                                ? ""
                                : i18n.text(Msg.ENTERPRISE_PRINT_FAILED) + " "
                                        + i18n.text(Msg.forPrintProblem(printProblem.get())) + " "
                                        + i18n.text(ErrorCodes.nextStep(printProblem.get()));
                },
                printState,
                printProblem,
                i18n.localeProperty());
    }

    /** The print failure's code for staff (代码 P-PAPER-OUT); "" while nothing failed. */
    public StringBinding printCodeText() {
        return Bindings.createStringBinding(
                () -> printProblem.get() == null ? "" : ErrorCodes.line(i18n, ErrorCodes.of(printProblem.get())),
                printProblem,
                i18n.localeProperty());
    }

    private String orNone(String value) {
        return value == null || value.isBlank() ? i18n.text(Msg.ENTERPRISE_NO_VALUE) : value.strip();
    }
}
