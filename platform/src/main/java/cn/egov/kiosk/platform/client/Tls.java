package cn.egov.kiosk.platform.client;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Collection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import okhttp3.CertificatePinner;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

/** TLS set-up from the configuration: a CA file instead of the system's CAs, and key pins. */
final class Tls {
    private Tls() {}

    static void apply(OkHttpClient.Builder builder, PlatformConfig config) {
        config.caFile().ifPresent(ca -> trustOnly(builder, ca));
        if (!config.pins().isEmpty()) {
            HttpUrl url = HttpUrl.get(config.baseUrl());
            CertificatePinner.Builder pinner = new CertificatePinner.Builder();
            for (String pin : config.pins()) {
                pinner.add(url.host(), pin);
            }
            builder.certificatePinner(pinner.build());
        }
    }

    private static void trustOnly(OkHttpClient.Builder builder, Path caFile) {
        try (InputStream in = Files.newInputStream(caFile)) {
            Collection<? extends Certificate> certs =
                    CertificateFactory.getInstance("X.509").generateCertificates(in);
            if (certs.isEmpty()) {
                throw new IllegalArgumentException(caFile + " holds no certificate");
            }
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            int i = 0;
            for (Certificate c : certs) {
                store.setCertificateEntry("ca-" + i++, c);
            }
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(store);
            X509TrustManager tm = null;
            for (TrustManager t : tmf.getTrustManagers()) {
                if (t instanceof X509TrustManager x) {
                    tm = x;
                }
            }
            SSLContext ssl = SSLContext.getInstance("TLS");
            ssl.init(null, new TrustManager[] {tm}, null);
            builder.sslSocketFactory(ssl.getSocketFactory(), tm);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot use the platform CA file " + caFile + ": " + e.getMessage(), e);
        }
    }
}
