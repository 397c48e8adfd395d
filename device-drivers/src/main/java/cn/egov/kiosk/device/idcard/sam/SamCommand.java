package cn.egov.kiosk.device.idcard.sam;

/** The commands of the SAM protocol, with their CMD and PARA bytes. */
public enum SamCommand {
    RESET_SAM(0x10, 0xFF),
    SAM_STATUS(0x11, 0xFF),
    SAM_ID(0x12, 0xFF),
    FIND_CARD(0x20, 0x01),
    SELECT_CARD(0x20, 0x02),
    READ_TEXT_PHOTO(0x30, 0x01),
    READ_TEXT_PHOTO_FINGERPRINT(0x30, 0x10),
    READ_APPENDED_ADDRESS(0x30, 0x03);

    private final int cmd;
    private final int para;

    SamCommand(int cmd, int para) {
        this.cmd = cmd;
        this.para = para;
    }

    public int cmd() {
        return cmd;
    }

    public int para() {
        return para;
    }

    /** The command a CMD/PARA pair names, or null. */
    public static SamCommand of(int cmd, int para) {
        for (SamCommand c : values()) {
            if (c.cmd == cmd && c.para == para) {
                return c;
            }
        }
        return null;
    }
}
