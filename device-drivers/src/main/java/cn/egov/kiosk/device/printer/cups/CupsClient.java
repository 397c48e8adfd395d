package cn.egov.kiosk.device.printer.cups;

import static cn.egov.kiosk.device.printer.cups.IppMessage.INTEGER;
import static cn.egov.kiosk.device.printer.cups.IppMessage.JOB_ATTRIBUTES;
import static cn.egov.kiosk.device.printer.cups.IppMessage.KEYWORD;
import static cn.egov.kiosk.device.printer.cups.IppMessage.MIME_MEDIA_TYPE;
import static cn.egov.kiosk.device.printer.cups.IppMessage.NAME;
import static cn.egov.kiosk.device.printer.cups.IppMessage.OPERATION_ATTRIBUTES;
import static cn.egov.kiosk.device.printer.cups.IppMessage.PRINTER_ATTRIBUTES;
import static cn.egov.kiosk.device.printer.cups.IppMessage.URI;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.Proxy;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The few IPP operations the driver needs, posted over HTTP to the CUPS server: Print-Job (the
 * document in the request itself: no spool file of the kiosk's, and the job id in the answer),
 * Get-Printer-Attributes (the queue's state, the media it takes), Get-Job-Attributes (following a
 * job), Cancel-Job.
 * Requests name the process's user as {@code requesting-user-name}: CUPS then shows that user's own
 * jobs with their private values (the job name) and lets them cancel them, as it does for {@code
 * lpstat} and {@code cancel}. Thread-safe; every call is one short HTTP exchange.
 */
final class CupsClient {
    private static final int MAX_RESPONSE = 4 << 20;
    private static final String[] QUEUE_ATTRIBUTES = {
        "printer-state", "printer-state-reasons", "printer-state-message", "printer-is-accepting-jobs"
    };
    private static final String[] JOB_ATTRIBUTE_NAMES = {
        "job-id",
        "job-name",
        "job-state",
        "job-state-reasons",
        "job-printer-state-message",
        "media",
        "copies",
        "job-preserved"
    };

    private final CupsServer server;
    private final Duration timeout;
    private final String user;
    private final AtomicInteger requestIds = new AtomicInteger();

    CupsClient(CupsServer server, Duration timeout, String user) {
        this.server = server;
        this.timeout = timeout;
        this.user = user;
    }

    CupsServer server() {
        return server;
    }

    /**
     * The queue's state.
     *
     * @throws IppStatusException {@link IppStatusException#NOT_FOUND} when there is no such queue
     * @throws IppException when the server cannot be reached or answers badly
     */
    CupsQueueState queueState(String queue) throws IppException {
        IppMessage.Group printer = printerAttributes(queue, QUEUE_ATTRIBUTES);
        int state = printer.find("printer-state").map(a -> intOf(a.first())).orElse(0);
        boolean accepting = printer.find("printer-is-accepting-jobs")
                .map(a -> Boolean.TRUE.equals(a.first()))
                .orElse(false);
        List<String> reasons = printer.find("printer-state-reasons")
                .map(IppMessage.Attribute::strings)
                .orElse(List.of());
        String message = printer.find("printer-state-message")
                .map(a -> String.valueOf(a.first()))
                .orElse("");
        return new CupsQueueState(state, accepting, reasons, message);
    }

    /** The media the queue takes ({@code media-supported}: PWG names such as {@code iso_a4_210x297mm}). */
    List<String> mediaSupported(String queue) throws IppException {
        return printerAttributes(queue, "media-supported")
                .find("media-supported")
                .map(IppMessage.Attribute::strings)
                .orElse(List.of());
    }

    /** Get-Printer-Attributes for some attributes of a queue. */
    private IppMessage.Group printerAttributes(String queue, String... names) throws IppException {
        IppMessage response = exchange(
                "/printers/" + queue,
                IppMessage.request(IppMessage.GET_PRINTER_ATTRIBUTES, requestIds.incrementAndGet())
                        .add(OPERATION_ATTRIBUTES, URI, "printer-uri", server.printerUri(queue))
                        .add(OPERATION_ATTRIBUTES, NAME, "requesting-user-name", user)
                        .add(OPERATION_ATTRIBUTES, KEYWORD, "requested-attributes", (Object[]) names)
                        .build());
        return response.groups(PRINTER_ATTRIBUTES).stream()
                .findFirst()
                .orElseThrow(() -> new IppException("CUPS sent no printer attributes for " + queue));
    }

    /**
     * Submits a PDF with Print-Job: the document travels in the request, so nothing of it is written
     * to a file on the kiosk's side, and CUPS answers with the job's id. The media, copies,
     * portrait orientation and no banner page are set explicitly. The request's bytes (which hold the
     * document) are overwritten once sent.
     *
     * @return the job CUPS made
     */
    CupsJob printJob(String queue, String jobName, String media, int copies, byte[] pdf, Duration timeout)
            throws IppException {
        IppMessage request = IppMessage.request(IppMessage.PRINT_JOB, requestIds.incrementAndGet())
                .add(OPERATION_ATTRIBUTES, URI, "printer-uri", server.printerUri(queue))
                .add(OPERATION_ATTRIBUTES, NAME, "requesting-user-name", user)
                .add(OPERATION_ATTRIBUTES, NAME, "job-name", jobName)
                .add(OPERATION_ATTRIBUTES, MIME_MEDIA_TYPE, "document-format", "application/pdf")
                .add(JOB_ATTRIBUTES, KEYWORD, "media", media)
                .add(JOB_ATTRIBUTES, INTEGER, "copies", copies)
                .add(JOB_ATTRIBUTES, IppMessage.ENUM, "orientation-requested", 3) // portrait
                .add(JOB_ATTRIBUTES, KEYWORD, "job-sheets", "none")
                .build();
        IppMessage response = exchange("/printers/" + queue, request, pdf, timeout);
        IppMessage.Group job = response.groups(JOB_ATTRIBUTES).stream()
                .findFirst()
                .orElseThrow(() -> new IppException("CUPS sent no job attributes for the job it took"));
        CupsJob taken = jobOf(job);
        if (taken.id() <= 0) {
            throw new IppException("CUPS took the job but sent no job-id");
        }
        return taken;
    }

    /** One job's state. */
    CupsJob job(String queue, int jobId) throws IppException {
        IppMessage response = exchange(
                "/jobs/",
                IppMessage.request(IppMessage.GET_JOB_ATTRIBUTES, requestIds.incrementAndGet())
                        .add(OPERATION_ATTRIBUTES, URI, "printer-uri", server.printerUri(queue))
                        .add(OPERATION_ATTRIBUTES, INTEGER, "job-id", jobId)
                        .add(OPERATION_ATTRIBUTES, NAME, "requesting-user-name", user)
                        .add(OPERATION_ATTRIBUTES, KEYWORD, "requested-attributes", (Object[]) JOB_ATTRIBUTE_NAMES)
                        .build());
        return response.groups(JOB_ATTRIBUTES).stream()
                .findFirst()
                .map(CupsClient::jobOf)
                .orElseThrow(() -> new IppException("CUPS sent no attributes for job " + jobId));
    }

    /** Cancels a job of this user's. */
    void cancel(String queue, int jobId) throws IppException {
        exchange(
                "/jobs/",
                IppMessage.request(IppMessage.CANCEL_JOB, requestIds.incrementAndGet())
                        .add(OPERATION_ATTRIBUTES, URI, "printer-uri", server.printerUri(queue))
                        .add(OPERATION_ATTRIBUTES, INTEGER, "job-id", jobId)
                        .add(OPERATION_ATTRIBUTES, NAME, "requesting-user-name", user)
                        .build());
    }

    private static CupsJob jobOf(IppMessage.Group g) {
        return new CupsJob(
                g.find("job-id").map(a -> intOf(a.first())).orElse(0),
                g.find("job-name").map(a -> String.valueOf(a.first())).orElse(""),
                g.find("job-state").map(a -> intOf(a.first())).orElse(0),
                g.find("job-state-reasons").map(IppMessage.Attribute::strings).orElse(List.of()),
                g.find("job-printer-state-message")
                        .map(a -> String.valueOf(a.first()))
                        .orElse(""),
                g.find("media").filter(a -> a.first() instanceof String).map(a -> (String) a.first()),
                g.find("copies")
                        .filter(a -> a.first() instanceof Integer)
                        .map(a -> OptionalInt.of((Integer) a.first()))
                        .orElse(OptionalInt.empty()),
                g.find("job-preserved").map(a -> Boolean.TRUE.equals(a.first())).orElse(false));
    }

    private static int intOf(Object value) {
        return value instanceof Integer i ? i : 0;
    }

    /**
     * Posts one request and decodes the answer.
     *
     * @throws IppStatusException when CUPS answers with an error status
     * @throws IppException when it cannot be reached, refuses over HTTP or answers badly
     */
    IppMessage exchange(String path, IppMessage request) throws IppException {
        return exchange(path, request, null, timeout);
    }

    /** As {@link #exchange(String, IppMessage)}, with a document after the attributes; the request's bytes are overwritten once sent. */
    private IppMessage exchange(String path, IppMessage request, byte[] document, Duration within) throws IppException {
        byte[] attributes = request.encode();
        byte[] body = attributes;
        if (document != null) {
            body = Arrays.copyOf(attributes, attributes.length + document.length);
            System.arraycopy(document, 0, body, attributes.length, document.length);
        }
        try {
            return post(path, request, body, within);
        } finally {
            if (document != null) {
                Arrays.fill(body, (byte) 0);
            }
        }
    }

    private IppMessage post(String path, IppMessage request, byte[] body, Duration within) throws IppException {
        HttpURLConnection c = null;
        try {
            c = (HttpURLConnection)
                    java.net.URI.create(server.httpBase() + path).toURL().openConnection(Proxy.NO_PROXY);
            c.setConnectTimeout((int) Math.min(within.toMillis(), timeout.toMillis()));
            c.setReadTimeout((int) within.toMillis());
            c.setRequestMethod("POST");
            c.setDoOutput(true);
            c.setUseCaches(false);
            c.setRequestProperty("Content-Type", "application/ipp");
            c.setFixedLengthStreamingMode(body.length);
            try (OutputStream out = c.getOutputStream()) {
                out.write(body);
            }
            int http = c.getResponseCode();
            if (http != HttpURLConnection.HTTP_OK) {
                drain(c.getErrorStream());
                throw new IppException("CUPS at " + server + " answered HTTP " + http + " to " + path
                        + (http == HttpURLConnection.HTTP_UNAUTHORIZED ? " (not allowed for user " + user + ")" : ""));
            }
            byte[] answer;
            try (InputStream in = c.getInputStream()) {
                answer = in.readNBytes(MAX_RESPONSE);
            }
            IppMessage response = IppMessage.decode(answer);
            if (response.requestId() != request.requestId()) {
                throw new IppException(
                        "CUPS answered request " + response.requestId() + " to request " + request.requestId());
            }
            if (!response.successful()) {
                String message = response.statusMessage();
                throw new IppStatusException(
                        response.code(),
                        String.format(
                                "CUPS refused: 0x%04X%s", response.code(), message.isEmpty() ? "" : " " + message));
            }
            return response;
        } catch (IppException e) {
            throw e;
        } catch (IOException e) {
            if (c != null) {
                c.disconnect();
            }
            throw new IppException("CUPS at " + server + " cannot be reached: " + e, e);
        }
    }

    private static void drain(InputStream in) {
        if (in == null) {
            return;
        }
        try (in) {
            in.readNBytes(64 * 1024);
        } catch (IOException e) {
            // the status says it all
        }
    }
}
