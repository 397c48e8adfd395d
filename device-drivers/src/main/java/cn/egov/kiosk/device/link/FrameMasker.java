package cn.egov.kiosk.device.link;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * Turns what a tap saw into what a person may see: the bytes of a device's protocol with the
 * personal data in them (an ID card's text, photo and fingerprint, a scanned payment code, a card
 * number) replaced by what they were and how many bytes. One masker per device class, fed the
 * chunks of both directions in the order they passed (it keeps where it is in each direction's
 * frames); not thread-safe: the one consumer thread owns it. A masker that does not understand the
 * bytes hides them: unknown is personal.
 */
public interface FrameMasker {

    /** The chunk as shown. */
    List<Part> mask(WireTap.Direction direction, byte[] data);

    /** Everything shown: for bytes that carry no personal data, or when the caller may see them. */
    FrameMasker SHOW_ALL = (direction, data) -> List.of(Part.shown(data));

    /** Nothing shown but the length: for a device whose protocol no masker reads. */
    static FrameMasker hideAll() {
        return (direction, data) -> List.of(Part.hidden(Hidden.DATA, data.length));
    }

    /** What hidden bytes were. */
    enum Hidden {
        TEXT("文字", "text"),
        PHOTO("照片", "photo"),
        FINGERPRINT("指纹", "fingerprint"),
        ADDRESS("追加地址", "appended address"),
        CODE("码", "code"),
        CARD_NUMBER("卡号", "card number"),
        TRACK("磁道数据", "track data"),
        EXPIRY("有效期", "expiry date"),
        RECEIPT_TEXT("票据文字", "receipt text"),
        DATA("数据", "data"),
        UNRECOGNISED("未识别", "unrecognised"),
        /** Not hidden but lost: the monitor fell behind and dropped them. */
        DROPPED("丢失", "dropped");

        private final String zh;
        private final String en;

        Hidden(String zh, String en) {
            this.zh = zh;
            this.en = en;
        }

        /** {@code [文字 256 字节 已遮蔽]}, or in English {@code [text 256 bytes masked]}. */
        public String label(int count, Locale locale) {
            if (this == DROPPED) {
                return Locale.CHINESE.getLanguage().equals(locale.getLanguage())
                        ? "[已丢失 " + count + " 字节: 监视跟不上]"
                        : "[" + count + " bytes dropped: the monitor fell behind]";
            }
            return Locale.CHINESE.getLanguage().equals(locale.getLanguage())
                    ? "[" + zh + " " + count + " 字节 已遮蔽]"
                    : "[" + en + " " + count + " bytes masked]";
        }
    }

    /** A run of bytes shown, or of bytes hidden (then only their kind and count are kept). */
    final class Part {
        private final byte[] shown;
        private final Hidden hidden;
        private final int count;

        private Part(byte[] shown, Hidden hidden, int count) {
            this.shown = shown;
            this.hidden = hidden;
            this.count = count;
        }

        public static Part shown(byte[] bytes) {
            return new Part(bytes.clone(), null, bytes.length);
        }

        public static Part hidden(Hidden kind, int count) {
            return new Part(new byte[0], kind, count);
        }

        public boolean isHidden() {
            return hidden != null;
        }

        /** The bytes shown; empty for a hidden part. */
        public byte[] bytes() {
            return shown.clone();
        }

        /** What a hidden part was; null for a shown one. */
        public Hidden kind() {
            return hidden;
        }

        /** How many bytes on the wire. */
        public int count() {
            return count;
        }

        @Override
        public String toString() {
            return hidden == null ? "shown " + count : hidden.label(count, Locale.ENGLISH);
        }
    }

    /** Collects runs byte by byte: the maskers' common tool. */
    final class Builder {
        private final List<Part> parts = new ArrayList<>();
        private final ByteArrayOutputStream run = new ByteArrayOutputStream();
        private Hidden hiddenKind;
        private int hiddenCount;

        public Builder show(int b) {
            flushHidden();
            run.write(b);
            return this;
        }

        public Builder show(byte[] bytes, int offset, int length) {
            flushHidden();
            run.write(bytes, offset, length);
            return this;
        }

        public Builder hide(Hidden kind) {
            return hide(kind, 1);
        }

        public Builder hide(Hidden kind, int count) {
            if (count <= 0) {
                return this;
            }
            flushShown();
            if (hiddenKind != kind) {
                flushHidden();
                hiddenKind = kind;
            }
            hiddenCount += count;
            return this;
        }

        private void flushShown() {
            if (run.size() > 0) {
                parts.add(Part.shown(run.toByteArray()));
                run.reset();
            }
        }

        private void flushHidden() {
            if (hiddenKind != null) {
                parts.add(Part.hidden(hiddenKind, hiddenCount));
                hiddenKind = null;
                hiddenCount = 0;
            }
        }

        public List<Part> build() {
            flushShown();
            flushHidden();
            List<Part> out = List.copyOf(parts);
            parts.clear();
            return out.isEmpty() ? Collections.emptyList() : out;
        }
    }
}
