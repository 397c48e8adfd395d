package cn.egov.kiosk.platform.api;

import java.util.List;

/** {@code GET /v1/departments}. */
public record Departments(long version, List<Department> departments) {
    public record Department(String id, String name, String shortName, String phone) {}
}
