package cn.egov.kiosk.platform.api;

import java.util.List;

/** The service catalogue (事项目录), synchronised incrementally by version. */
public final class Catalogue {
    private Catalogue() {}

    public enum Audience {
        PERSONAL,
        ENTERPRISE,
        BOTH
    }

    /** How often the citizen must come: 零跑腿, 只跑一次, more. */
    public enum Trips {
        ZERO,
        ONCE,
        MULTIPLE
    }

    public record Material(String name, boolean required, int copies, String note) {}

    /**
     * One service item (事项).
     *
     * @param version the catalogue version in which the item last changed
     * @param businessType the hall's queue business type for it
     */
    public record Item(
            String id,
            long version,
            String departmentId,
            String departmentName,
            String name,
            String category,
            Audience audience,
            List<String> lifeEvents,
            Trips trips,
            List<Material> materials,
            int feeFen,
            String feeNote,
            int legalLimitDays,
            int promisedLimitDays,
            boolean kioskCapable,
            boolean appointable,
            String businessType) {}

    /**
     * {@code GET /v1/catalogue?since=V}: the items changed since {@code V} and the ids deleted, paged
     * by {@code nextCursor} (null on the last page); {@code version} is the catalogue's now.
     */
    public record Page(long version, List<Item> items, List<String> deleted, String nextCursor) {}
}
