package cn.egov.kiosk.platform.api;

import java.util.List;

/** 企业信息查询 by name: the platform searches the register; by credit code see {@link Enterprise}. */
public final class Enterprises {
    private Enterprises() {}

    /** {@code POST /v1/enterprises/search}: at least two characters of the name. */
    public record Search(String name) {}

    /** Up to 20 enterprises whose names contain the words, best first; {@code total} of all found. */
    public record Found(List<Enterprise> enterprises, int total) {}
}
