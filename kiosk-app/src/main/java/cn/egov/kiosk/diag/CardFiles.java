package cn.egov.kiosk.diag;

import cn.egov.kiosk.device.idcard.ForeignResidentIdCard;
import cn.egov.kiosk.device.idcard.IdCard;
import cn.egov.kiosk.device.idcard.IdCardType;
import cn.egov.kiosk.device.idcard.IdNumbers;
import cn.egov.kiosk.device.idcard.ResidencePermit;
import cn.egov.kiosk.device.idcard.ResidentIdCard;
import cn.egov.kiosk.device.idcard.Sex;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * Reads the cards a simulated reader plays from a JSON file: one card or a list (see {@code
 * config/cards/demo-cards.json}). Each names its {@code type} (resident, foreign-2017, foreign-2023,
 * permit) and the fields of that card; {@code photo} is optional base64. A mistake gives the card's
 * position, the field and what was expected (never the value: it may be personal data).
 */
public final class CardFiles {
    private CardFiles() {}

    /** A card file that cannot be used. */
    public static final class CardFileException extends Exception {
        private static final long serialVersionUID = 1L;

        CardFileException(String message) {
            super(message);
        }
    }

    public static List<IdCard> read(Path file) throws CardFileException {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(file.toFile());
        } catch (JsonProcessingException e) {
            throw new CardFileException(file + ": not valid JSON at line "
                    + (e.getLocation() == null ? "?" : e.getLocation().getLineNr()));
        } catch (IOException e) {
            throw new CardFileException(file + ": cannot be read (" + e.getMessage() + ")");
        }
        List<JsonNode> nodes = new ArrayList<>();
        if (root != null && root.isArray()) {
            root.forEach(nodes::add);
        } else if (root != null && root.isObject()) {
            nodes.add(root);
        } else {
            throw new CardFileException(file + ": expected a card (an object) or a list of cards");
        }
        if (nodes.isEmpty()) {
            throw new CardFileException(file + ": expected at least one card");
        }
        List<IdCard> cards = new ArrayList<>();
        for (int i = 0; i < nodes.size(); i++) {
            cards.add(card(new Fields(file + ", card " + (i + 1), nodes.get(i))));
        }
        return cards;
    }

    private static IdCard card(Fields f) throws CardFileException {
        String type = f.text("type");
        return switch (type) {
            case "resident" ->
                new ResidentIdCard(
                        f.text("name"),
                        f.sex(),
                        f.text("ethnicity"),
                        f.date("birthDate"),
                        f.text("address"),
                        f.idNumber("idNumber"),
                        f.text("issuer"),
                        f.date("validFrom"),
                        f.until(),
                        f.optional("appendedAddress"),
                        f.photo(),
                        new byte[0]);
            case "foreign-2017", "foreign-2023" ->
                new ForeignResidentIdCard(
                        type.equals("foreign-2017")
                                ? IdCardType.FOREIGN_PERMANENT_RESIDENT
                                : IdCardType.FOREIGN_PERMANENT_RESIDENT_2023,
                        f.text("englishName"),
                        f.optional("chineseName").orElse(""),
                        f.sex(),
                        f.date("birthDate"),
                        type.equals("foreign-2023") ? f.idNumber("number") : f.text("number"),
                        f.text("nationality"),
                        f.date("validFrom"),
                        f.until(),
                        f.optional("cardVersion").orElse("01"),
                        f.optional("authorityCode").orElse(""),
                        f.photo());
            case "permit" ->
                new ResidencePermit(
                        f.text("name"),
                        f.sex(),
                        f.date("birthDate"),
                        f.text("address"),
                        f.idNumber("idNumber"),
                        f.text("issuer"),
                        f.date("validFrom"),
                        f.until(),
                        f.text("passNumber"),
                        f.integer("issueCount"),
                        f.photo());
            default -> throw f.problem("type", "resident, foreign-2017, foreign-2023 or permit");
        };
    }

    /** The fields of one card, with errors that say where. */
    private record Fields(String where, JsonNode node) {
        CardFileException problem(String field, String expected) {
            return new CardFileException(where + ": " + field + ": expected " + expected);
        }

        String text(String field) throws CardFileException {
            JsonNode v = node.get(field);
            if (v == null || !v.isTextual() || v.asText().isBlank()) {
                throw problem(field, "a text");
            }
            return v.asText();
        }

        Optional<String> optional(String field) throws CardFileException {
            return node.has(field) ? Optional.of(text(field)) : Optional.empty();
        }

        int integer(String field) throws CardFileException {
            JsonNode v = node.get(field);
            if (v == null || !v.canConvertToInt()) {
                throw problem(field, "a whole number");
            }
            return v.asInt();
        }

        LocalDate date(String field) throws CardFileException {
            try {
                return LocalDate.parse(text(field));
            } catch (DateTimeParseException e) {
                throw problem(field, "a date such as 1990-07-20");
            }
        }

        Optional<LocalDate> until() throws CardFileException {
            if ("长期".equals(text("validUntil"))) {
                return Optional.empty();
            }
            return Optional.of(date("validUntil"));
        }

        Sex sex() throws CardFileException {
            return switch (text("sex")) {
                case "male", "男", "1" -> Sex.MALE;
                case "female", "女", "2" -> Sex.FEMALE;
                default -> throw problem("sex", "male or female");
            };
        }

        String idNumber(String field) throws CardFileException {
            String number = text(field);
            if (!IdNumbers.valid(number)) {
                throw problem(field, "18 characters with a valid check digit (ISO 7064 MOD 11-2)");
            }
            return number;
        }

        byte[] photo() throws CardFileException {
            if (!node.has("photo")) {
                return new byte[1024];
            }
            byte[] photo;
            try {
                photo = Base64.getDecoder().decode(text("photo"));
            } catch (IllegalArgumentException e) {
                throw problem("photo", "base64");
            }
            if (photo.length > 1024) {
                throw problem("photo", "at most 1024 bytes (a card holds a 1024-byte WLT photo)");
            }
            return Arrays.copyOf(photo, 1024);
        }
    }
}
