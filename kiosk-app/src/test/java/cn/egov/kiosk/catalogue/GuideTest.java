package cn.egov.kiosk.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import cn.egov.kiosk.platform.api.Catalogue;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The ways into the sample catalogue a citizen is offered: lists, departments, themes, life events. */
class GuideTest {
    private final List<Catalogue.Item> items = SampleCatalogue.items();
    private final Guide guide = new Guide(items, List.of(), 7, Optional.of(Instant.parse("2026-11-28T06:00:00Z")));

    @Test
    void theZeroAndOneTripListsHoldExactlyTheirItems() {
        assertThat(guide.byTrips(Catalogue.Trips.ZERO))
                .hasSize((int) items.stream()
                        .filter(i -> i.trips() == Catalogue.Trips.ZERO)
                        .count())
                .allMatch(i -> i.trips() == Catalogue.Trips.ZERO);
        assertThat(guide.byTrips(Catalogue.Trips.ONCE)).allMatch(i -> i.trips() == Catalogue.Trips.ONCE);
        assertThat(guide.doableHere())
                .hasSizeGreaterThanOrEqualTo(20) // the sample catalogue's items with a kiosk form
                .hasSize((int) items.stream().filter(Guide::applicableHere).count())
                .allMatch(i -> i.kioskCapable() && !i.form().fields().isEmpty());
    }

    @Test
    void aListShowsWhatCanBeDoneHereFirst() {
        List<Catalogue.Item> zero = guide.byTrips(Catalogue.Trips.ZERO);
        int firstNotHere = zero.indexOf(
                zero.stream().filter(i -> !Guide.applicableHere(i)).findFirst().orElseThrow());
        assertThat(zero.subList(0, firstNotHere)).isNotEmpty().allMatch(Guide::applicableHere);
        assertThat(zero.subList(firstNotHere, zero.size())).noneMatch(Guide::applicableHere);
    }

    @Test
    void departmentsCountEveryItemOnce() {
        List<Guide.Group> departments = guide.groups(Guide.Facet.DEPARTMENT, Guide.Audience.PERSONAL);
        assertThat(departments).hasSize(24);
        assertThat(departments.stream().mapToInt(Guide.Group::count).sum()).isEqualTo(469);
        Guide.Group police = departments.stream()
                .filter(g -> g.key().equals("110101-GA"))
                .findFirst()
                .orElseThrow();
        assertThat(police.name()).isEqualTo("演示区公安分局");
        assertThat(guide.itemsOf(police, Guide.Audience.BUSINESS))
                .as("a department lists all its items, whoever applies")
                .hasSize(police.count())
                .allMatch(i -> i.departmentId().equals("110101-GA"));
    }

    @Test
    void lifeEventsAndThemesFollowWhoApplies() {
        List<Guide.Group> personal = guide.groups(Guide.Facet.LIFE_EVENT, Guide.Audience.PERSONAL);
        Guide.Group marriage =
                personal.stream().filter(g -> g.name().equals("结婚")).findFirst().orElseThrow();
        assertThat(guide.itemsOf(marriage, Guide.Audience.PERSONAL))
                .hasSize(marriage.count())
                .extracting(Catalogue.Item::name)
                .contains("结婚登记", "补领结婚证");
        assertThat(guide.itemsOf(marriage, Guide.Audience.PERSONAL))
                .noneMatch(i -> i.audience() == Catalogue.Audience.ENTERPRISE);

        List<Guide.Group> business = guide.groups(Guide.Facet.THEME, Guide.Audience.BUSINESS);
        for (Guide.Group theme : business) {
            assertThat(guide.itemsOf(theme, Guide.Audience.BUSINESS))
                    .hasSize(theme.count())
                    .allMatch(i -> i.audience() != Catalogue.Audience.PERSONAL
                            && theme.key().equals(i.category()));
        }
        assertThat(business.stream().mapToInt(Guide.Group::count).sum()).isEqualTo((int) items.stream()
                .filter(i -> i.audience() != Catalogue.Audience.PERSONAL)
                .count());
    }

    @Test
    void mostUsedIsTheKiosksOwnCountInOrderWithoutItemsGoneFromTheCatalogue() {
        assertThat(guide.mostUsed())
                .as("nothing made up before anyone used the kiosk")
                .isEmpty();

        Guide used = guide.withMostUsed(
                List.of("110101-GA-0001", "no-such-item", items.get(5).id()));

        assertThat(used.mostUsed())
                .extracting(Catalogue.Item::id)
                .containsExactly("110101-GA-0001", items.get(5).id());
        assertThat(used.version()).isEqualTo(7);
        assertThat(used.search("yyzz", 3)).isNotEmpty();
    }
}
