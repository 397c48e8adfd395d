package cn.egov.kiosk.device.printer.escpos;

import cn.egov.kiosk.device.link.FrameMasker;
import cn.egov.kiosk.device.link.WireTap;
import java.util.List;

/**
 * ESC/POS, masked: receipts are masked when they are made, so their text is shown; but the data of a
 * code is hidden, since a receipt's QR code (a query address with the application's number) or
 * barcode lets whoever reads it look the matter up. Of a QR (or other 2D) code's store-data command
 * ({@code GS ( k pL pH cn 80 m d...}) the command bytes and the length stay and the data is hidden;
 * of a barcode ({@code GS k m n d...}, or {@code GS k m d... NUL}) likewise. Raster images
 * ({@code GS v 0}) are skipped whole so that their bytes are not read as commands. What the
 * printer answers (status bytes) is shown.
 */
public final class EscPosFrameMasker implements FrameMasker {
    private static final int GS = EscPos.GS & 0xFF;
    private static final int QR_STORE = EscPos.QR_STORE;

    private enum State {
        TEXT,
        GS,
        GS_PAREN,
        PK_PL,
        PK_PH,
        PK_CN,
        PK_FN,
        PK_M,
        BARCODE_M,
        BARCODE_N,
        RASTER_V,
        RASTER_HEADER,
        HIDE_TO_NUL,
        HIDE_N,
        SHOW_N
    }

    private State state = State.TEXT;
    private int length; // of a GS ( k, from pL pH
    private long remaining; // bytes left to hide or show
    private final int[] header = new int[5];
    private int headerAt;

    @Override
    public List<Part> mask(WireTap.Direction direction, byte[] data) {
        if (direction == WireTap.Direction.IN) {
            return List.of(Part.shown(data));
        }
        Builder parts = new Builder();
        for (byte b : data) {
            accept(b & 0xFF, parts);
        }
        return parts.build();
    }

    private void accept(int b, Builder parts) {
        switch (state) {
            case TEXT -> {
                parts.show(b);
                if (b == GS) {
                    state = State.GS;
                }
            }
            case GS -> {
                parts.show(b);
                state = b == '(' ? State.GS_PAREN : b == 'k' ? State.BARCODE_M : b == 'v' ? State.RASTER_V : State.TEXT;
            }
            case GS_PAREN -> {
                parts.show(b);
                state = b == 'k' ? State.PK_PL : State.TEXT;
            }
            case PK_PL -> {
                parts.show(b);
                length = b;
                state = State.PK_PH;
            }
            case PK_PH -> {
                parts.show(b);
                length |= b << 8;
                state = length == 0 ? State.TEXT : State.PK_CN;
            }
            case PK_CN -> {
                parts.show(b);
                state = length <= 1 ? State.TEXT : State.PK_FN;
            }
            case PK_FN -> {
                parts.show(b);
                if (b == QR_STORE) {
                    state = length <= 2 ? State.TEXT : State.PK_M; // store data: m, then the data
                } else {
                    then(State.SHOW_N, length - 2L); // other functions: their parameters
                }
            }
            case PK_M -> {
                parts.show(b);
                then(State.HIDE_N, length - 3L);
            }
            case BARCODE_M -> {
                parts.show(b);
                state = b <= 6 ? State.HIDE_TO_NUL : b >= 65 ? State.BARCODE_N : State.TEXT;
            }
            case BARCODE_N -> {
                parts.show(b);
                then(State.HIDE_N, b);
            }
            case RASTER_V -> {
                parts.show(b);
                headerAt = 0;
                state = b == '0' ? State.RASTER_HEADER : State.TEXT;
            }
            case RASTER_HEADER -> {
                parts.show(b);
                header[headerAt++] = b; // m xL xH yL yH
                if (headerAt == header.length) {
                    long width = header[1] | (long) header[2] << 8;
                    long height = header[3] | (long) header[4] << 8;
                    then(State.SHOW_N, width * height);
                }
            }
            case HIDE_TO_NUL -> {
                if (b == 0) {
                    parts.show(b);
                    state = State.TEXT;
                } else {
                    parts.hide(Hidden.CODE);
                }
            }
            case HIDE_N -> {
                parts.hide(Hidden.CODE);
                countDown();
            }
            case SHOW_N -> {
                parts.show(b);
                countDown();
            }
        }
    }

    private void then(State next, long count) {
        remaining = count;
        state = count > 0 ? next : State.TEXT;
    }

    private void countDown() {
        remaining--;
        if (remaining <= 0) {
            state = State.TEXT;
        }
    }
}
