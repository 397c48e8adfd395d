package cn.egov.kiosk.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.egov.kiosk.enterprise.EnterpriseRegister;
import cn.egov.kiosk.platform.api.CreditCodes;
import cn.egov.kiosk.platform.api.Enterprise;
import cn.egov.kiosk.platform.auth.Credentials;
import cn.egov.kiosk.platform.client.PlatformClient;
import cn.egov.kiosk.platform.sim.PlatformSimulator;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The enterprise register over real HTTP on loopback against the platform simulator and its data
 * set: an entity by its code, a code the register does not hold, the platform going away (the link
 * told, and no more calls while it is known away) and coming back.
 */
class PlatformEnterpriseRegisterTest {
    private PlatformRig platform;
    private PlatformSimulator sim;
    private PlatformLink link;
    private PlatformEnterpriseRegister register;

    @BeforeEach
    void platform() throws Exception {
        platform = new PlatformRig("KSK-ENT-01");
        sim = platform.sim;
        link = platform.link;
        register = platform.enterprises();
    }

    @AfterEach
    void stop() {
        platform.close();
    }

    @Test
    void anEntityByItsCodeWithAllItsPublicRegistration() {
        Optional<Enterprise> found = register.byCode("91110101MA0E3PWQ0E");

        assertThat(found).hasValueSatisfying(e -> {
            assertThat(e.name()).isEqualTo("北京示远数据科技有限公司");
            assertThat(e.type()).isEqualTo("有限责任公司");
            assertThat(e.legalRepresentative()).isEqualTo("刘海川");
            assertThat(e.status()).isEqualTo("存续");
            assertThat(e.registeredCapital()).isEqualTo("500万元人民币");
            assertThat(e.establishedOn()).isEqualTo(LocalDate.of(2019, 4, 16));
            assertThat(e.address()).isNotBlank();
            assertThat(e.businessScope()).startsWith("技术开发");
            assertThat(e.authority()).isEqualTo("演示区市场监督管理局");
        });
        assertThat(link.online()).isTrue();
    }

    @Test
    void aValidCodeTheRegisterDoesNotHoldIsNotFoundAndThePlatformIsThere() {
        String unknown = "91110101MA0E3PWQ1" + CreditCodes.checkCharacter("91110101MA0E3PWQ1");

        assertThat(register.byCode(unknown)).isEmpty();
        assertThat(link.online()).as("a 404 is an answer").isTrue();
    }

    @Test
    void entitiesByPartOfTheirNameBestFirstAtMostTwentyOfHowMany() {
        EnterpriseRegister.Matches tech = register.byName("科技");

        assertThat(tech.enterprises())
                .extracting(Enterprise::name)
                .containsExactlyInAnyOrder("北京示远数据科技有限公司", "北京绿源环保科技有限公司", "北京华示健康科技股份有限公司");
        assertThat(tech.total()).isEqualTo(3);
        assertThat(tech.more()).isFalse();
        assertThat(tech.enterprises())
                .allSatisfy(e -> assertThat(CreditCodes.valid(e.creditCode())).isTrue());

        EnterpriseRegister.Matches many = register.byName("有限公司");
        assertThat(many.enterprises()).hasSize(EnterpriseRegister.MOST_MATCHES);
        assertThat(many.total()).isGreaterThan(EnterpriseRegister.MOST_MATCHES);
        assertThat(many.more()).isTrue();

        assertThat(register.byName("火星贸易").enterprises()).isEmpty();
        assertThat(link.online()).isTrue();
    }

    @Test
    void thePlatformAwayIsSaidAtOnceAndNotAskedAgainUntilTheLinkKnowsItIsBack() throws Exception {
        assertThat(register.byCode("91110101MA0E3PWQ0E")).isPresent();
        sim.down(Duration.ofMinutes(5));

        assertThatThrownBy(() -> register.byCode("91110101MA0E3PWQ0E"))
                .isInstanceOfSatisfying(
                        EnterpriseRegister.UnavailableException.class,
                        e -> assertThat(e.reason()).isEqualTo(EnterpriseRegister.Reason.AWAY));
        assertThat(link.status().state()).isEqualTo(PlatformLink.State.OFFLINE);
        assertThat(link.status().detail())
                .as("the link's words hold no code asked for")
                .hasValueSatisfying(d -> assertThat(d).doesNotContain("91110101MA0E3PWQ0E"));

        sim.up();
        long before = sim.requests();
        assertThatThrownBy(() -> register.byCode("91110101MA0E3PWQ0E"))
                .as("known away: the citizen is not made to wait for a timeout")
                .isInstanceOfSatisfying(
                        EnterpriseRegister.UnavailableException.class,
                        e -> assertThat(e.reason()).isEqualTo(EnterpriseRegister.Reason.AWAY));
        assertThat(sim.requests()).isEqualTo(before);

        link.reached(); // what the link's own watch does when the platform answers again
        assertThat(register.byCode("91110101MA0E3PWQ0E")).isPresent();
    }

    @Test
    void aKioskThePlatformDoesNotKnowIsNotRegistered() {
        Credentials stranger = new Credentials(
                "KSK-ENT-99", "k-ent99", "fedcba9876543210fedcba9876543210".getBytes(StandardCharsets.US_ASCII));
        try (PlatformClient unknown = platform.interactive(stranger)) {
            PlatformEnterpriseRegister r = new PlatformEnterpriseRegister(() -> unknown, link);

            assertThatThrownBy(() -> r.byCode("91110101MA0E3PWQ0E"))
                    .isInstanceOfSatisfying(
                            EnterpriseRegister.UnavailableException.class,
                            e -> assertThat(e.reason()).isEqualTo(EnterpriseRegister.Reason.NOT_REGISTERED));
            assertThat(link.status().state()).isEqualTo(PlatformLink.State.NOT_REGISTERED);
        }
    }
}
