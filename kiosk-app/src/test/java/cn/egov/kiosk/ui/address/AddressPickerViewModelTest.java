package cn.egov.kiosk.ui.address;

import static org.assertj.core.api.Assertions.assertThat;

import cn.egov.kiosk.address.Address;
import cn.egov.kiosk.address.Division;
import cn.egov.kiosk.address.Divisions;
import cn.egov.kiosk.address.Level;
import cn.egov.kiosk.ui.I18n;
import cn.egov.kiosk.ui.TaskRunner;
import cn.egov.kiosk.ui.address.AddressPickerViewModel.Crumb;
import cn.egov.kiosk.ui.address.AddressPickerViewModel.Option;
import cn.egov.kiosk.ui.address.AddressPickerViewModel.Step;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The address picker's model over the bundled divisions, without the FX toolkit: background work
 * at once ({@link TaskRunner#DIRECT}) or when the test says ({@link HeldTasks}).
 */
class AddressPickerViewModelTest {
    static final Locale ZH = Locale.forLanguageTag("zh-CN");
    static final Locale EN = Locale.forLanguageTag("en");

    /** Holds background work until {@link #runAll()}. */
    static final class HeldTasks implements TaskRunner {
        private final List<Runnable> held = new ArrayList<>();

        @Override
        public <T> void run(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
            held.add(() -> DIRECT.run(work, onSuccess, onFailure));
        }

        void runAll() {
            List<Runnable> now = new ArrayList<>(held);
            held.clear();
            now.forEach(Runnable::run);
        }
    }

    private static Divisions divisions;

    private final I18n i18n = new I18n(List.of(ZH, EN));
    private final AtomicInteger loads = new AtomicInteger();
    private final List<Address> confirmed = new ArrayList<>();
    private final AddressPickerViewModel vm = new AddressPickerViewModel(i18n, TaskRunner.DIRECT, () -> {
        loads.incrementAndGet();
        return divisions;
    });

    @BeforeAll
    static void load() {
        divisions = Divisions.bundled();
    }

    @Test
    void theCitizenPicksLevelByLevelThenTypesTheDetailAndConfirms() {
        vm.open(confirmed::add);
        assertThat(vm.stepProperty().get()).isEqualTo(Step.PICKING);
        assertThat(vm.options()).hasSize(31).first().isEqualTo(new Option("11", "北京市", false));
        assertThat(vm.promptProperty().get()).isEqualTo("请选择省份（自治区、直辖市）");
        assertThat(vm.crumbs()).containsExactly(new Crumb(Level.PROVINCE, "", "省份（自治区、直辖市）", true));

        vm.choose("11");
        // 北京市's 市辖区 is stepped over: its districts at once
        assertThat(vm.options()).hasSize(16).extracting(Option::name).startsWith("东城区", "西城区");
        assertThat(vm.promptProperty().get()).isEqualTo("请选择区县");
        assertThat(vm.crumbs())
                .containsExactly(
                        new Crumb(Level.PROVINCE, "11", "北京市", false), new Crumb(Level.DISTRICT, "", "区县", true));
        assertThat(vm.canSkipProperty().get()).isFalse();

        vm.choose("110101");
        assertThat(vm.options()).extracting(Option::name).startsWith("东华门街道", "景山街道");
        assertThat(vm.promptProperty().get()).isEqualTo("请选择街道（乡镇）");
        assertThat(vm.canSkipProperty().get()).isTrue();

        vm.choose("110101001");
        assertThat(vm.stepProperty().get()).isEqualTo(Step.DETAIL);
        assertThat(vm.options()).isEmpty();
        assertThat(vm.crumbs()).extracting(Crumb::text).containsExactly("北京市", "东城区", "东华门街道");
        assertThat(vm.canConfirmProperty().get()).isFalse();
        vm.confirm();
        assertThat(confirmed).isEmpty(); // no detail yet

        vm.detailProperty().set(" 示例大街1号 ");
        assertThat(vm.canConfirmProperty().get()).isTrue();
        assertThat(vm.previewProperty().get()).isEqualTo("您的地址：北京市东城区东华门街道示例大街1号");
        vm.confirm();
        assertThat(confirmed).hasSize(1);
        Address address = confirmed.get(0);
        assertThat(address.path()).extracting(Division::code).containsExactly("11", "1101", "110101", "110101001");
        assertThat(address.detail()).isEqualTo("示例大街1号");
        assertThat(address.text()).isEqualTo("北京市东城区东华门街道示例大街1号");
    }

    @Test
    void aBreadcrumbPicksItsLevelAgainKeepingTheDetail() {
        vm.open(confirmed::add);
        vm.choose("11");
        vm.choose("110101");
        vm.choose("110101001");
        vm.detailProperty().set("示例大街1号");

        vm.pickAgain(Level.DISTRICT);
        assertThat(vm.stepProperty().get()).isEqualTo(Step.PICKING);
        assertThat(vm.options())
                .filteredOn(Option::current)
                .extracting(Option::code)
                .containsExactly("110101");
        assertThat(vm.crumbs()).extracting(Crumb::text).containsExactly("北京市", "区县");
        assertThat(vm.detailProperty().get()).isEqualTo("示例大街1号");
        assertThat(vm.canConfirmProperty().get()).isFalse();

        vm.choose("110102"); // 西城区: its streets next, not straight to the detail
        assertThat(vm.stepProperty().get()).isEqualTo(Step.PICKING);
        assertThat(vm.options()).allMatch(o -> o.code().startsWith("110102"));
        vm.skipStreet();
        assertThat(vm.stepProperty().get()).isEqualTo(Step.DETAIL);
        assertThat(vm.crumbs()).extracting(Crumb::text).containsExactly("北京市", "西城区", "街道（乡镇）");
        vm.confirm();
        assertThat(confirmed).extracting(Address::code).containsExactly("110102");
        assertThat(confirmed.get(0).text()).isEqualTo("北京市西城区示例大街1号");

        vm.pickAgain(Level.PROVINCE);
        assertThat(vm.options()).hasSize(31);
        assertThat(vm.crumbs()).extracting(Crumb::pending).containsExactly(true);

        vm.restart();
        assertThat(vm.stepProperty().get()).isEqualTo(Step.PICKING);
        assertThat(vm.options()).hasSize(31).noneMatch(Option::current);
        assertThat(vm.detailProperty().get()).isEmpty();
        assertThat(vm.previewProperty().get()).isEmpty();
    }

    @Test
    void aCardAddressOpensAtItsDetailWithTheStreetLeftToChoose() {
        vm.openFromCard(Optional.of("北京市东城区示例大街1号"), confirmed::add);
        assertThat(vm.stepProperty().get()).isEqualTo(Step.DETAIL);
        assertThat(vm.detailProperty().get()).isEqualTo("示例大街1号");
        assertThat(vm.crumbs())
                .containsExactly(
                        new Crumb(Level.PROVINCE, "11", "北京市", false),
                        new Crumb(Level.DISTRICT, "110101", "东城区", false),
                        new Crumb(Level.STREET, "", "街道（乡镇）", true));
        assertThat(vm.canConfirmProperty().get()).isTrue();

        // the citizen adds the street the card does not name
        vm.pickAgain(Level.STREET);
        assertThat(vm.stepProperty().get()).isEqualTo(Step.PICKING);
        vm.choose("110101001");
        assertThat(vm.stepProperty().get()).isEqualTo(Step.DETAIL);
        vm.confirm();
        assertThat(confirmed).extracting(Address::text).containsExactly("北京市东城区东华门街道示例大街1号");
    }

    @Test
    void aCardAddressNotRecognisedToTheDistrictOpensAtTheLevelToPick() {
        // 襄樊市 is 襄阳市 today: the cities of 湖北省 to pick, the rest of the line kept as the detail
        vm.openFromCard(Optional.of("湖北省襄樊市襄城区檀溪路1号"), confirmed::add);
        assertThat(vm.stepProperty().get()).isEqualTo(Step.PICKING);
        assertThat(vm.options()).extracting(Option::name).contains("襄阳市", "仙桃市");
        assertThat(vm.detailProperty().get()).isEqualTo("襄樊市襄城区檀溪路1号");

        // a card without an address (a foreign permanent resident card): the provinces
        vm.openFromCard(Optional.empty(), confirmed::add);
        assertThat(vm.options()).hasSize(31);
        assertThat(vm.detailProperty().get()).isEmpty();
    }

    @Test
    void anAddressPickedBeforeOpensAsItWas() {
        vm.open(divisions.address("441900006", "东正路6号"), confirmed::add);
        assertThat(vm.stepProperty().get()).isEqualTo(Step.DETAIL);
        // 东莞市 has no districts: its streets come right after it
        assertThat(vm.crumbs()).extracting(Crumb::level).containsExactly(Level.PROVINCE, Level.CITY, Level.STREET);
        vm.detailProperty().set("东正路8号");
        vm.confirm();
        assertThat(confirmed).extracting(Address::text).containsExactly("广东省东莞市莞城街道东正路8号");
        assertThat(confirmed.get(0).path())
                .extracting(Division::code)
                .containsExactly("44", "4419", "441900", "441900006");

        // 重庆市: its districts and counties together
        vm.restart();
        vm.choose("50");
        assertThat(vm.options()).hasSize(38).extracting(Option::name).contains("渝中区", "城口县");
        assertThat(vm.promptProperty().get()).isEqualTo("请选择区县");
    }

    @Test
    void theTextsFollowTheLanguage() {
        vm.open(confirmed::add);
        vm.choose("11");
        i18n.setLocale(EN);
        assertThat(vm.promptProperty().get()).isEqualTo("Choose the district or county");
        assertThat(vm.crumbs()).extracting(Crumb::text).containsExactly("北京市", "district or county");
    }

    @Test
    void theDivisionsLoadOnceInTheBackgroundAndTheCitizenWaitsMeanwhile() {
        HeldTasks held = new HeldTasks();
        AddressPickerViewModel picker = new AddressPickerViewModel(i18n, held, () -> {
            loads.incrementAndGet();
            return divisions;
        });
        picker.openFromCard(Optional.of("北京市东城区示例大街1号"), confirmed::add);
        assertThat(picker.stepProperty().get()).isEqualTo(Step.LOADING);
        assertThat(picker.promptProperty().get()).isEqualTo("正在载入地区列表……");
        picker.choose("11");
        picker.restart();
        assertThat(picker.stepProperty().get()).isEqualTo(Step.LOADING);

        held.runAll();
        assertThat(picker.stepProperty().get()).isEqualTo(Step.DETAIL);
        assertThat(picker.address().code()).isEqualTo("110101");

        picker.open(confirmed::add);
        assertThat(picker.stepProperty().get()).isEqualTo(Step.PICKING);
        picker.preload();
        assertThat(loads).hasValue(1);
    }

    @Test
    void withoutTheDivisionsTheCitizenTypesTheWholeAddress() {
        AtomicInteger attempts = new AtomicInteger();
        AddressPickerViewModel picker = new AddressPickerViewModel(i18n, TaskRunner.DIRECT, () -> {
            attempts.incrementAndGet();
            throw new IllegalStateException("divisions.tsv.gz is missing from the build");
        });
        picker.open(confirmed::add);
        assertThat(picker.stepProperty().get()).isEqualTo(Step.UNAVAILABLE);
        assertThat(picker.promptProperty().get()).isEqualTo("地区列表暂时无法使用，请直接填写完整地址。");
        assertThat(picker.canConfirmProperty().get()).isFalse();
        picker.detailProperty().set("北京市东城区示例大街1号");
        picker.confirm();
        assertThat(confirmed).singleElement().satisfies(a -> {
            assertThat(a.path()).isEmpty();
            assertThat(a.text()).isEqualTo("北京市东城区示例大街1号");
        });
        picker.open(confirmed::add); // tried again at the next opening
        assertThat(attempts).hasValue(2);
        // opened at a card's address: the whole line to correct rather than retype
        picker.openFromCard(Optional.of("北京市东城区示例大街1号"), confirmed::add);
        assertThat(picker.stepProperty().get()).isEqualTo(Step.UNAVAILABLE);
        assertThat(picker.detailProperty().get()).isEqualTo("北京市东城区示例大街1号");
        assertThat(picker.canConfirmProperty().get()).isTrue();
    }

    @Test
    void theNextCitizenFindsNothingAndTheLastCallbackIsGone() {
        vm.openFromCard(Optional.of("北京市东城区示例大街1号"), confirmed::add);
        vm.resetForNextCitizen();
        assertThat(vm.detailProperty().get()).isEmpty();
        assertThat(vm.crumbs()).extracting(Crumb::pending).containsExactly(true);
        assertThat(vm.previewProperty().get()).isEmpty();
        vm.choose("11");
        vm.choose("110101");
        vm.choose("110101001");
        vm.detailProperty().set("示例大街1号");
        vm.confirm();
        assertThat(confirmed).isEmpty();
    }
}
