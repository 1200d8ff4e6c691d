package io.sealtrail.app.ui.help;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Help › About's list of libraries against what the build ships. */
class ThirdPartyListTest {
    private static final Pattern DEPENDENCY = Pattern.compile("<dependency>(.*?)</dependency>", Pattern.DOTALL);

    @Test
    void everyListedLibraryIsOnTheClasspath() {
        List<String> jars = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .map(p -> Path.of(p).getFileName().toString()).toList();
        assertThat(HelpWindows.thirdParty()).allSatisfy(l -> assertThat(jars).as(l[0])
                .anyMatch(j -> j.startsWith(l[0] + "-")));
    }

    @Test
    void everyLibraryTheModulesDependOnIsListedWithItsLicence() throws Exception {
        List<String> missing = new ArrayList<>();
        for (String module : List.of("model", "verify", "sources", "index", "report", "app")) {
            for (String artifact : runtimeDependencies(Path.of("..", module, "pom.xml"))) {
                if (!artifact.startsWith("sealtrail-") && HelpWindows.thirdParty().stream().noneMatch(l -> covers(l, artifact))) {
                    missing.add(module + ": " + artifact);
                }
            }
        }
        assertThat(missing).isEmpty();
        assertThat(HelpWindows.thirdParty()).allSatisfy(l -> assertThat(l).hasSize(3).doesNotContain(""));
    }

    /** The line's artifact, or one its name lists in brackets ("Apache Lucene (core, queryparser, …)"). */
    private static boolean covers(String[] line, String artifact) {
        if (artifact.equals(line[0])) {
            return true;
        }
        int open = line[1].indexOf('(');
        if (open < 0) {
            return false;
        }
        List<String> parts = Arrays.stream(line[1].substring(open + 1, line[1].indexOf(')')).split(","))
                .map(String::strip).toList();
        String[] tokens = artifact.split("-");
        String family = line[0].split("-")[0];
        return parts.contains(artifact) || parts.contains(tokens[0])
                || tokens.length > 1 && tokens[0].equals(family) && parts.contains(tokens[1])
                || parts.contains("-" + tokens[tokens.length - 1]);
    }

    private static List<String> runtimeDependencies(Path pom) throws Exception {
        String s = Files.readString(pom);
        int from = s.indexOf("<dependencies>");
        int to = s.indexOf("</dependencies>");
        List<String> out = new ArrayList<>();
        if (from < 0) {
            return out;
        }
        Matcher m = DEPENDENCY.matcher(s.substring(from, to));
        while (m.find()) {
            String d = m.group(1);
            if (!d.contains("<scope>test</scope>")) {
                out.add(d.replaceAll("(?s).*<artifactId>(.*?)</artifactId>.*", "$1"));
            }
        }
        return out;
    }
}
