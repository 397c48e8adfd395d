package cn.egov.kiosk.ui.postal;

import static org.assertj.core.api.Assertions.assertThat;

import cn.egov.kiosk.address.Address;
import cn.egov.kiosk.address.CardAddressParser;
import cn.egov.kiosk.address.Divisions;
import cn.egov.kiosk.device.idcard.DemoCards;
import cn.egov.kiosk.identity.Identity;
import cn.egov.kiosk.licence.LicenceSource;
import cn.egov.kiosk.licence.PostalProblem;
import cn.egov.kiosk.print.template.TemplateLibrary;
import cn.egov.kiosk.printing.MemoryPrintLog;
import cn.egov.kiosk.printing.Printing;
import cn.egov.kiosk.printing.Renderings;
import cn.egov.kiosk.queue.PrinterRig;
import cn.egov.kiosk.runtime.TestTemplates;
import cn.egov.kiosk.session.Session;
import cn.egov.kiosk.session.SessionManager;
import cn.egov.kiosk.ui.I18n;
import cn.egov.kiosk.ui.TaskRunner;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * 免费邮寄 over a platform's answers as the screen needs them, the receipt on the real ESC/POS driver
 * and a virtual printer.
 */
class PostalViewModelTest {
    private static final Locale ZH = Locale.forLanguageTag("zh-CN");

    private final TemplateLibrary templates = TestTemplates.library();
    private final I18n i18n = new I18n(List.of(ZH, Locale.ENGLISH));
    private final SessionManager sessions =
            new SessionManager(Clock.systemUTC(), Duration.ofSeconds(60), Duration.ofSeconds(30));
    private final Post post = new Post();
    private PrinterRig rig;
    private PostalViewModel vm;
    private Session session;

    /** Orders the post once per reference, as the platform does; away when told. */
    static final class Post implements LicenceSource {
        final List<String> refs = new ArrayList<>();
        final List<Recipient> to = new ArrayList<>();
        boolean away;
        Refusal refuse;

        @Override
        public List<Held> heldBy(Identity citizen) {
            return List.of();
        }

        @Override
        public Licence printData(Held held) {
            throw new UnavailableException("not here", null);
        }

        @Override
        public void collected(Held held, boolean copy) {}

        @Override
        public Mailed mail(Held held, Recipient recipient, String orderRef) {
            refs.add(orderRef);
            if (away) {
                throw new UnavailableException("no answer", null);
            }
            if (refuse != null) {
                throw new RefusedException(refuse, "refused");
            }
            to.add(recipient);
            return new Mailed("PO1", "117800000111", "EMS", Optional.empty());
        }
    }

    private static final LicenceSource.Held LICENCE = new LicenceSource.Held(
            "LIC-1",
            "licence-example",
            "营业执照（演示区小明便民早餐店）",
            "演示区市场监督管理局",
            Optional.empty(),
            Optional.empty(),
            true,
            LicenceSource.Status.WAITING,
            false,
            Optional.empty());

    @BeforeEach
    void setUp() throws Exception {
        rig = new PrinterRig(32, Duration.ofSeconds(30));
        Printing printing = new Printing(
                templates,
                new Renderings(null),
                () -> Optional.of(rig.printer),
                Optional::empty,
                new MemoryPrintLog(),
                Clock.systemUTC());
        vm = new PostalViewModel(i18n, post, printing, TaskRunner.DIRECT, sessions, () -> "演示区政务服务中心");
        session = sessions.start(ZH);
        session.put(Identity.SESSION_KEY, Identity.of(DemoCards.resident()));
    }

    @AfterEach
    void tearDown() {
        rig.close();
    }

    private Address cardAddress() {
        return new CardAddressParser(Divisions.bundled()).parse(vm.cardAddress().orElseThrow());
    }

