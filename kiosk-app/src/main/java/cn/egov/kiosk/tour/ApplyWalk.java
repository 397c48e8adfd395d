package cn.egov.kiosk.tour;

import cn.egov.kiosk.platform.api.Catalogue;
import cn.egov.kiosk.ui.Msg;
import cn.egov.kiosk.ui.apply.ApplyViewModel;
import cn.egov.kiosk.ui.form.FormViewModel;
import java.util.List;
import javafx.scene.AccessibleRole;

/**
 * 自助申办 as a citizen does it: the items doable here, the first one's page, 立即申办, the ID card,
 * the card's data checked, the form completed on the kiosk's keyboards (what the card gave left as
 * it is; a choice tapped; a phone, a date, a number, an ID number or a name typed key by key), read
 * back, submitted, and the acceptance receipt printed.
 */
final class ApplyWalk {
    /** Values a citizen would type, valid for their checks: another person's ID number, a credit code. */
    static final String PHONE = "13812345678";

    static final String DATE = "20261201";
    static final String OTHER_ID_NUMBER = "110101201506010029";
    static final String CREDIT_CODE = "914403001922038216";

    private ApplyWalk() {}

    /** The item with a fee the walk applies for and pays: 往来港澳通行证自助签注, 15 元 a time. */
    static final String FEE_ITEM = "110101-GA-0035";
    /** Part of its name's pinyin initials (往来港澳): the search lists it among the permits. */
    static final String FEE_ITEM_QUERY = "wlga";

    static void walk(Flows.Context c) throws Walker.Stopped {
        Walker w = c.walker();
        Flows.start(c);
        w.tapNamed(AccessibleRole.BUTTON, c.text(Msg.FEATURE_APPLY));
        w.awaitShown("guide-item-0");
        w.shot("doable-here");
        w.tap("guide-item-0");
        w.awaitShown("item-apply");
        w.shot("item");
        w.tap("item-apply");
        applyFromCard(c);
        w.step("wait for the acceptance receipt");
        w.awaitText("apply-receipt-status", "the acceptance receipt printed", t -> receiptPrinted(c));
        w.shot("done");
    }

    /**
     * An application for an item with a fee, then its fee: the item found by a search in the service
     * guide, applied for as above, the fee step (the amount, the item's fee note, the ways to pay),
     * paid on the card terminal, the payment receipt printed, and the done page saying the fee is
     * paid with the acceptance receipt printed.
     */
    static void withFee(Flows.Context c) throws Walker.Stopped {
        Walker w = c.walker();
        Flows.start(c);
        w.tap("tile-service_guide");
        w.awaitShown("guide-search-open");
        w.tap("guide-search-open");
        w.tap("guide-query");
        Keys.type(w, FEE_ITEM_QUERY);
        w.step("wait for the search results");
        w.awaitShown("guide-hit-0");
        int at = w.onFx(() -> {
            List<Catalogue.Item> hits = c.ui().guide().orElseThrow().hits();
            for (int i = 0; i < hits.size(); i++) {
                if (hits.get(i).id().equals(FEE_ITEM)) {
                    return i;
                }
            }
            return -1;
        });
        if (at < 0) {
            throw new Walker.Stopped(w.step(), "the search for " + FEE_ITEM_QUERY + " did not list " + FEE_ITEM);
        }
        w.shot("search");
        w.tap("guide-hit-" + at);
        w.awaitShown("item-apply");
        w.shot("item");
        w.tap("item-apply");
        applyFromCard(c);
        w.step("the fee step after the application");
        w.awaitShown("pay-way-card");
        w.shot("fee");
        w.tap("pay-way-card");
        w.step("the card on the terminal");
        w.awaitAnyShown("pay-card-instruction", "pay-paid-title");
        if (w.isShown("pay-card-instruction")) {
            w.shot("card");
        }
        PaymentWalk.paid(c);
        w.tap("pay-paid-done");
        w.step("the done page: the fee paid");
        w.awaitText("apply-fee-text", "the fee said paid", t -> feePaid(c) && !t.isBlank());
        w.step("wait for the acceptance receipt");
        w.awaitText("apply-receipt-status", "the acceptance receipt printed", t -> receiptPrinted(c));
        w.shot("done");
    }

    private static boolean feePaid(Flows.Context c) {
        return c.ui().apply()
                .map(a -> a.feeStateProperty().get() == ApplyViewModel.FeeState.PAID)
                .orElse(false);
    }

    /** From the ID card step to the application in: the card checked, the form completed, read back, submitted. */
    private static void applyFromCard(Flows.Context c) throws Walker.Stopped {
        Walker w = c.walker();
        Flows.identify(c, "apply-check-ok");
        w.awaitShown("apply-check-ok");
        w.shot("check");
        w.tap("apply-check-ok");
        w.awaitShown("form-next");
        w.shot("form");
        fill(c, w);
        w.shot("form-filled");
        w.tap("form-next");
        w.awaitShown("apply-submit");
        w.shot("confirm");
        w.tap("apply-submit");
        w.step("wait for the application to be in");
        w.awaitAnyShown("apply-done-text", "apply-fee-banner");
    }

    private static boolean receiptPrinted(Flows.Context c) {
        return c.ui().apply()
                .map(a -> a.receiptProperty().get() == ApplyViewModel.ReceiptState.PRINTED)
                .orElse(false);
    }

    /** Every required field that is still empty, as a citizen completes it. */
    private static void fill(Flows.Context c, Walker w) throws Walker.Stopped {
        record Todo(String id, Catalogue.FieldType type, boolean choice) {}
        List<Todo> todo = w.onFx(() -> c.ui().apply().orElseThrow().form().fields().stream()
                .filter(m -> !m.locked()
                        && m.field().required()
                        && m.textProperty().get().isBlank())
                .map(m -> new Todo(m.id(), m.field().type(), m.isChoice()))
                .toList());
        boolean shown = false;
        for (Todo t : todo) {
            w.step("fill in " + t.id());
            if (t.choice()) {
                w.tap(FormViewModel.choiceId(t.id(), 0));
                continue;
            }
            w.tap("form-field-" + t.id());
            switch (t.type()) {
                case PHONE -> Keys.type(w, PHONE);
                case DATE -> Keys.type(w, DATE);
                case NUMBER -> Keys.type(w, "2");
                case ID_NUMBER -> Keys.type(w, OTHER_ID_NUMBER);
                case CREDIT_CODE -> Keys.type(w, CREDIT_CODE);
                case NAME -> {
                    Keys.chinese(w, "zhang");
                    Keys.chinese(w, "wei");
                }
                case ADDRESS -> {
                    Keys.chinese(w, "beijing");
                    Keys.chinese(w, "dongcheng");
                }
                case TEXT, CHOICE -> Keys.chinese(w, "ceshi");
            }
            if (!shown) { // the keyboard as the citizen sees it, once
                w.shot("keyboard");
                shown = true;
            }
            w.tapAny("key-done");
        }
    }
}
