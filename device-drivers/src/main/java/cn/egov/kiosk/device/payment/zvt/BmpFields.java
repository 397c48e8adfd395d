package cn.egov.kiosk.device.payment.zvt;

import cn.egov.kiosk.common.privacy.Masking;
import java.nio.charset.Charset;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * The fields of a ZVT message, read by their bitmaps (BMP). Reading never fails: a field cut short,
 * or one whose length this reader does not know, ends the reading, and {@link #unread()} and {@link
 * #problem()} say so; the fields before it stand. A field whose content is malformed (a BCD nibble
 * above 9) reads as absent. The card number is kept only masked.
 */
final class BmpFields {
    /** The totals of an end of day (BMP 60): how many transactions, how much. */
    record Totals(int count, long amountFen) {}

    private final Map<Integer, byte[]> fields;
    private final int unread;
    private final String problem;

    private BmpFields(Map<Integer, byte[]> fields, int unread, String problem) {
        this.fields = fields;
        this.unread = unread;
        this.problem = problem;
    }

    static BmpFields none() {
        return new BmpFields(new LinkedHashMap<>(), 0, null);
    }

    /**
     * Where one field lies in a message: its tag at {@code at}, its value from {@code start} for
     * {@code length} bytes, which may run past the data's end (a field cut short). {@code length} is
     * {@link #UNKNOWN_LENGTH} for a tag whose length this reader does not know ({@code start} is then
     * the byte after the tag).
     */
    record Span(int bmp, int at, int start, int length) {
        static final int UNKNOWN_LENGTH = -1;

        boolean lengthKnown() {
            return length != UNKNOWN_LENGTH;
        }

        /** The byte after the value. */
        int end() {
            return start + length;
        }
    }

    /**
     * The field whose tag is at {@code at} (which must be inside {@code data}): tag, length prefix
     * (fixed, LLVAR, LLLVAR or BER-TLV) and where its value lies; the value itself is not checked.
     *
     * @throws ZvtFormatException when the length prefix is malformed or cut short
     */
    static Span span(byte[] data, int at) throws ZvtFormatException {
        int bmp = data[at] & 0xFF;
        int size = Bmp.size(bmp);
        int start = at + 1;
        if (size > 0) {
            return new Span(bmp, at, start, size);
        }
        if (size == Bmp.LLVAR || size == Bmp.LLLVAR) {
            int digits = size == Bmp.LLVAR ? 2 : 3;
            return new Span(bmp, at, start + digits, Bmp.readVarLength(data, start, digits));
        }
        if (size == Bmp.BER_TLV) {
            int[] ber = Bmp.berLength(data, start);
            return new Span(bmp, at, start + ber[1], ber[0]);
        }
        return new Span(bmp, at, start, Span.UNKNOWN_LENGTH);
    }

    /** The fields of {@code data} from {@code offset} to its end. */
    static BmpFields parse(byte[] data, int offset) {
        Map<Integer, byte[]> found = new LinkedHashMap<>();
        int at = offset;
        try {
            while (at < data.length) {
                Span field = span(data, at);
                if (!field.lengthKnown()) {
                    return new BmpFields(
                            found,
                            data.length - at,
                            String.format(
                                    Locale.ROOT,
                                    "BMP %02X of unknown length at byte %d: the rest unread",
                                    field.bmp(),
                                    at));
                }
                if (field.end() > data.length) {
                    return new BmpFields(
                            found,
                            data.length - at,
                            String.format(
                                    Locale.ROOT,
                                    "BMP %02X at byte %d wants %d bytes, %d left",
                                    field.bmp(),
                                    at,
                                    field.length(),
                                    data.length - field.start()));
                }
                found.put(field.bmp(), Arrays.copyOfRange(data, field.start(), field.end()));
                at = field.end();
            }
        } catch (ZvtFormatException e) {
            return new BmpFields(found, data.length - at, e.getMessage());
        }
        return new BmpFields(found, 0, null);
    }

    /** These fields, with {@code later}'s where both have one. */
    BmpFields merge(BmpFields later) {
        Map<Integer, byte[]> all = new LinkedHashMap<>(fields);
        all.putAll(later.fields);
        return new BmpFields(all, unread + later.unread, later.problem != null ? later.problem : problem);
    }

    boolean has(int bmp) {
        return fields.containsKey(bmp);
    }

    /** Bytes left unread at the end (a field of unknown length, or cut short); 0 when all were read. */
    int unread() {
        return unread;
    }

    Optional<String> problem() {
        return Optional.ofNullable(problem);
    }

    OptionalLong amount() {
        return bcdLong(Bmp.AMOUNT);
    }

    OptionalInt currency() {
        OptionalLong v = bcdLong(Bmp.CURRENCY);
        return v.isPresent() ? OptionalInt.of((int) v.getAsLong()) : OptionalInt.empty();
    }

    /** The receipt number, four digits. */
    Optional<String> receipt() {
        return bcdDigits(Bmp.RECEIPT);
    }

