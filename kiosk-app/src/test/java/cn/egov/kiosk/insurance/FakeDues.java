package cn.egov.kiosk.insurance;

import cn.egov.kiosk.platform.api.InsuranceDues;
import cn.egov.kiosk.platform.api.InsuranceDues.Due;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The platform's dues in memory, as the simulator's data set has them for the demo citizens: one
 * person's list, away on command, and a due booked PAID as the platform books it when its order is
 * paid (by the payment's id, or by none for a card the kiosk reported).
 */
public final class FakeDues implements DuesSource {
    public final List<Due> dues = new CopyOnWriteArrayList<>();
    public final List<String> asked = new CopyOnWriteArrayList<>();
    public volatile boolean away;

    @Override
    public List<Due> of(String idNumber) throws Unreachable {
        asked.add(idNumber);
        if (away) {
            throw new Unreachable("away", null);
        }
        return new ArrayList<>(dues);
    }

    /** 王小明: medical 2027 to pay (380 元), medical 2026 paid, pension 2026 nothing to pay. */
    public static FakeDues resident() {
        FakeDues f = new FakeDues();
        f.dues.add(new Due(
                "DUE-YL-2026-EE6E708C",
                InsuranceDues.Scheme.RESIDENT_PENSION,
                "城乡居民基本养老保险",
                2026,
                InsuranceDues.Status.NOT_DUE,
                0,
                List.of(),
                LocalDate.of(2026, 1, 1),
                LocalDate.of(2026, 12, 31),
                0,
                null,
                null,
                "已按月领取城乡居民基本养老保险待遇，无需缴费"));
        f.dues.add(new Due(
                "DUE-YB-2026-27AE6B1F",
                InsuranceDues.Scheme.RESIDENT_MEDICAL,
                "城乡居民基本医疗保险",
                2026,
                InsuranceDues.Status.PAID,
                36000,
                List.of(),
                LocalDate.of(2025, 9, 1),
                LocalDate.of(2025, 12, 31),
                36000,
                OffsetDateTime.of(2025, 11, 20, 10, 12, 40, 0, ZoneOffset.ofHours(8)),
                "PAY1A23B247C9CF23F5",
                null));
        f.dues.add(medical2027());
        return f;
    }

    public static Due medical2027() {
        return new Due(
                "DUE-YB-2027-F4BDB52A",
                InsuranceDues.Scheme.RESIDENT_MEDICAL,
                "城乡居民基本医疗保险",
                2027,
                InsuranceDues.Status.DUE,
                38000,
                List.of(),
                LocalDate.of(2026, 9, 1),
                LocalDate.of(2026, 12, 31),
                0,
                null,
                null,
                null);
    }

    /** 陈大文: pension 2026 by grade, 200 to 5,000 元. */
    public static FakeDues pensioner() {
        FakeDues f = new FakeDues();
        f.dues.add(new Due(
                "DUE-YL-2026-B37BC348",
                InsuranceDues.Scheme.RESIDENT_PENSION,
                "城乡居民基本养老保险",
                2026,
                InsuranceDues.Status.DUE,
                0,
                List.of(20000L, 30000L, 50000L, 80000L, 100000L, 150000L, 200000L, 300000L, 400000L, 500000L),
                LocalDate.of(2026, 1, 1),
                LocalDate.of(2026, 12, 31),
                0,
                null,
                null,
                null));
        return f;
    }

    /** The platform books the due PAID by this payment (its id; null for a card reported without one). */
    public void book(String dueId, long fen, String paymentId) {
        for (int i = 0; i < dues.size(); i++) {
            Due d = dues.get(i);
            if (d.dueId().equals(dueId)) {
                dues.set(
                        i,
                        new Due(
                                d.dueId(),
                                d.scheme(),
                                d.schemeName(),
                                d.year(),
                                InsuranceDues.Status.PAID,
                                d.amountFen(),
                                d.gradesFen(),
                                d.payFrom(),
                                d.payUntil(),
                                fen,
                                OffsetDateTime.now(ZoneOffset.ofHours(8)),
                                paymentId,
                                d.note()));
            }
        }
    }
}
