package io.sealtrail.app.ui.search;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * The case to open at start: {@code --case DIR} (or {@code --case=DIR}) among the application parameters,
 * else the system property {@value #PROPERTY}. The other parameters are left for WorkbenchArguments.
 *
 * @param caseDir null when none was given
 */
public record CaseArgument(Path caseDir, List<String> rest) {
    public static final String PROPERTY = "sealtrail.case";

    public CaseArgument {
        rest = List.copyOf(rest);
    }

    public static CaseArgument parse(List<String> raw, Properties properties) {
        String dir = properties.getProperty(PROPERTY);
        List<String> rest = new ArrayList<>();
        for (int i = 0; i < raw.size(); i++) {
            String a = raw.get(i);
            if (a.equals("--case")) {
                if (i + 1 >= raw.size()) {
                    throw new IllegalArgumentException("--case needs a case folder");
                }
                dir = raw.get(++i);
            } else if (a.startsWith("--case=")) {
                dir = a.substring("--case=".length());
            } else {
                rest.add(a);
            }
        }
        return new CaseArgument(dir == null || dir.isBlank() ? null : Path.of(dir), rest);
    }
}