    @Test
    void theLicenceIsMailedToTheCardsAddressAndTheReceiptCarriesTheTrackingNumber() {
        List<LicenceSource.Held> mailed = new ArrayList<>();
        vm.onMailed(mailed::add);
        vm.start(LICENCE);
        assertThat(vm.stepProperty().get()).isEqualTo(PostalViewModel.Step.ADDRESS);

        vm.addressChosen(cardAddress());
        assertThat(vm.stepProperty().get()).isEqualTo(PostalViewModel.Step.PHONE);
        vm.phoneDone();
        assertThat(vm.phoneProblemText().get()).isEqualTo("请输入联系电话。");
        vm.phoneProperty().set("1381234567");
        vm.phoneDone();
        assertThat(vm.phoneProblemText().get()).startsWith("这个号码不对");
        vm.phoneProperty().set("13812345678");
        vm.phoneDone();
        assertThat(vm.stepProperty().get()).isEqualTo(PostalViewModel.Step.CONFIRM);
        assertThat(vm.confirmLicence().get()).isEqualTo("营业执照（演示区小明便民早餐店）");
        assertThat(vm.confirmName().get()).isEqualTo("王*明");
        assertThat(vm.confirmPhone().get()).isEqualTo("138****5678");
        String address = vm.confirmAddress().get();
        vm.changeAddress();
        assertThat(vm.stepProperty().get()).isEqualTo(PostalViewModel.Step.ADDRESS);
        vm.addressChosen(cardAddress());
        vm.phoneDone(); // the phone typed before is kept
        assertThat(vm.stepProperty().get()).isEqualTo(PostalViewModel.Step.CONFIRM);
        assertThat(vm.confirmAddress().get()).isEqualTo(address);

        vm.confirm();

        assertThat(vm.stepProperty().get()).isEqualTo(PostalViewModel.Step.DONE);
        assertThat(vm.trackingProperty().get()).isEqualTo("117800000111");
        assertThat(post.to).singleElement().satisfies(r -> {
            assertThat(r.name()).isEqualTo("王小明");
            assertThat(r.phone()).isEqualTo("13812345678");
            assertThat(r.address().text()).startsWith("北京市");
        });
        assertThat(mailed).singleElement().satisfies(h -> {
            assertThat(h.status()).isEqualTo(LicenceSource.Status.MAILED);
            assertThat(h.trackingNumber()).contains("117800000111");
        });
        assertThat(vm.receiptProperty().get()).isEqualTo(PostalViewModel.Receipt.PRINTED);
        String printed = String.join("\n", rig.printed().lines());
        assertThat(printed).contains("117800000111").contains("王*明").doesNotContain("王小明");
        assertThat(printed).doesNotContain("13812345678");
    }

    @Test
    void aPlatformAwaySaysSoAndTheRetryOrdersTheSameReferenceOnce() {
        vm.start(LICENCE);
        vm.addressChosen(cardAddress());
        vm.phoneProperty().set("010-65123456");
        vm.phoneDone();
        post.away = true;

        vm.confirm();

        assertThat(vm.stepProperty().get()).isEqualTo(PostalViewModel.Step.FAILED);
        assertThat(vm.problemProperty().get()).isEqualTo(PostalProblem.OFFLINE);
        assertThat(vm.problemText().get()).contains("连不上");
        assertThat(vm.nextStepText().get()).contains("不会重复邮寄");
        assertThat(vm.problemCodeText().get()).contains("M-PLATFORM");
        post.away = false;
        vm.confirm(); // 重新办理
        assertThat(vm.stepProperty().get()).isEqualTo(PostalViewModel.Step.DONE);
        assertThat(post.refs).hasSize(2).allMatch(r -> r.equals(post.refs.get(0)));
    }

    @Test
    void aLicenceMailedMeanwhileIsSaidAndNotRetried() {
        vm.start(LICENCE);
        vm.addressChosen(cardAddress());
        vm.phoneProperty().set("13812345678");
        vm.phoneDone();
        post.refuse = LicenceSource.Refusal.MAILED;

        vm.confirm();
        vm.confirm();

        assertThat(vm.problemProperty().get()).isEqualTo(PostalProblem.MAILED);
        assertThat(post.refs).hasSize(1);
        assertThat(vm.back()).as("back leaves the screen").isFalse();
    }

    @Test
    void backGoesOneStepAndTheSessionsEndForgetsEverything() {
        vm.start(LICENCE);
        vm.addressChosen(cardAddress());
        vm.phoneProperty().set("13812345678");
        vm.phoneDone();
        assertThat(vm.back()).isTrue();
        assertThat(vm.stepProperty().get()).isEqualTo(PostalViewModel.Step.PHONE);
        assertThat(vm.back()).isTrue();
        assertThat(vm.stepProperty().get()).isEqualTo(PostalViewModel.Step.ADDRESS);
        assertThat(vm.back()).isFalse();

        vm.resetForNextCitizen();

        assertThat(vm.phoneProperty().get()).isEmpty();
        assertThat(vm.addressProperty().get().isEmpty()).isTrue();
        assertThat(vm.licenceProperty().get()).isNull();
    }
}
