package cn.egov.kiosk.common.document;

import cn.egov.kiosk.common.document.ReceiptElement.Cut;
import cn.egov.kiosk.common.document.ReceiptElement.ErrorCorrection;
import cn.egov.kiosk.common.document.ReceiptElement.Feed;
import cn.egov.kiosk.common.document.ReceiptElement.QrCode;
import cn.egov.kiosk.common.document.ReceiptElement.Text;
import cn.egov.kiosk.common.text.Align;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What a receipt printer prints: a named list of elements. The name (for example {@code
 * queue-ticket}) goes into logs and the print record; the content may hold personal data and is
 * never logged.
 */
public record ReceiptDocument(String name, List<ReceiptElement> elements) {
    public ReceiptDocument {
        Objects.requireNonNull(name, "name");
        elements = List.copyOf(elements);
    }

    /** The text lines, in order: what a person reads on the paper. */
    public List<String> lines() {
        return elements.stream()
                .filter(Text.class::isInstance)
                .map(e -> ((Text) e).text())
                .toList();
    }

    /** The payloads of the QR codes, in order. */
    public List<String> qrPayloads() {
        return elements.stream()
                .filter(QrCode.class::isInstance)
                .map(e -> ((QrCode) e).payload())
                .toList();
    }

    /** The payloads of the barcodes, in order. */
    public List<String> barcodePayloads() {
        return elements.stream()
                .filter(ReceiptElement.Barcode.class::isInstance)
                .map(e -> ((ReceiptElement.Barcode) e).payload())
                .toList();
    }

    public long cuts() {
        return elements.stream().filter(Cut.class::isInstance).count();
    }

    /** Content is not printed: it may hold personal data. */
    @Override
    public String toString() {
        return "ReceiptDocument[" + name + ", " + elements.size() + " elements]";
    }

    public static Builder builder(String name) {
        return new Builder(name);
    }

    /** Builds a document line by line. */
    public static final class Builder {
        private final String name;
        private final List<ReceiptElement> elements = new ArrayList<>();

        private Builder(String name) {
            this.name = name;
        }

        public Builder text(String text, TextStyle style) {
            elements.add(new Text(text, style));
            return this;
        }

        public Builder text(String text) {
            return text(text, TextStyle.NORMAL);
        }

        public Builder feed(int lines) {
            elements.add(new Feed(lines));
            return this;
        }

        public Builder qr(String payload, int moduleSize, Align align) {
            elements.add(new QrCode(payload, moduleSize, ErrorCorrection.M, align));
            return this;
        }

        public Builder cut() {
            elements.add(new Cut(true));
            return this;
        }

        public Builder add(ReceiptElement element) {
            elements.add(element);
            return this;
        }

        public ReceiptDocument build() {
            return new ReceiptDocument(name, elements);
        }
    }
}