    /** The trace number, six digits. */
    Optional<String> trace() {
        return bcdDigits(Bmp.TRACE);
    }

    /** The terminal id, eight digits. */
    Optional<String> terminalId() {
        return bcdDigits(Bmp.TERMINAL_ID);
    }

    OptionalInt resultCode() {
        return binary(Bmp.RESULT_CODE);
    }

    OptionalInt timeoutSeconds() {
        return binary(Bmp.TIMEOUT);
    }

    /**
     * The card number, masked (first six, last four at most): the terminal sends it with 'E' for each
     * digit it hides and 'F' to fill the last byte.
     */
    Optional<String> maskedCardNumber() {
        byte[] pan = fields.get(Bmp.PAN);
        if (pan == null) {
            return Optional.empty();
        }
        StringBuilder sb = new StringBuilder(pan.length * 2);
        for (byte b : pan) {
            for (int nibble : new int[] {(b >> 4) & 0x0F, b & 0x0F}) {
                if (nibble <= 9) {
                    sb.append((char) ('0' + nibble));
                } else if (nibble == 0x0E) {
                    sb.append('*');
                } else if (nibble != 0x0F) {
                    return Optional.empty();
                }
            }
        }
        String masked = Masking.cardNumber(sb.toString());
        sb.setLength(0);
        return masked.isEmpty() ? Optional.empty() : Optional.of(masked);
    }

    Optional<LocalTime> time() {
        return bcdDigits(Bmp.TIME).flatMap(d -> {
            try {
                return Optional.of(LocalTime.of(
                        Integer.parseInt(d.substring(0, 2)),
                        Integer.parseInt(d.substring(2, 4)),
                        Integer.parseInt(d.substring(4, 6))));
            } catch (DateTimeException e) {
                return Optional.empty();
            }
        });
    }

    /** The date without its year (BMP 0D, MMDD). */
    Optional<MonthDay> monthDay() {
        return bcdDigits(Bmp.DATE).flatMap(d -> {
            try {
                return Optional.of(
                        MonthDay.of(Integer.parseInt(d.substring(0, 2)), Integer.parseInt(d.substring(2, 4))));
            } catch (DateTimeException e) {
                return Optional.empty();
            }
        });
    }

    /** The date with its year (BMP AA, YYMMDD), which some terminals send. */
    Optional<LocalDate> date() {
        return bcdDigits(Bmp.DATE_YEAR).flatMap(d -> {
            try {
                return Optional.of(LocalDate.of(
                        2000 + Integer.parseInt(d.substring(0, 2)),
                        Integer.parseInt(d.substring(2, 4)),
                        Integer.parseInt(d.substring(4, 6))));
            } catch (DateTimeException e) {
                return Optional.empty();
            }
        });
    }

    /**
     * The end of day's totals (BMP 60): the first and last receipt numbers (two BCD bytes each), then
     * per card type a count (one byte) and an amount (six BCD bytes), summed here.
     */
    Optional<Totals> totals() {
        byte[] t = fields.get(Bmp.TOTALS);
        if (t == null || t.length < 4 || (t.length - 4) % 7 != 0) {
            return Optional.empty();
        }
        int count = 0;
        long amount = 0;
        try {
            for (int at = 4; at < t.length; at += 7) {
                count += t[at] & 0xFF;
                amount += Bcd.toLong(t, at + 1, 6);
            }
        } catch (ZvtFormatException e) {
            return Optional.empty();
        }
        return Optional.of(new Totals(count, amount));
    }

    /** The text lines (tag 07) anywhere in the TLV container (BMP 06). */
    List<String> textLines(Charset charset) {
        byte[] tlv = fields.get(Bmp.TLV);
        List<String> lines = new ArrayList<>();
        if (tlv != null) {
            Tlv.collectText(tlv, 0, tlv.length, charset, lines);
        }
        return lines;
    }

    private OptionalInt binary(int bmp) {
        byte[] v = fields.get(bmp);
        return v == null || v.length != 1 ? OptionalInt.empty() : OptionalInt.of(v[0] & 0xFF);
    }

    private OptionalLong bcdLong(int bmp) {
        byte[] v = fields.get(bmp);
        try {
            return v == null ? OptionalLong.empty() : OptionalLong.of(Bcd.toLong(v, 0, v.length));
        } catch (ZvtFormatException e) {
            return OptionalLong.empty();
        }
    }

    private Optional<String> bcdDigits(int bmp) {
        byte[] v = fields.get(bmp);
        try {
            return v == null ? Optional.empty() : Optional.of(Bcd.toDigits(v, 0, v.length));
        } catch (ZvtFormatException e) {
            return Optional.empty();
        }
    }

    /** The BMPs present, never their content. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("BmpFields[");
        fields.keySet().forEach(k -> sb.append(String.format(Locale.ROOT, "%02X ", k)));
        return sb.append(unread > 0 ? unread + " bytes unread" : "").toString().trim() + "]";
    }
}
