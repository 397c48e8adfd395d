package cn.egov.kiosk.device.idcard.sam;

import cn.egov.kiosk.device.link.FrameMasker;
import cn.egov.kiosk.device.link.WireTap;
import java.util.List;

/**
 * The SAM protocol, masked: frames keep their preamble {@code AA AA AA 96 69}, length, command or
 * status bytes ({@code SW1 SW2 SW3}), the block lengths of a read's answer and the checksum; the
 * card's text (UCS-2), photo (WLT), fingerprint and appended address are replaced by their kind and
 * size. What follows a command the masker did not see (a tap attached mid-read), and bytes outside
 * any frame, are hidden too.
 */
public final class SamFrameMasker implements FrameMasker {
    private final Reader out = new Reader(false);
    private final Reader in = new Reader(true);
    private SamCommand lastCommand;

    @Override
    public List<Part> mask(WireTap.Direction direction, byte[] data) {
        Reader r = direction == WireTap.Direction.OUT ? out : in;
        Builder parts = new Builder();
        for (byte b : data) {
            r.accept(b & 0xFF, parts);
        }
        return parts.build();
    }

    private enum State {
        SEEK,
        LENGTH_HIGH,
        LENGTH_LOW,
        BODY,
        CHECKSUM
    }

    private final class Reader {
        private final boolean answers;
        private State state = State.SEEK;
        private int matched;
        private int length;
        private int at; // index within the body (length - 1 bytes)
        private int cmd;
        private final int[] blockLengths = new int[6];
        private SamCommand answering;

        Reader(boolean answers) {
            this.answers = answers;
        }

        void accept(int b, Builder parts) {
            switch (state) {
                case SEEK -> seek(b, parts);
                case LENGTH_HIGH -> {
                    parts.show(b);
                    length = b << 8;
                    state = State.LENGTH_LOW;
                }
                case LENGTH_LOW -> {
                    parts.show(b);
                    length |= b;
                    at = 0;
                    boolean plausible = length <= SamFrames.MAX_LENGTH && length >= (answers ? 4 : 3);
                    state = plausible ? State.BODY : State.SEEK;
                    answering = lastCommand;
                }
                case BODY -> {
                    if (answers) {
                        answer(b, parts);
                    } else {
                        command(b, parts);
                    }
                    at++;
                    if (at == length - 1) {
                        state = State.CHECKSUM;
                    }
                }
                case CHECKSUM -> {
                    parts.show(b);
                    state = State.SEEK;
                    matched = 0;
                }
            }
        }

        private void seek(int b, Builder parts) {
            if (b == (SamFrames.PREAMBLE[matched] & 0xFF)) {
                parts.show(b);
                matched++;
                if (matched == SamFrames.PREAMBLE.length) {
                    matched = 0;
                    state = State.LENGTH_HIGH;
                }
            } else if (b == 0xAA) {
                parts.show(b); // AA AA AA AA 96 69: the last three AA still start a preamble
                matched = Math.min(matched + 1, 3);
            } else {
                parts.hide(Hidden.UNRECOGNISED);
                matched = 0;
            }
        }

        private void command(int b, Builder parts) {
            parts.show(b); // commands carry no personal data
            if (at == 0) {
                cmd = b;
            } else if (at == 1) {
                lastCommand = SamCommand.of(cmd, b);
            }
        }

        private void answer(int b, Builder parts) {
            if (at < 3) {
                parts.show(b); // SW1 SW2 SW3
                return;
            }
            int d = at - 3; // index within the data
            if (answering == null) {
                parts.hide(Hidden.DATA);
                return;
            }
            switch (answering) {
                case RESET_SAM, SAM_STATUS, SAM_ID, FIND_CARD, SELECT_CARD -> parts.show(b);
                case READ_APPENDED_ADDRESS -> parts.hide(Hidden.ADDRESS);
                case READ_TEXT_PHOTO -> block(d, b, parts, 2);
                case READ_TEXT_PHOTO_FINGERPRINT -> block(d, b, parts, 3);
            }
        }

        /** The data of a read: {@code blocks} two-byte lengths, then the blocks, hidden. */
        private void block(int d, int b, Builder parts, int blocks) {
            int header = blocks * 2;
            if (d < header) {
                parts.show(b);
                if (d % 2 == 0) {
                    blockLengths[d / 2] = b << 8;
                } else {
                    blockLengths[d / 2] |= b;
                }
                return;
            }
            int offset = d - header;
            Hidden[] kinds = {Hidden.TEXT, Hidden.PHOTO, Hidden.FINGERPRINT};
            for (int i = 0; i < blocks; i++) {
                if (offset < blockLengths[i]) {
                    parts.hide(kinds[i]);
                    return;
                }
                offset -= blockLengths[i];
            }
            parts.hide(Hidden.DATA); // more than the lengths declared
        }
    }
}
