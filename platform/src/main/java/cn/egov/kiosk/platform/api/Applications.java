package cn.egov.kiosk.platform.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/** Applications (申请) with their form data and attachments, and progress (办件进度). */
public final class Applications {
    private Applications() {}

    public enum IdType {
        RESIDENT,
        FOREIGN,
        PERMIT
    }

    public record Applicant(IdType idType, String idNumber, String name, String phone, String address) {
        @Override
        public String toString() {
            return "Applicant[" + idType + ", personal data]";
        }
    }

    /** {@code POST /v1/applications}, or the body of an {@code application.submit} batch record. */
    public record Submit(
            String applicationId,
            String itemId,
            Applicant applicant,
            JsonNode form,
            List<String> attachments,
            OffsetDateTime submittedAt) {
        @Override
        public String toString() { // the form holds what the citizen filled in: addresses, phones
            return "Submit[" + applicationId + ", item " + itemId + ", personal data]";
        }
    }

    public enum Status {
        RECEIVED,
        ACCEPTED,
        IN_REVIEW,
        APPROVED,
        REJECTED,
        COMPLETED
    }

    public record Received(String applicationId, String applicationNo, Status status, OffsetDateTime receivedAt) {}

    /** {@code POST /v1/attachments} answer. */
    public record Attachment(String attachmentId, String sha256, long size, String contentType) {}

    /**
     * {@code POST /v1/progress/search}: by the citizen's ID number, by an application number, or by
     * the query code an acceptance receipt carries (the platform's application number, or the
     * kiosk's own reference {@code KS-XXXX-XXXX-XXXX} while the platform's had not come); one of
     * the three.
     */
    public record ProgressSearch(String idNumber, String applicationNo, String queryCode) {
        @Override
        public String toString() {
            // the number or code opens the application's progress to whoever holds it: never logged
            return "ProgressSearch["
                    + (applicationNo != null
                            ? "by application number"
                            : queryCode != null ? "by query code" : "by person")
                    + "]";
        }
    }

    public record Step(String name, OffsetDateTime at, String by, String result) {}

    public record Progress(
            String applicationNo,
            String itemId,
            String itemName,
            Status status,
            OffsetDateTime submittedAt,
            LocalDate deadline,
            List<Step> steps,
            String nextStep,
            Result result) {}

    /** How the result reaches the citizen: collected at a window, or mailed. */
    public enum Delivery {
        COLLECT,
        POSTAL
    }

    /**
     * The result of an application: how it is delivered, from when it can be collected (or the day
     * it was mailed), where, and the tracking number of the mail.
     */
    public record Result(Delivery delivery, LocalDate readyOn, String place, String trackingNumber) {}

    public record ProgressList(List<Progress> applications) {}
}
