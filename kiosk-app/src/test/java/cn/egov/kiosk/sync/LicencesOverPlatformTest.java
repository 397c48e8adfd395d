package cn.egov.kiosk.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import cn.egov.kiosk.address.CardAddressParser;
import cn.egov.kiosk.address.Divisions;
import cn.egov.kiosk.device.idcard.DemoCards;
import cn.egov.kiosk.identity.Identity;
import cn.egov.kiosk.identity.LoginFailedException;
import cn.egov.kiosk.identity.LoginProblem;
import cn.egov.kiosk.licence.LicenceSource;
import cn.egov.kiosk.platform.auth.Credentials;
import cn.egov.kiosk.platform.client.PlatformClient;
import cn.egov.kiosk.platform.client.PlatformConfig;
import cn.egov.kiosk.platform.sim.PlatformSimulator;
import cn.egov.kiosk.store.Database;
import cn.egov.kiosk.store.OutboxRepository;
import cn.egov.kiosk.store.SealedBox;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The citizen's licences and 扫码登录 over real HTTP against the platform simulator: every licence
 * listed with where it stands, a collection told through the real outbox and its sender, a copy or
 * a refusal after it, the free post ordered once per reference, an app code resolved once.
 */
class LicencesOverPlatformTest {
    private static final String WANG = "11010519491231002X";

    @TempDir
    Path dir;

    private PlatformSimulator sim;
    private PlatformClient client;
    private PlatformLink link;
    private Database db;
    private OutboxRepository outbox;
    private OutboxSender sender;
    private PlatformLicenceSource source;
    private final Identity wang = Identity.of(DemoCards.resident());

