package io.sealtrail.app.cli;

import io.sealtrail.cases.CaseFolder;
import io.sealtrail.index.EventSearch;
import io.sealtrail.index.Hit;
import io.sealtrail.index.HitFormat;
import io.sealtrail.index.SessionDetail;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code sealtrail session}: one session as the workbench opens it, as text. */
@Command(name = "session", mixinStandardHelpOptions = true,
        description = {"Show one session: who, where, when, its review decisions and its transcript.",
                "Show one session: who, where, when, its review decisions and how it ended, then its transcript:",
                "for a recorded session (hoop.dev) what was typed and what came back, read again from the evidence;",
                "for any other, the commands and queries its events record. Session ids: 'sealtrail sessions'."})
final class SessionCommand extends SearchCommands.CaseQuery {
    @Parameters(paramLabel = "SESSION_ID", description = "The session's id (session.id).")
    String sessionId;

    @Option(names = "--events", description = "List the session's events too.")
    boolean events;

    @Override
    int run(CaseFolder c, EventSearch search, PrintWriter o) throws Exception {
        SessionDetail d = SessionDetail.load(search, sessionId);
        Hit start = d.first("session.start");
        Hit end = d.first("session.end");
        Hit any = start != null ? start : d.events().get(0);
        o.printf("Session    %s%n", d.sessionId());
        o.printf("User       %s%n", nz(any.userName()));
        o.printf("Target     %s%n", SessionDetail.where(any));
        o.printf("When       %s to %s (UTC)%n", d.from(), d.to());
        if (end != null) {
            o.printf("Ended      %s%n", nz(end.outcome()));
        }
        for (Hit h : d.decisions()) {
            o.printf("Decision   %s  %s by %s%n", h.time(), h.action(), nz(h.userName()));
        }
        o.printf("Transcript %s%n", d.recorded() ? d.recording().describe()
                : "no recording: the commands and queries its events record");
        if (d.capped()) {
            o.printf("           only the first %,d events of the session are shown%n", SessionDetail.MAX_EVENTS);
        }
        o.println();
        if (d.transcript() != null) {
            o.print(d.transcript().plainText());
        }
        if (events) {
            o.println();
            for (Hit h : d.events()) {
                HitFormat.TEXT.print(h, search.standing(h), o);
            }
        }
        return 0;
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
