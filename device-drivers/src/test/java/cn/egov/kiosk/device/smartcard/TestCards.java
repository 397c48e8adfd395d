package cn.egov.kiosk.device.smartcard;

import cn.egov.kiosk.device.smartcard.vpcd.ApduResponder;
import java.util.Arrays;
import java.util.HexFormat;

/** Cards other than the social security card, for identification tests. */
public final class TestCards {
    private TestCards() {}

    /** A PBOC debit card: answers SELECT of A0000003330101 (by its RID prefix) with an FCI. */
    public static ApduResponder bankCard() {
        return new ApduResponder() {
            @Override
            public byte[] atr() {
                return HexFormat.of().parseHex("3B6800000073C84013009000");
            }

            @Override
            public byte[] respond(byte[] c) {
                if (c.length >= 5 && c[1] == (byte) 0xA4 && c[2] == 0x04) {
                    int lc = c[4] & 0xFF;
                    byte[] name = Arrays.copyOfRange(c, 5, Math.min(c.length, 5 + lc));
                    byte[] rid = SmartCardType.PBOC_RID;
                    if (name.length >= rid.length && Arrays.equals(Arrays.copyOf(name, rid.length), rid)) {
                        return HexFormat.of().parseHex("6F0B8407A0000003330101A5009000");
                    }
                    return new byte[] {0x6A, (byte) 0x82};
                }
                return new byte[] {0x6D, 0x00};
            }
        };
    }

    /** An ISO 7816 card with no application the kiosk knows. */
    public static ApduResponder unknownCard() {
        return new ApduResponder() {
            @Override
            public byte[] atr() {
                return HexFormat.of().parseHex("3B021450");
            }

            @Override
            public byte[] respond(byte[] c) {
                return c[1] == (byte) 0xA4 ? new byte[] {0x6A, (byte) 0x82} : new byte[] {0x6D, 0x00};
            }
        };
    }

    /** A memory card: its ATR is not an ISO 7816 processor card's. */
    public static ApduResponder memoryCard() {
        return new ApduResponder() {
            @Override
            public byte[] atr() {
                return HexFormat.of().parseHex("A2131091");
            }

            @Override
            public byte[] respond(byte[] c) {
                throw new AssertionError("a memory card is not sent APDUs");
            }
        };
    }
}
