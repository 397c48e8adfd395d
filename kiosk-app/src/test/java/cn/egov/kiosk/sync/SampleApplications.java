package cn.egov.kiosk.sync;

import cn.egov.kiosk.platform.api.Json;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * An application the platform simulator takes, for the tests that send applications: 户籍证明开具,
 * whose kiosk form is a name, an ID number, a purpose, a note and a phone (the simulator refuses
 * an item without a form, and a form that does not pass its checks).
 */
public final class SampleApplications {
    /** 户籍证明开具 in the simulator's catalogue. */
    public static final String ITEM = "110101-GA-0019";

    private SampleApplications() {}

    /** The form of {@link #ITEM} for the test card's holder, {@code note} in the free-text field. */
    public static ObjectNode form(String note) {
        return Json.mapper()
                .createObjectNode()
                .put("name", "王小明")
                .put("idNumber", "11010519491231002X")
                .put("purpose", "5")
                .put("purposeNote", note)
                .put("phone", "13800138000");
    }
}
