package cn.egov.kiosk.device.printer.cups;

import java.io.ByteArrayOutputStream;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/**
 * An IPP request or response (RFC 8010 encoding), as much of it as the CUPS driver needs: version
 * 2.0, an operation or status code, a request id, attribute groups of integers, enums, booleans
 * and strings (text and name with a language too). Collections in a response are skipped whole
 * (the driver asks for none); other value types (dates, resolutions, ranges, out-of-band values)
 * are kept as raw bytes.
 */
final class IppMessage {
    // delimiter tags (RFC 8010 section 3.5.1)
    static final int OPERATION_ATTRIBUTES = 0x01;
    static final int JOB_ATTRIBUTES = 0x02;
    static final int END_OF_ATTRIBUTES = 0x03;
    static final int PRINTER_ATTRIBUTES = 0x04;

    // value tags (RFC 8010 section 3.5.2)
    static final int INTEGER = 0x21;
    static final int BOOLEAN = 0x22;
    static final int ENUM = 0x23;
    static final int BEGIN_COLLECTION = 0x34;
    static final int END_COLLECTION = 0x37;
    static final int NAME = 0x42;
    static final int KEYWORD = 0x44;
    static final int URI = 0x45;
    static final int MIME_MEDIA_TYPE = 0x49;
    static final int CHARSET = 0x47;
    static final int NATURAL_LANGUAGE = 0x48;
    private static final int EXTENSION = 0x7F;

    // operations (RFC 8011 section 5.4.15)
    static final int PRINT_JOB = 0x0002;
    static final int CANCEL_JOB = 0x0008;
    static final int GET_JOB_ATTRIBUTES = 0x0009;
    static final int GET_JOBS = 0x000A;
    static final int GET_PRINTER_ATTRIBUTES = 0x000B;

    /** One attribute: its value tag, name and values (Integer, Boolean, String or byte[]). */
    record Attribute(int tag, String name, List<Object> values) {
        Attribute {
            values = List.copyOf(values);
        }

        Object first() {
            return values.get(0);
        }

        /** The values as text (strings as they are, others through {@code toString}). */
        List<String> strings() {
            return values.stream().map(String::valueOf).toList();
        }
    }

    /** One attribute group: its delimiter tag and attributes, in the order sent. */
    record Group(int tag, List<Attribute> attributes) {
        Group {
            attributes = List.copyOf(attributes);
        }

        Optional<Attribute> find(String name) {
            return attributes.stream().filter(a -> a.name().equals(name)).findFirst();
        }
    }

    private final int code;
    private final int requestId;
    private final List<Group> groups;

    private IppMessage(int code, int requestId, List<Group> groups) {
        this.code = code;
        this.requestId = requestId;
        this.groups = List.copyOf(groups);
    }

    /** A request with {@code attributes-charset} utf-8 and {@code attributes-natural-language} en. */
    static Builder request(int operation, int requestId) {
        return new Builder(operation, requestId)
                .add(OPERATION_ATTRIBUTES, CHARSET, "attributes-charset", "utf-8")
                .add(OPERATION_ATTRIBUTES, NATURAL_LANGUAGE, "attributes-natural-language", "en");
    }

    /** The operation of a request, the status code of a response. */
    int code() {
        return code;
    }

    int requestId() {
        return requestId;
    }

    /** Status codes 0x0000–0x00FF are successful (RFC 8011 appendix B). */
    boolean successful() {
        return code >= 0 && code <= 0xFF;
    }

    List<Group> groups() {
        return groups;
    }

    /** The groups of one kind: a Get-Jobs response has one job group per job. */
    List<Group> groups(int tag) {
        return groups.stream().filter(g -> g.tag() == tag).toList();
    }

    /** The first attribute of that name in the first group of a kind. */
    Optional<Attribute> find(int tag, String name) {
        return groups(tag).stream().flatMap(g -> g.find(name).stream()).findFirst();
    }

