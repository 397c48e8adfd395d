package cn.egov.kiosk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every file outside the repository that a test names by its absolute path comes from a Debian
 * package that {@code scripts/install-deps} installs, or from the minimal machine the README
 * assumes (Debian 12 with openjdk-17-jdk, git, curl, ca-certificates: packages of priority
 * required, and those). A test that opened a file some other package brought passed on the
 * machine it was written on and failed on a fresh one (a Droid font); this finds such a file on
 * the machine that has it, before CI's fresh machine does. {@code scripts/fresh-debian-check}
 * runs the README's commands on a really fresh root for what a static look cannot see.
 */
class SystemFilesTest {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Pattern ABSOLUTE = Pattern.compile("\"((?:/usr|/etc|/lib|/opt|/bin|/sbin)/[^\"\\s]*)\"");
    /** What the README assumes a machine has before scripts/install-deps runs. */
    private static final Set<String> ASSUMED = Set.of(
            "openjdk-17-jdk",
            "openjdk-17-jdk-headless",
            "openjdk-17-jre",
            "openjdk-17-jre-headless",
            "git",
            "curl",
            "ca-certificates");
    /**
     * Files a package's install script writes (dpkg does not list them), with the package of
     * scripts/install-deps that brings it: cups-daemon, a dependency of cups, writes cupsd.conf.
     */
    private static final Map<String, String> MADE_AT_INSTALL = Map.of("/etc/cups/cupsd.conf", "cups");

    @Test
    void everySystemFileATestNamesComesFromAPackageTheScriptsInstall() throws Exception {
        Set<String> installed = new TreeSet<>(ASSUMED);
        installed.addAll(installDepsPackages());
        assertThat(installed)
                .as("packages read from scripts/install-deps")
                .contains("socat", "fonts-wqy-zenhei", "cups");

        Map<String, List<String>> named = namedFiles();
        assertThat(named).as("absolute paths in test sources (the scan works)").isNotEmpty();
        List<String> problems = new ArrayList<>();
        int checked = 0;
        for (Map.Entry<String, List<String>> e : named.entrySet()) {
            Path file = Path.of(e.getKey());
            if (!Files.isRegularFile(file)) {
                continue; // a folder, a file the test makes, or one of several places looked in
            }
            checked++;
            String owner =
                    MADE_AT_INSTALL.containsKey(e.getKey()) ? MADE_AT_INSTALL.get(e.getKey()) : owningPackage(file);
            if (owner == null) {
                problems.add(file + " (named in " + e.getValue()
                        + ") belongs to no Debian package: a test may only open what the project's scripts install");
            } else if (!installed.contains(owner) && !"required".equals(priority(owner))) {
                problems.add(file + " (named in " + e.getValue() + ") comes with " + owner
                        + ", which scripts/install-deps does not install");
            }
        }
        System.out.printf(
                "[system files] %d absolute paths in test sources, %d files on this machine checked against %d packages%n",
                named.size(), checked, installed.size());
        assertThat(problems).as("files tests open that a fresh machine lacks").isEmpty();
    }

    /** The names in the run=(...) and test=(...) lists of scripts/install-deps, and those it adds. */
    private static Set<String> installDepsPackages() throws IOException {
        String script = Files.readString(ROOT.resolve("scripts/install-deps"));
        Set<String> packages = new TreeSet<>();
        Matcher lists = Pattern.compile("(?m)^(?:run|test)=\\(([^)]*)\\)").matcher(script);
        while (lists.find()) {
            packages.addAll(List.of(lists.group(1).trim().split("\\s+")));
        }
        Matcher added = Pattern.compile("test\\+=\\((\\S+)\\)").matcher(script);
        while (added.find()) {
            packages.add(added.group(1));
        }
        return packages;
    }

    private static Map<String, List<String>> namedFiles() throws IOException {
        Map<String, List<String>> named = new TreeMap<>();
        try (Stream<Path> modules = Files.list(ROOT)) {
            for (Path tests : modules.map(m -> m.resolve("src/test/java"))
                    .filter(Files::isDirectory)
                    .toList()) {
                try (Stream<Path> sources = Files.walk(tests)) {
                    for (Path source :
                            sources.filter(p -> p.toString().endsWith(".java")).toList()) {
                        Matcher m = ABSOLUTE.matcher(Files.readString(source, StandardCharsets.UTF_8));
                        while (m.find()) {
                            named.computeIfAbsent(m.group(1), k -> new ArrayList<>())
                                    .add(source.getFileName().toString());
                        }
                    }
                }
            }
        }
        return named;
    }

    private static String owningPackage(Path file) throws IOException, InterruptedException {
        // dpkg -S knows a file by the path its package installed, before symbolic links (/usr/lib or /lib)
        for (Path candidate : List.of(file, file.toRealPath())) {
            String out = run("dpkg-query", "-S", candidate.toString());
            if (out != null) {
                String pkg = out.lines().findFirst().orElse("").split(":")[0].trim();
                if (!pkg.isEmpty() && !pkg.startsWith("diversion by")) {
                    return pkg;
                }
            }
        }
        return null;
    }

    private static String priority(String pkg) throws IOException, InterruptedException {
        String out = run("dpkg-query", "-W", "-f=${Priority}", pkg);
        return out == null ? "" : out.trim();
    }

    /** The command's output, or null when it failed. */
    private static String run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return null;
        }
        return p.exitValue() == 0 ? out : null;
    }
}
