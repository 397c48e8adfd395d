package cn.egov.kiosk.platform.api;

import java.util.List;

/** {@code GET /v1/business-types}: the hall's queues. */
public record BusinessTypes(long version, List<BusinessType> businessTypes) {
    public record BusinessType(String code, String name, String nameEn, String windows, String opens, String closes) {}
}
