package io.sealtrail.app.ui.search;

import io.sealtrail.cases.CaseFolder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * The case to open at start: {@code --case DIR} (or {@code --case=DIR}) among the application parameters,
 * else the system property {@value #PROPERTY}; and the first query to run in it, {@code --query Q} or
 * {@value #QUERY_PROPERTY}. The other parameters are left for WorkbenchArguments.
 *
 * @param caseDir null when none was given
 * @param query   empty for every event
 */
public record CaseArgument(Path caseDir, String query, List<Path> imports, List<String> rest) {
    public static final String PROPERTY = "sealtrail.case";
    public static final String QUERY_PROPERTY = "sealtrail.query";
    /** Bundles to import as the workbench opens (into the case given, else a new one), path-separated. */
    public static final String IMPORT_PROPERTY = "sealtrail.import";

    public CaseArgument {
        imports = List.copyOf(imports);
        rest = List.copyOf(rest);
    }

    public CaseArgument(Path caseDir, String query, List<String> rest) {
        this(caseDir, query, List.of(), rest);
    }

    public static CaseArgument parse(List<String> raw, Properties properties) {
        String dir = properties.getProperty(PROPERTY);
        String query = properties.getProperty(QUERY_PROPERTY, "");
        List<String> rest = new ArrayList<>();
        List<Path> imports = new ArrayList<>();
        for (String f : properties.getProperty(IMPORT_PROPERTY, "").split(java.io.File.pathSeparator)) {
            if (!f.isBlank()) {
                imports.add(Path.of(f.strip()));
            }
        }
        for (int i = 0; i < raw.size(); i++) {
            String a = raw.get(i);
            if (a.equals("--import")) {
                if (i + 1 >= raw.size()) {
                    throw new IllegalArgumentException("--import needs a bundle");
                }
                imports.add(Path.of(raw.get(++i)));
            } else if (a.equals("--case")) {
                if (i + 1 >= raw.size()) {
                    throw new IllegalArgumentException("--case needs a case folder");
                }
                dir = raw.get(++i);
            } else if (a.equals("--query")) {
                if (i + 1 >= raw.size()) {
                    throw new IllegalArgumentException("--query needs a query");
                }
                query = raw.get(++i);
            } else if (a.startsWith("--query=")) {
                query = a.substring("--query=".length());
            } else if (a.startsWith("--case=")) {
                dir = a.substring("--case=".length());
            } else {
                rest.add(a);
            }
        }
        if ((dir == null || dir.isBlank()) && rest.size() == 1 && CaseFolder.isCase(Path.of(rest.get(0)))) {
            // a case folder named without --case is still the case to open, not a bundle to look at
            dir = rest.remove(0);
        }
        return new CaseArgument(dir == null || dir.isBlank() ? null : Path.of(dir), query, imports, rest);
    }
}
