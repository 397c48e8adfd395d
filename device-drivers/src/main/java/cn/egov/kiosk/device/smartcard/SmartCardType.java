package cn.egov.kiosk.device.smartcard;

import cn.egov.kiosk.device.api.CommonCode;
import cn.egov.kiosk.device.api.DeviceException;
import cn.egov.kiosk.device.api.ErrorCode;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What kind of card is in a reader, decided from its ATR and from which applications answer
 * SELECT.
 *
 * <ol>
 *   <li>An ATR that does not start with {@code 3B} (direct convention) or {@code 3F} (inverse) is
 *       not an ISO 7816 processor card: {@link #UNKNOWN}.
 *   <li>SELECT by name of the social security system environment (SSSE, {@code "sx1.sh."} and
 *       社会保障 in GBK) answered 9000 or 61xx: {@link #SOCIAL_SECURITY_CARD}. A social security
 *       card with a financial (bank) application is reported as this.
 *   <li>SELECT of the UnionPay/PBOC registered application provider ({@code A0 00 00 03 33},
 *       partial name, first occurrence) answered 9000 or 61xx: {@link #BANK_CARD}.
 *   <li>Anything else: {@link #UNKNOWN}.
 * </ol>
 */
public enum SmartCardType {
    /** 社会保障卡: answers SELECT of the SSSE. */
    SOCIAL_SECURITY_CARD,
    /** A PBOC (UnionPay) bank card: answers SELECT of an application under RID A000000333. */
    BANK_CARD,
    /** Any other card, or one that is not an ISO 7816 processor card. */
    UNKNOWN;

    private static final Logger log = LoggerFactory.getLogger(SmartCardType.class);

    /** The DF name of the social security system environment: "sx1.sh." + 社会保障 in GBK (15 bytes). */
    public static final byte[] SSSE_NAME = ssseName();

    /** The registered application provider identifier of UnionPay (PBOC applications). */
    public static final byte[] PBOC_RID = HexFormat.of().parseHex("A000000333");

    private static byte[] ssseName() {
        byte[] ascii = "sx1.sh.".getBytes(StandardCharsets.US_ASCII);
        byte[] gbk = "社会保障".getBytes(Charset.forName("GBK"));
        byte[] name = new byte[ascii.length + gbk.length];
        System.arraycopy(ascii, 0, name, 0, ascii.length);
        System.arraycopy(gbk, 0, name, ascii.length, gbk.length);
        return name;
    }

    /**
     * Identifies the card in the reader. Leaves the card with the identified application selected
     * (or none).
     *
     * @throws DeviceException {@code USER_ERROR/NO_CARD} when there is no card, or what {@link
     *     SmartCardReader#transmit} throws
     */
    public static SmartCardType identify(SmartCardReader reader) throws DeviceException {
        byte[] atr = reader.atr()
                .orElseThrow(
                        () -> new DeviceException(ErrorCode.USER_ERROR, CommonCode.NO_CARD, "no card in the reader"));
        SmartCardType type = identify(atr, reader);
        log.debug("Reader {}: card identified as {} (ATR of {} bytes)", reader.id(), type, atr.length);
        return type;
    }

    private static SmartCardType identify(byte[] atr, SmartCardReader reader) throws DeviceException {
        if (atr.length < 2 || (atr[0] != 0x3B && atr[0] != 0x3F)) {
            return UNKNOWN;
        }
        byte[] ssse = reader.transmit(Apdus.selectByName(SSSE_NAME));
        log.debug("Reader {}: SELECT SSSE answered {}", reader.id(), Apdus.statusText(ssse));
        if (Apdus.succeeded(ssse)) {
            return SOCIAL_SECURITY_CARD;
        }
        byte[] pboc = reader.transmit(withLe(Apdus.selectByName(PBOC_RID)));
        log.debug("Reader {}: SELECT A000000333 answered {}", reader.id(), Apdus.statusText(pboc));
        if (Apdus.succeeded(pboc)) {
            return BANK_CARD;
        }
        return UNKNOWN;
    }

    /** A SELECT as EMV sends it: with {@code Le = 00}, asking for the FCI. */
    private static byte[] withLe(byte[] command) {
        byte[] apdu = Arrays.copyOf(command, command.length + 1);
        apdu[command.length] = 0x00;
        return apdu;
    }
}
