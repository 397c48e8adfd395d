package cn.egov.kiosk.device.printer.cups;

import cn.egov.kiosk.device.api.CommonCode;
import cn.egov.kiosk.device.api.DeviceException;
import cn.egov.kiosk.device.api.DeviceStatistics;
import cn.egov.kiosk.device.api.ErrorCode;
import cn.egov.kiosk.device.printer.DocumentJob;
import cn.egov.kiosk.device.printer.PrintFailedException;
import cn.egov.kiosk.device.printer.PrinterCode;
import java.net.ConnectException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;

/**
 * One job's run through CUPS: refused when the queue cannot print now (a test page only for a
 * stopped or rejecting queue), handed to CUPS with the media and copies asked for (refused before
 * anything is sent when the queue does not offer the media), checked for what CUPS took, and
 * followed until it is completed. A failure once the job may have started cancels it in CUPS
 * first, so that a voided licence never comes out later. {@link CupsDocumentPrinter} makes one for
 * each job and runs it once, inside the job's operation; the queue's state seen meanwhile goes to
 * the printer.
 */
final class CupsJobRun {
    /** How often a running job and the queue are asked about. */
    private static final Duration FOLLOW_INTERVAL = Duration.ofMillis(250);

    private final CupsDocumentPrinter printer;
    private final CupsClient cups;
    private final Logger log;
    private final String queue;
    private final Duration jobTimeout;
    private final DocumentJob job;
    private final boolean testPage;
    private final long deadline;
    private String jobId;

    /**
     * @param log the printer's log
     * @param deadline the {@link System#nanoTime} by which the job must be completed
     */
    CupsJobRun(
            CupsDocumentPrinter printer,
            CupsClient cups,
            Logger log,
            Duration jobTimeout,
            DocumentJob job,
            boolean testPage,
            long deadline) {
        this.printer = printer;
        this.cups = cups;
        this.log = log;
        this.queue = printer.queue();
        this.jobTimeout = jobTimeout;
        this.job = job;
        this.testPage = testPage;
        this.deadline = deadline;
    }