    /** The operation-attributes {@code status-message}, when the server sent one. */
    String statusMessage() {
        return find(OPERATION_ATTRIBUTES, "status-message")
                .map(a -> String.valueOf(a.first()))
                .orElse("");
    }

    // ---- encoding ------------------------------------------------------------------------------

    byte[] encode() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(2); // version 2.0
        out.write(0);
        writeShort(out, code);
        writeInt(out, requestId);
        for (Group g : groups) {
            out.write(g.tag());
            for (Attribute a : g.attributes()) {
                writeAttribute(out, a);
            }
        }
        out.write(END_OF_ATTRIBUTES);
        return out.toByteArray();
    }

    /** The first value carries the name; each further one has an empty name (RFC 8010 3.1.5). */
    private static void writeAttribute(ByteArrayOutputStream out, Attribute a) {
        boolean firstValue = true;
        for (Object value : a.values()) {
            out.write(a.tag());
            byte[] name = firstValue ? a.name().getBytes(StandardCharsets.UTF_8) : new byte[0];
            writeShort(out, name.length);
            out.write(name, 0, name.length);
            byte[] bytes = valueBytes(a.tag(), value);
            writeShort(out, bytes.length);
            out.write(bytes, 0, bytes.length);
            firstValue = false;
        }
    }

    private static byte[] valueBytes(int tag, Object value) {
        if (value instanceof Integer i) {
            return ByteBuffer.allocate(4).putInt(i).array();
        }
        if (value instanceof Boolean b) {
            return new byte[] {(byte) (b ? 1 : 0)};
        }
        if (value instanceof String s) {
            return s.getBytes(StandardCharsets.UTF_8);
        }
        if (value instanceof byte[] bytes) {
            return bytes;
        }
        throw new IllegalArgumentException("IPP value of tag " + tag + ": " + value.getClass());
    }

    private static void writeShort(ByteArrayOutputStream out, int v) {
        if (v > 0xFFFF) {
            throw new IllegalArgumentException("IPP field longer than 65535 bytes");
        }
        out.write((v >>> 8) & 0xFF);
        out.write(v & 0xFF);
    }

    private static void writeInt(ByteArrayOutputStream out, int v) {
        out.write((v >>> 24) & 0xFF);
        out.write((v >>> 16) & 0xFF);
        out.write((v >>> 8) & 0xFF);
        out.write(v & 0xFF);
    }

    // ---- decoding ------------------------------------------------------------------------------

    /**
     * Decodes a message. Values with the same name-less continuation become one attribute's values;
     * collections are skipped with their members.
     *
     * @throws IppException when the bytes are not a well-formed IPP message
     */
    static IppMessage decode(byte[] bytes) throws IppException {
        ByteBuffer in = ByteBuffer.wrap(bytes);
        try {
            int major = in.get() & 0xFF;
            in.get(); // minor
            if (major < 1 || major > 2) {
                throw new IppException("not an IPP message (version " + major + ")");
            }
            int code = in.getShort() & 0xFFFF;
            int requestId = in.getInt();
            List<Group> groups = new ArrayList<>();
            int groupTag = -1;
            List<Attribute> current = null;
            String name = null;
            int tag = -1;
            List<Object> values = null;
            while (true) {
                int t = in.get() & 0xFF;
                if (t < 0x10) { // a delimiter: ends the attribute and the group
                    if (values != null) {
                        current.add(new Attribute(tag, name, values));
                        values = null;
                    }
                    if (current != null) {
                        groups.add(new Group(groupTag, current));
                        current = null;
                    }
                    if (t == END_OF_ATTRIBUTES) {
                        return new IppMessage(code, requestId, groups);
                    }
                    groupTag = t;
                    current = new ArrayList<>();
                    continue;
                }
                if (t == EXTENSION) {
                    t = in.getInt();
                }
                String n = readString(in, in.getShort() & 0xFFFF);
                byte[] v = readBytes(in, in.getShort() & 0xFFFF);
                if (current == null) {
                    throw new IppException("IPP attribute " + n + " outside any group");
                }
                Object value;
                if (t == BEGIN_COLLECTION) {
                    skipCollection(in);
                    value = v; // a collection stands as its name, with no usable value
                } else {
                    value = decodeValue(t, v);
                }
                if (n.isEmpty()) {
                    if (values == null) {
                        throw new IppException("IPP additional value without an attribute");
                    }
                    values.add(value);
                } else {
                    if (values != null) {
                        current.add(new Attribute(tag, name, values));
                    }
                    name = n;
                    tag = t;
                    values = new ArrayList<>();
                    values.add(value);
                }
            }
        } catch (BufferUnderflowException e) {
            throw new IppException("truncated IPP message (" + bytes.length + " bytes)");
        }
    }

    /** Skips the members of a collection up to its matching end, nested ones included. */
    private static void skipCollection(ByteBuffer in) throws IppException {
        int depth = 1;
        while (depth > 0) {
            int t = in.get() & 0xFF;
            if (t < 0x10) {
                throw new IppException("IPP collection not closed");
            }
            if (t == EXTENSION) {
                in.getInt();
            }
            readBytes(in, in.getShort() & 0xFFFF);
            readBytes(in, in.getShort() & 0xFFFF);
            if (t == BEGIN_COLLECTION) {
                depth++;
            } else if (t == END_COLLECTION) {
                depth--;
            }
        }
    }

    private static Object decodeValue(int tag, byte[] v) {
        if ((tag == INTEGER || tag == ENUM) && v.length == 4) {
            return ByteBuffer.wrap(v).getInt();
        }
        if (tag == BOOLEAN && v.length == 1) {
            return v[0] != 0;
        }
        if (tag >= 0x40 && tag <= 0x4F) { // character-string types
            return new String(v, StandardCharsets.UTF_8);
        }
        if (tag == 0x35 || tag == 0x36) { // text/name with language: language length, language, text
            ByteBuffer b = ByteBuffer.wrap(v);
            if (v.length >= 4) {
                int langLength = b.getShort() & 0xFFFF;
                if (langLength + 4 <= v.length) {
                    b.position(2 + langLength);
                    int textLength = b.getShort() & 0xFFFF;
                    if (b.remaining() >= textLength) {
                        return new String(v, b.position(), textLength, StandardCharsets.UTF_8);
                    }
                }
            }
        }
        return v;
    }

    private static String readString(ByteBuffer in, int length) {
        return new String(readBytes(in, length), StandardCharsets.UTF_8);
    }

    private static byte[] readBytes(ByteBuffer in, int length) {
        byte[] b = new byte[length];
        in.get(b);
        return b;
    }

    @Override
    public String toString() {
        return String.format("IppMessage[0x%04X, id %d, %d groups]", code, requestId, groups.size());
    }

    /** Builds a request: one group per kind, operation attributes first, each in the order added. */
    static final class Builder {
        private final int operation;
        private final int requestId;
        private final TreeMap<Integer, List<Attribute>> groups = new TreeMap<>();

        private Builder(int operation, int requestId) {
            this.operation = operation;
            this.requestId = requestId;
        }

        /** Adds an attribute with one value or more (Integer, Boolean or String). */
        Builder add(int group, int tag, String name, Object... values) {
            if (values.length == 0) {
                throw new IllegalArgumentException("no value for " + name);
            }
            groups.computeIfAbsent(group, g -> new ArrayList<>()).add(new Attribute(tag, name, List.of(values)));
            return this;
        }

        IppMessage build() {
            List<Group> list = new ArrayList<>();
            groups.forEach((tag, attributes) -> list.add(new Group(tag, attributes)));
            return new IppMessage(operation, requestId, list);
        }
    }
}
