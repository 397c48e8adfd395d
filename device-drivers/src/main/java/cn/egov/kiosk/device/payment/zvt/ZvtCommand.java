package cn.egov.kiosk.device.payment.zvt;

import java.util.Arrays;
import java.util.Optional;

/** The ZVT messages this driver speaks, by CLASS and INSTR, both ways. */
enum ZvtCommand {
    // the ECR (the kiosk) to the terminal
    REGISTRATION(0x06, 0x00),
    AUTHORISATION(0x06, 0x01),
    REPEAT_RECEIPT(0x06, 0x20),
    REVERSAL(0x06, 0x30),
    REFUND(0x06, 0x31),
    END_OF_DAY(0x06, 0x50),
    STATUS_ENQUIRY(0x05, 0x01),
    ABORT(0x06, 0xB0),
    // the terminal to the ECR
    INTERMEDIATE_STATUS(0x04, 0xFF),
    STATUS_INFORMATION(0x04, 0x0F),
    COMPLETION(0x06, 0x0F),
    ABORTED(0x06, 0x1E),
    PRINT_LINE(0x06, 0xD1),
    PRINT_TEXT_BLOCK(0x06, 0xD3),
    // either way: the answer to every APDU
    ACK(0x80, 0x00);

    /** The class of a negative answer: {@code 84 xx 00}, xx the reason. */
    static final int NAK_CLASS = 0x84;

    private final int code;

    ZvtCommand(int cls, int instr) {
        this.code = cls << 8 | instr;
    }

    int code() {
        return code;
    }

    static Optional<ZvtCommand> of(int code) {
        return Arrays.stream(values()).filter(c -> c.code == code).findFirst();
    }
}
