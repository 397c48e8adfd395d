package cn.egov.kiosk.platform.api;

import java.time.LocalDate;

/** {@code GET /v1/enterprises/{creditCode}}: public registration data of an enterprise. */
public record Enterprise(
        String creditCode,
        String name,
        String type,
        String legalRepresentative,
        String status,
        String registeredCapital,
        LocalDate establishedOn,
        String address,
        String businessScope,
        String authority) {}
