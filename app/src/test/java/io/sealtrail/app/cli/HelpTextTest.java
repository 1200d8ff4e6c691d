package io.sealtrail.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code sealtrail --help} lists each command with the first line of its description: that line must be a whole
 * sentence on its own, not the start of one cut at the line's end ("Open the workbench on a case …, or import
 * bundles (zip").
 */
class HelpTextTest {

    @Test
    void everyCommandsFirstDescriptionLineIsAWholeSentence() {
        List<String> notSentences = new ArrayList<>();
        walk(SealtrailCommand.commandLine(null), notSentences);
        assertThat(notSentences).isEmpty();
    }

    private static void walk(CommandLine cl, List<String> bad) {
        CommandSpec spec = cl.getCommandSpec();
        String[] d = spec.usageMessage().description();
        if (!spec.name().equals("help")) {
            String first = d.length == 0 ? "" : d[0].strip();
            if (!isSentence(first)) {
                bad.add(spec.qualifiedName() + ": \"" + first + "\"");
            }
        }
        cl.getSubcommands().values().forEach(c -> walk(c, bad));
    }

    /** Starts with a capital, ends with a full stop, and closes every bracket it opens. */
    static boolean isSentence(String s) {
        if (s.isEmpty() || !Character.isUpperCase(s.codePointAt(0)) || !s.endsWith(".")) {
            return false;
        }
        int depth = 0;
        for (char c : s.toCharArray()) {
            depth += c == '(' ? 1 : c == ')' ? -1 : 0;
            if (depth < 0) {
                return false;
            }
        }
        return depth == 0;
    }
}
