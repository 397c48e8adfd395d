package cn.egov.kiosk.address;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * An address as a Chinese form takes it: a division (its path from the province down, hidden
 * grouping levels included, so that every code is there) and the detail the citizen typed below it
 * (示例大街1号). The path may stop above the street, or be empty when nothing of an address was
 * recognised (the whole line is then the detail).
 *
 * <p>Its {@link #toString()} says only how deep it goes: an address is personal data and never goes
 * into a log.
 */
public record Address(List<Division> path, String detail) {
    /** No division and no detail. */
    public static final Address EMPTY = new Address(List.of(), "");

    public Address {
        path = List.copyOf(path);
        detail = normaliseDetail(detail);
        for (int i = 0; i < path.size(); i++) {
            Division d = path.get(i);
            if (d.level().ordinal() != i
                    || (i > 0 && !d.parentCode().equals(path.get(i - 1).code()))) {
                throw new IllegalArgumentException("not a path from a province down, at level " + i);
            }
        }
    }

    /** The detail with surrounding space removed and inner runs of space made one. */
    static String normaliseDetail(String detail) {
        return detail == null ? "" : detail.strip().replaceAll("\\s+", " ");
    }

    /** The deepest division, if any. */
    public Optional<Division> division() {
        return path.isEmpty() ? Optional.empty() : Optional.of(path.get(path.size() - 1));
    }

    /** The deepest division's code, or "" when there is none. */
    public String code() {
        return division().map(Division::code).orElse("");
    }

    /** The division at a level of the path, if the path goes that deep. */
    public Optional<Division> at(Level level) {
        return level.ordinal() < path.size() ? Optional.of(path.get(level.ordinal())) : Optional.empty();
    }

    /** The divisions a citizen sees, hidden grouping levels left out. */
    public List<Division> shownPath() {
        return path.stream().filter(d -> !d.hidden()).toList();
    }

    /** The same divisions with another detail. */
    public Address withDetail(String newDetail) {
        return new Address(path, newDetail);
    }

    /** Whether there is neither a division nor a detail. */
    public boolean isEmpty() {
        return path.isEmpty() && detail.isEmpty();
    }

    /**
     * The address on one line as written on Chinese forms: the names of the divisions a citizen sees,
     * then the detail, without spaces between (北京市东城区东华门街道示例大街1号).
     */
    public String text() {
        return shownPath().stream().map(Division::name).collect(Collectors.joining()) + detail;
    }

    @Override
    public String toString() {
        return "Address[" + path.size() + " levels, detail of " + detail.length() + " characters]";
    }
}
