package cn.egov.kiosk.device.printer.cups;

import static cn.egov.kiosk.device.printer.cups.IppMessage.BOOLEAN;
import static cn.egov.kiosk.device.printer.cups.IppMessage.INTEGER;
import static cn.egov.kiosk.device.printer.cups.IppMessage.JOB_ATTRIBUTES;
import static cn.egov.kiosk.device.printer.cups.IppMessage.KEYWORD;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The few IPP operations the driver needs, posted over HTTP to the CUPS server: Get-Printer-
 * Attributes (the queue's state), Get-Jobs and Get-Job-Attributes (following a job), Cancel-Job.
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
    "job-id", "job-name", "job-state", "job-state-reasons", "job-printer-state-message", "media", "copies"
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
    IppMessage response =
        exchange(
            "/printers/" + queue,
            IppMessage.request(IppMessage.GET_PRINTER_ATTRIBUTES, requestIds.incrementAndGet())
                .add(OPERATION_ATTRIBUTES, URI, "printer-uri", server.printerUri(queue))
                .add(OPERATION_ATTRIBUTES, NAME, "requesting-user-name", user)
                .add(OPERATION_ATTRIBUTES, KEYWORD, "requested-attributes", (Object[]) QUEUE_ATTRIBUTES)
                .build());
    IppMessage.Group printer =
        response.groups(PRINTER_ATTRIBUTES).stream()
            .findFirst()
            .orElseThrow(() -> new IppException("CUPS sent no printer attributes for " + queue));
    int state = printer.find("printer-state").map(a -> intOf(a.first())).orElse(0);
    boolean accepting = printer.find("printer-is-accepting-jobs").map(a -> Boolean.TRUE.equals(a.first())).orElse(false);
    List<String> reasons = printer.find("printer-state-reasons").map(IppMessage.Attribute::strings).orElse(List.of());
    String message = printer.find("printer-state-message").map(a -> String.valueOf(a.first())).orElse("");
    return new CupsQueueState(state, accepting, reasons, message);
  }

  /** This user's jobs on the queue: the not completed ones, or the ended ones (newest first). */
  List<CupsJob> jobs(String queue, boolean ended) throws IppException {
    IppMessage response =
        exchange(
            "/printers/" + queue,
            IppMessage.request(IppMessage.GET_JOBS, requestIds.incrementAndGet())
                .add(OPERATION_ATTRIBUTES, URI, "printer-uri", server.printerUri(queue))
                .add(OPERATION_ATTRIBUTES, NAME, "requesting-user-name", user)
                .add(OPERATION_ATTRIBUTES, KEYWORD, "which-jobs", ended ? "completed" : "not-completed")
                .add(OPERATION_ATTRIBUTES, BOOLEAN, "my-jobs", true)
                .add(OPERATION_ATTRIBUTES, KEYWORD, "requested-attributes", (Object[]) JOB_ATTRIBUTE_NAMES)
                .build());
    List<CupsJob> jobs = new ArrayList<>();
    for (IppMessage.Group g : response.groups(JOB_ATTRIBUTES)) {
      jobs.add(jobOf(g));
    }
    return jobs;
  }

  /** One job's state. */
  CupsJob job(String queue, int jobId) throws IppException {
    IppMessage response =
        exchange(
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
        g.find("job-printer-state-message").map(a -> String.valueOf(a.first())).orElse(""),
        g.find("media").filter(a -> a.first() instanceof String).map(a -> (String) a.first()),
        g.find("copies").filter(a -> a.first() instanceof Integer).map(a -> OptionalInt.of((Integer) a.first())).orElse(OptionalInt.empty()));
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
    byte[] body = request.encode();
    HttpURLConnection c = null;
    try {
      c = (HttpURLConnection) java.net.URI.create(server.httpBase() + path).toURL().openConnection(Proxy.NO_PROXY);
      c.setConnectTimeout((int) timeout.toMillis());
      c.setReadTimeout((int) timeout.toMillis());
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
        throw new IppException("CUPS answered request " + response.requestId() + " to request " + request.requestId());
      }
      if (!response.successful()) {
        String message = response.statusMessage();
        throw new IppStatusException(
            response.code(),
            String.format("CUPS refused: 0x%04X%s", response.code(), message.isEmpty() ? "" : " " + message));
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
