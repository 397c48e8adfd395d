package cn.egov.kiosk.platform.sim;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The catalogue grown to 1500 items (street offices' copies), as the load tests want it. */
class LargeCatalogueTest extends SimulatorTestBase {
    @Override
    PlatformSimulator.Options options() {
        return PlatformSimulator.Options.loopback(0).withCatalogueSize(1500);
    }

    @Test
    void aFullSyncBrings1500DistinctItemsInThreePagesOf500() throws Exception {
        CatalogueTest.Sync s = CatalogueTest.sync(client, 0, 500);

        assertThat(sim.catalogueSize()).isEqualTo(1500);
        assertThat(s.items()).hasSize(1500);
        assertThat(s.pages()).isEqualTo(3);
        assertThat(s.items().values())
                .allMatch(i -> i.version() <= s.version() && !i.name().isBlank());
    }
}