    @BeforeEach
    void start() throws Exception {
        sim = PlatformSimulator.start(PlatformSimulator.Options.loopback(0));
        Credentials credentials = new Credentials(
                "KSK-LIC-01", "k-lic01", "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII));
        sim.provision(credentials, "Z8");
        client = new PlatformClient(
                PlatformConfig.of(sim.url()).withTimeouts(Duration.ofSeconds(3), Duration.ofSeconds(10)),
                () -> Optional.of(credentials),
                Clock.systemUTC());
        link = new PlatformLink(Clock.systemUTC(), PlatformLink.State.ONLINE);
        db = Database.open(dir.resolve("kiosk.db"));
        outbox = new OutboxRepository(db, SealedBox.open(dir.resolve("store.key")), Clock.systemUTC());
        sender = new OutboxSender(
                outbox, client::batch, link, Clock.systemUTC(), ZoneId.of("Asia/Shanghai"), RetryPolicy.DEFAULT);
        source = new PlatformLicenceSource(() -> client, link, Optional.of(outbox), () -> {}, Clock.systemUTC());
    }

    @AfterEach
    void stop() {
        sender.close();
        db.close();
        client.close();
        sim.close();
    }

    private LicenceSource.Held held(String title) {
        return source.heldBy(wang).stream()
                .filter(h -> h.title().startsWith(title))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void everyLicenceIsListedWithWhereItStands() {
        List<LicenceSource.Held> all = source.heldBy(wang);

        assertThat(all).hasSizeGreaterThanOrEqualTo(5);
        assertThat(all)
                .extracting(LicenceSource.Held::status)
                .contains(LicenceSource.Status.WAITING)
                .contains(LicenceSource.Status.COLLECTED);
        assertThat(all.get(0).title()).startsWith("营业执照");
        assertThat(all.get(0).canPrint()).isTrue();
        assertThat(all.stream().filter(h -> h.status() == LicenceSource.Status.COLLECTED))
                .allMatch(h -> !h.canMail());
    }

    @Test
    void aCollectionReachesThePlatformThroughTheOutboxThenACopyOrARefusal() {
        LicenceSource.Held business = held("营业执照");
        LicenceSource.Held food = held("食品经营许可证");
        assertThat(business.copyAllowed()).isTrue();
        assertThat(food.copyAllowed()).isFalse();

        source.collected(business, false);
        source.collected(food, false);
        // before the records are sent, the list already says so (this kiosk printed them)
        assertThat(held("营业执照").status()).isEqualTo(LicenceSource.Status.COLLECTED);
        assertThat(outbox.counts().pending()).isEqualTo(2);
        sender.drainOnce();
        assertThat(outbox.counts().pending()).isZero();
        assertThat(sim.ledger().entries("licence.collected")).hasSize(2);

        LicenceSource.Held businessNow = held("营业执照");
        assertThat(businessNow.status()).isEqualTo(LicenceSource.Status.COLLECTED);
        assertThat(businessNow.canPrint()).isTrue();
        LicenceSource.Licence copy = source.printData(businessNow);
        assertThat(copy.copy()).isTrue();
        assertThat(copy.data().path("copy").asBoolean()).isTrue();
        LicenceSource.RefusedException refused =
                catchThrowableOfType(() -> source.printData(food), LicenceSource.RefusedException.class);
        assertThat(refused.refusal()).isEqualTo(LicenceSource.Refusal.COLLECTED);
    }

    @Test
    void theFreePostIsOrderedOnceAndTheLicenceIsThenMailed() {
        LicenceSource.Held elder = held("老年人优待证");
        var to = new LicenceSource.Recipient(
                wang.name(),
                "13812345678",
                new CardAddressParser(Divisions.bundled()).parse(wang.address().orElseThrow()));
        String ref = UUID.randomUUID().toString();

        LicenceSource.Mailed first = source.mail(elder, to, ref);
        LicenceSource.Mailed again = source.mail(elder, to, ref); // a lost answer, asked again

        assertThat(first.trackingNumber()).isNotBlank();
        assertThat(again.trackingNumber()).isEqualTo(first.trackingNumber());
        LicenceSource.Held now = held("老年人优待证");
        assertThat(now.status()).isEqualTo(LicenceSource.Status.MAILED);
        assertThat(now.trackingNumber()).contains(first.trackingNumber());
        assertThat(catchThrowableOfType(() -> source.printData(now), LicenceSource.RefusedException.class)
                        .refusal())
                .isEqualTo(LicenceSource.Refusal.MAILED);
        assertThat(catchThrowableOfType(
                                () -> source.mail(now, to, UUID.randomUUID().toString()),
                                LicenceSource.RefusedException.class)
                        .refusal())
                .isEqualTo(LicenceSource.Refusal.MAILED);
    }

    @Test
    void theProvinceAppsCodeIsResolvedOnceByThePlatform() throws Exception {
        PlatformAppLogin login = new PlatformAppLogin(() -> client, link);
        String code = sim.appCode(WANG);

        Identity who = login.resolve(code);

        assertThat(who.number()).isEqualTo(WANG);
        assertThat(who.login()).isEqualTo(Identity.Login.PROVINCE_APP);
        assertThat(who.maskedName()).isEqualTo("王*明");
        assertThat(who.address()).isPresent();
        assertThat(who.phone()).isPresent();
        assertThat(catchThrowableOfType(() -> login.resolve(code), LoginFailedException.class)
                        .problem())
                .isEqualTo(LoginProblem.APP_CODE_USED);
        String forged = code.substring(0, code.length() - 2) + (code.endsWith("AA") ? "BB" : "AA");
        assertThat(catchThrowableOfType(() -> login.resolve(forged), LoginFailedException.class)
                        .problem())
                .isEqualTo(LoginProblem.APP_CODE_INVALID);
        link.unreachable("test");
        assertThat(catchThrowableOfType(() -> login.resolve(sim.appCode(WANG)), LoginFailedException.class)
                        .problem())
                .as("offline: said at once")
                .isEqualTo(LoginProblem.APP_LOGIN_OFFLINE);
    }
}
