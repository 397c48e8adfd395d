package cn.egov.kiosk.tour;

import cn.egov.kiosk.device.api.DeviceClass;
import cn.egov.kiosk.platform.embedded.EmbeddedPlatform;
import cn.egov.kiosk.sync.PlatformServices;
import cn.egov.kiosk.ui.Msg;
import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.NotFoundException;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.scene.AccessibleRole;

/**
 * 社保缴费 as citizens do it. By card: the residence permit's holder (the demo's 陈大文) owes the
 * pension scheme's year, chooses a grade, pays on the bank-card terminal (the simulated terminal
 * presents a card by itself), and takes the payment receipt. By QR code: the resident card's
 * holder (王小明) owes the medical scheme's year at its fixed amount, chooses 扫码支付, and the walk
 * plays the citizen's phone: it reads the QR code off the screen's pixels and pays it in the
 * embedded platform's wallet over HTTP, as a phone's wallet app would; the kiosk sees the order paid
 * and prints the receipt.
 */
final class PaymentWalk {
    private PaymentWalk() {}

    static void byCard(Flows.Context c) throws Walker.Stopped {
        Walker w = c.walker();
        Flows.start(c);
        w.tapNamed(AccessibleRole.BUTTON, c.text(Msg.FEATURE_INSURANCE));
        w.step("the ID card step: the residence permit on the reader");
        w.awaitShown("id-login-demo-card");
        w.shot("id-card");
        insertCard(c, "permit");
        w.awaitShown("id-login-continue");
        w.shot("id-card-read");
        w.tapNamed(AccessibleRole.BUTTON, c.text(Msg.LOGIN_CONTINUE));
        w.step("wait for the citizen's dues");
        w.awaitShown("insurance-row-0");
        w.shot("dues");
        w.tap("insurance-row-0");
        w.step("the pension's grades");
        w.awaitShown("insurance-grade-0");
        w.shot("grades");
        w.tap(w.isShown("insurance-grade-1") ? "insurance-grade-1" : "insurance-grade-0");
        w.awaitShown("pay-way-card");
        w.shot("ways");
        w.tap("pay-way-card");
        w.step("the card on the terminal");
        w.awaitAnyShown("pay-card-instruction", "pay-paid-title");
        if (w.isShown("pay-card-instruction")) {
            w.shot("card");
        }
        paid(c);
    }

    static void byQr(Flows.Context c) throws Walker.Stopped {
        Walker w = c.walker();
        Flows.start(c);
        w.tapNamed(AccessibleRole.BUTTON, c.text(Msg.FEATURE_INSURANCE));
        Flows.identify(c, "insurance-row-0");
        w.step("wait for the citizen's dues");
        w.awaitShown("insurance-row-0");
        w.shot("dues");
        w.tap("insurance-row-0");
        w.awaitShown("pay-way-qr");
        w.shot("ways");
        w.tap("pay-way-qr");
        w.step("wait for the order's QR code");
        w.awaitShown("pay-qr-code");
        w.awaitText("pay-qr-countdown", "the countdown", t -> !t.isBlank());
        w.shot("qr");
        String content = readQr(w);
        w.step("the phone pays the code it read");
        payWithPhone(c, content);
        paid(c);
    }

    /** The outcome page, and the receipt printed. */
    static void paid(Flows.Context c) throws Walker.Stopped {
        Walker w = c.walker();
        w.step("wait for the payment's outcome");
        String shown = w.awaitAnyShown(
                "pay-paid-title",
                "pay-declined",
                "pay-cancelled",
                "pay-in-doubt",
                "pay-already-paid",
                "pay-already-paying",
                "pay-failed");
        if (!shown.equals("pay-paid-title")) {
            w.shot("not-paid");
            throw new Walker.Stopped(w.step(), "the payment ended #" + shown + ", not paid");
        }
        w.step("wait for the payment receipt");
        w.awaitText("pay-receipt", "the payment receipt printed", t -> t.equals(c.text(Msg.PAY_RECEIPT_PRINTED)));
        w.shot("paid");
    }

    /** Places a demo card of this kind on the kiosk's simulated ID card reader. */
    private static void insertCard(Flows.Context c, String kind) throws Walker.Stopped {
        c.walker().step("place the demo " + kind + " card");
        var reader = c.runtime()
                .devices()
                .health()
                .first(DeviceClass.ID_CARD_READER)
                .flatMap(h -> c.runtime().simulators().find(h.id()));
        if (reader.isEmpty()) {
            throw new Walker.Stopped(c.walker().step(), "the kiosk has no simulated ID card reader");
        }
        reader.get().apply("insert-card", kind);
    }

    /** What the QR code on screen holds, read from its pixels as a phone's camera would. */
    private static String readQr(Walker w) throws Walker.Stopped {
        w.step("read the QR code off the screen");
        BufferedImage image = w.picture("pay-qr-frame"); // the code with its white margin, as far as it is in sight
        int[] px = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
        BinaryBitmap bitmap =
                new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(image.getWidth(), image.getHeight(), px)));
        Map<DecodeHintType, Object> hints = new EnumMap<>(DecodeHintType.class);
        hints.put(DecodeHintType.POSSIBLE_FORMATS, List.of(BarcodeFormat.QR_CODE));
        hints.put(DecodeHintType.TRY_HARDER, Boolean.TRUE);
        try {
            return new MultiFormatReader().decode(bitmap, hints).getText();
        } catch (NotFoundException e) {
            throw new Walker.Stopped(w.step(), "no QR code could be read off the screen");
        }
    }

    /** The citizen's wallet app pays the code it read: the embedded platform's wallet, over HTTP. */
    private static void payWithPhone(Flows.Context c, String qrContent) throws Walker.Stopped {
        Walker w = c.walker();
        Optional<EmbeddedPlatform> platform = c.runtime().platform().flatMap(PlatformServices::embedded);
        if (platform.isEmpty()) {
            throw new Walker.Stopped(w.step(), "the kiosk has no embedded platform whose wallet could pay");
        }
        String body =
                "{\"qrCode\":\"" + qrContent.replace("\\", "\\\\").replace("\"", "\\\"") + "\",\"wallet\":\"WECHAT\"}";
        HttpRequest request = HttpRequest.newBuilder(URI.create(platform.get().url() + "/sim/wallet/scan"))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
        try {
            HttpResponse<String> answer =
                    HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 200 || !answer.body().contains("PAID")) {
                throw new Walker.Stopped(
                        w.step(), "the wallet did not pay the code: HTTP " + answer.statusCode() + " " + answer.body());
            }
        } catch (IOException e) {
            throw new Walker.Stopped(w.step(), "the wallet could not be reached: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Walker.Stopped(w.step(), "interrupted while the phone paid");
        }
    }
}
