package cn.egov.kiosk.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.egov.kiosk.device.idcard.DemoCards;
import cn.egov.kiosk.insurance.DuesSource;
import cn.egov.kiosk.platform.api.InsuranceDues;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * 社保缴费's dues over real HTTP on loopback against the platform simulator's data set: the demo
 * ID card's holder owes the medical scheme's 2027 year (380 元); someone in no scheme has none; the
 * platform away is said at once and not asked again until the link knows it is back.
 */
class PlatformInsuranceDuesTest {
    private PlatformRig platform;
    private PlatformInsuranceDues dues;

    @BeforeEach
    void platform() throws Exception {
        platform = new PlatformRig("KSK-INS-01");
        dues = new PlatformInsuranceDues(() -> platform.client, platform.link);
    }

    @AfterEach
    void stop() {
        platform.close();
    }

    @Test
    void theDemoCitizensDuesWithTheirStatus() throws Exception {
        List<InsuranceDues.Due> found = dues.of(DemoCards.resident().idNumber());

        assertThat(found)
                .filteredOn(d -> d.status() == InsuranceDues.Status.DUE)
                .singleElement()
                .satisfies(d -> {
                    assertThat(d.scheme()).isEqualTo(InsuranceDues.Scheme.RESIDENT_MEDICAL);
                    assertThat(d.year()).isEqualTo(2027);
                    assertThat(d.amountFen()).isEqualTo(38000);
                    assertThat(d.accepts(38000)).isTrue();
                });
        assertThat(platform.link.online()).isTrue();
        assertThat(dues.of("110101201506010029")).as("in no scheme").isEmpty();
    }

    @Test
    void thePlatformAwayIsSaidAtOnce() throws Exception {
        platform.sim.down(Duration.ofMinutes(5));
        assertThatThrownBy(() -> dues.of(DemoCards.resident().idNumber())).isInstanceOf(DuesSource.Unreachable.class);
        assertThat(platform.link.status().state()).isEqualTo(PlatformLink.State.OFFLINE);
        assertThat(platform.link.status().detail())
                .hasValueSatisfying(
                        d -> assertThat(d).doesNotContain(DemoCards.resident().idNumber()));

        platform.sim.up();
        long before = platform.sim.requests();
        assertThatThrownBy(() -> dues.of(DemoCards.resident().idNumber())).isInstanceOf(DuesSource.Unreachable.class);
        assertThat(platform.sim.requests()).as("known away: not asked").isEqualTo(before);
    }
}