    /** A job name CUPS takes as it is: no control characters, at most 100 characters. */
    static String printable(String name) {
        String cleaned = name.codePoints()
                .map(c -> Character.isISOControl(c) ? ' ' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                .toString()
                .strip();
        return cleaned.length() > 100 ? cleaned.substring(0, 100) : cleaned;
    }

    /** The job's id in the kiosk's logs and events ({@code QUEUE-N}), once CUPS has taken it. */
    String jobId() {
        return jobId;
    }

    /**
     * Checks the queue, submits the job and follows it to its end.
     *
     * @return CUPS's last answer about the job, which is completed
     * @throws PrintFailedException when the job was refused or failed
     */
    CupsJob run() throws DeviceException {
        // the queue must be able to print now
        CupsQueueState before = printer.fetchState();
        printer.applyState(before, false);
        Optional<CupsQueueState.Problem> problem = (testPage ? before.queueProblems(false) : before.problems(false))
                .stream().findFirst();
        if (problem.isPresent()) {
            log.warn("Licence printer {}: job {} refused: {}", printer.id(), job, before.describe());
            throw refused(problem.get(), before);
        }

        CupsJob submitted = submit();
        printer.statistics().add(DeviceStatistics.BYTES_WRITTEN, job.pdf().length);

        jobId = queue + "-" + submitted.id();
        log.info("Licence printer {}: {} is CUPS job {}", printer.id(), job, jobId);
        CupsJob taken;
        try {
            taken = cups.job(queue, submitted.id());
        } catch (IppException e) {
            throw lostDuringJob(e, "asking about job " + jobId);
        }
        checkSubmitted(taken);
        return follow(submitted.id());
    }

    /** Hands the job to CUPS over IPP, with the media it must be printed on. */
    private CupsJob submit() throws DeviceException {
        String media = CupsMedia.mediaKeyword(job.media());
        List<String> offered;
        try {
            offered = cups.mediaSupported(queue);
        } catch (IppException e) {
            throw lostBeforeJob(e);
        }
        if (!CupsMedia.offers(offered, job.media())) {
            throw new PrintFailedException(
                    ErrorCode.HARDWARE_ERROR,
                    PrinterCode.MEDIA_NOT_SUPPORTED,
                    "queue " + queue + " does not offer " + job.media() + " paper (it offers " + offered + ")",
                    false,
                    null);
        }
        try {
            // the document may take longer to hand over than a status question: the job's own time
            return cups.printJob(
                    queue,
                    printable(job.name()),
                    media,
                    job.copies(),
                    job.pdf(),
                    Duration.ofNanos(Math.max(deadline - System.nanoTime(), 1_000_000_000L)));
        } catch (IppStatusException e) {
            // CUPS refused the job, so it has none: say why if the queue knows
            CupsQueueState now = printer.fetchState();
            printer.applyState(now, false);
            Optional<CupsQueueState.Problem> p = now.firstProblem(false);
            if (p.isPresent()) {
                throw refused(p.get(), now);
            }
            log.warn("Licence printer {}: job {} refused by CUPS: {}", printer.id(), job, e.getMessage());
            throw new PrintFailedException(
                    ErrorCode.HARDWARE_ERROR,
                    PrinterCode.SPOOL_FAILED,
                    "queue " + queue + ": CUPS refused the job: " + e.getMessage(),
                    false,
                    e);
        } catch (IppException e) {
            if (e.getCause() instanceof ConnectException) {
                throw lostBeforeJob(e); // no connection: nothing was sent, nothing can come out
            }
            // sent, and no answer: CUPS may have taken the job, which nobody can find now, so it may have started
            throw lostDuringJob(e, "submitting " + job);
        }
    }

    /**
     * Fails (and cancels) a job that CUPS took without the media or copies asked for: a queue whose
     * driver does not know the size would print it on its default paper.
     */
    private void checkSubmitted(CupsJob j) throws DeviceException {
        String why = null;
        PrinterCode code = PrinterCode.MEDIA_NOT_SET;
        if (j.media().isEmpty()) {
            why = "CUPS got no media for it (it would print on the queue's default paper)";
        } else if (!CupsMedia.mediaMatches(job.media(), j.media().get())) {
            why = "CUPS got media " + j.media().get() + " instead of " + job.media();
        } else if (j.copies().isPresent() && j.copies().getAsInt() != job.copies()) {
            why = "CUPS got " + j.copies().getAsInt() + " copies instead of " + job.copies();
            code = PrinterCode.COPIES_NOT_SET;
        }
        if (why != null) {
            if (!j.ended()) {
                cancel(j.id());
            }
            log.warn("Licence printer {}: job {} cancelled: {}", printer.id(), jobId, why);
            throw new PrintFailedException(ErrorCode.HARDWARE_ERROR, code, "job " + jobId + ": " + why, true, null);
        }
    }

    /**
     * Asks about the job and the queue every {@link #FOLLOW_INTERVAL} until the job is completed.
     * Canceled, aborted, a problem of the printer, or the deadline end it as failed; a job still
     * running then is cancelled first.
     */
    private CupsJob follow(int cupsId) throws DeviceException {
        CupsJob j;
        while (true) {
            try {
                j = cups.job(queue, cupsId);
            } catch (IppStatusException e) {
                throw new PrintFailedException(
                        ErrorCode.HARDWARE_ERROR,
                        PrinterCode.JOB_VANISHED,
                        "job " + jobId + " is no longer known to CUPS: " + e.getMessage(),
                        true,
                        e);
            } catch (IppException e) {
                throw lostDuringJob(e, "following job " + jobId);
            }
            switch (j.state()) {
                case CupsJob.COMPLETED:
                    return j;
                case CupsJob.CANCELED:
                    log.warn("Licence printer {}: job {} was cancelled in CUPS: {}", printer.id(), jobId, j.describe());
                    throw new PrintFailedException(
                            ErrorCode.CANCELLED,
                            PrinterCode.JOB_CANCELED,
                            "job " + jobId + " was cancelled: " + j.describe(),
                            true,
                            null);
                case CupsJob.ABORTED:
                    log.warn("Licence printer {}: job {} was aborted by CUPS: {}", printer.id(), jobId, j.describe());
                    throw new PrintFailedException(
                            ErrorCode.HARDWARE_ERROR,
                            PrinterCode.JOB_ABORTED,
                            "job " + jobId + " was aborted: " + j.describe(),
                            true,
                            null);
                default:
                    break;
            }
            CupsQueueState state = fetchStateDuringJob();
            printer.applyState(state, true);
            Optional<CupsQueueState.Problem> problem = (testPage ? state.queueProblems(true) : state.problems(true))
                    .stream().findFirst();
            if (problem.isPresent()) {
                cancel(cupsId);
                CupsQueueState.Problem p = problem.get();
                log.warn(
                        "Licence printer {}: job {} cancelled, {}: {}",
                        printer.id(),
                        jobId,
                        p.text(),
                        state.describe());
                throw new PrintFailedException(
                        p.code(),
                        p.extended(),
                        "job " + jobId + " failed, " + p.text() + " (" + state.describe() + "; job " + j.describe()
                                + ")",
                        true,
                        null);
            }
            if (System.nanoTime() > deadline) {
                cancel(cupsId);
                log.warn(
                        "Licence printer {}: job {} cancelled, not completed within {} ms: {}",
                        printer.id(),
                        jobId,
                        jobTimeout.toMillis(),
                        j.describe());
                throw new PrintFailedException(
                        ErrorCode.TIMEOUT,
                        PrinterCode.JOB_TIMEOUT,
                        "job " + jobId + " not completed within " + jobTimeout.toMillis() + " ms (" + j.describe()
                                + "); cancelled",
                        true,
                        null);
            }
            pause(FOLLOW_INTERVAL, cupsId);
        }
    }

    /** The queue's state while the job runs: a failure to ask fails the job. */
    private CupsQueueState fetchStateDuringJob() throws DeviceException {
        try {
            return cups.queueState(queue);
        } catch (IppException e) {
            throw lostDuringJob(e, "asking about queue " + queue);
        }
    }

    /** A job refused before anything was sent, for a problem the queue reports. */
    private PrintFailedException refused(CupsQueueState.Problem problem, CupsQueueState state) {
        return new PrintFailedException(
                problem.code(),
                problem.extended(),
                "licence printer " + printer.id() + " cannot print, " + problem.text() + " (queue " + queue + ": "
                        + state.describe() + ")",
                false,
                null);
    }

    /** CUPS cannot be asked before anything was sent: nothing can have come out. */
    private PrintFailedException lostBeforeJob(IppException e) {
        DeviceException failure = printer.queueFailure(e);
        printer.goOfflineIfOpen(failure);
        return new PrintFailedException(
                failure.code(), failure.extended().orElse(null), failure.getMessage(), false, e);
    }

    private PrintFailedException lostDuringJob(IppException e, String doing) {
        DeviceException failure = printer.queueFailure(e);
        printer.goOfflineIfOpen(failure);
        return new PrintFailedException(
                failure.code(),
                failure.extended().orElse(null),
                "while " + doing + ": " + failure.getMessage(),
                true,
                e);
    }

    private void cancel(int cupsId) {
        try {
            cups.cancel(queue, cupsId);
            log.info("Licence printer {}: job {} cancelled in CUPS", printer.id(), jobId);
        } catch (IppStatusException e) {
            log.info(
                    "Licence printer {}: job {} could not be cancelled (ended already?): {}",
                    printer.id(),
                    jobId,
                    e.getMessage());
        } catch (IppException e) {
            log.warn("Licence printer {}: job {} could not be cancelled: {}", printer.id(), jobId, e.getMessage());
        }
    }

    private void pause(Duration d, int cupsId) throws DeviceException {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            cancel(cupsId);
            throw new PrintFailedException(
                    ErrorCode.CANCELLED,
                    CommonCode.INTERRUPTED,
                    "waiting for the licence printer was interrupted",
                    true,
                    e);
        }
    }
}
