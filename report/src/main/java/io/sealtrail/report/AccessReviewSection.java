package io.sealtrail.report;

import io.sealtrail.index.EventQuery;
import io.sealtrail.index.EventSearch;
import io.sealtrail.index.FacetValue;
import io.sealtrail.index.IndexException;
import io.sealtrail.index.IndexSchema;
import io.sealtrail.report.ReportModel.AccessReview;
import io.sealtrail.report.ReportModel.PrivilegedRow;
import io.sealtrail.report.ReportModel.UserReview;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What a PCI DSS 7/8 (least privilege, MFA, inactive accounts) and SOC 2 CC6.1–6.3 reviewer works through: every
 * privileged access, per user with the accounts used; and per user the MFA coverage of their authentications,
 * failures and denials, events from exports that failed verification, and whether the account is new or dormant
 * in the period. Each figure comes from a recorded query: a group's or user's own query, or one of the review's
 * queries grouped by {@code user.name}.
 */
final class AccessReviewSection {
    /** Rows of each table; the true numbers are always stated, the queries list the rest. */
    static final int CAP = 300;
    /** New: first seen after the period's first month (SOC 2 CC6.2, accounts provisioned in the period). */
    static final int NEW_AFTER_DAYS = 30;
    /** Dormant: not seen in the period's last 90 days (PCI DSS 8.2.6: inactive accounts removed within 90 days). */
    static final int DORMANT_DAYS = 90;
    static final String PRIVILEGED = "(command.keyword:sudo* OR target.account:(root OR \"system:masters\" OR Administrator"
            + " OR AdministratorAccess))";
    static final String PRIVILEGED_DEFINITION = "a command run with sudo, or access as root, as Kubernetes system:masters"
            + " or in a cloud Administrator role";
    private static final int MANY = EventSearch.MAX_PAGE;

    private AccessReviewSection() {
    }

    /**
     * @param failed   the events in scope from exports that failed verification, null when none failed
     * @param from     the period's start (asked for, else the case's first event)
     * @param to       its end (asked for, else the case's last event)
     */
    static AccessReview build(EventSearch search, QueryLog q, ReportOptions o, QueryLog.Result all, QueryLog.Result failed,
                              Instant from, Instant to) throws IndexException {
        QueryLog.Result priv = q.narrow(all, "privileged access: " + PRIVILEGED_DEFINITION, PRIVILEGED);
        List<PrivilegedRow> rows = new ArrayList<>();
        List<FacetValue> privilegedUsers = facets(search, o, priv, IndexSchema.USER_NAME);
        for (FacetValue u : privilegedUsers.subList(0, Math.min(CAP, privilegedUsers.size()))) {
            String user = EventQuery.term(IndexSchema.USER_NAME, u.value());
            QueryLog.Result r = q.narrow(priv, "privileged access of user " + u.value() + " (by target.account)", user);
            List<String> accounts = new ArrayList<>();
            long withAccount = 0;
            for (FacetValue a : search.facets(o.scope().withText(r.query()), IndexSchema.TARGET_ACCOUNT, MANY)) {
                accounts.add(a.value() + " " + ReportRenderer.num(a.count()));
                withAccount += a.count();
            }
            if (withAccount < r.count()) { // sudo without a recorded account; a multi-valued account would count twice
                accounts.add("none recorded " + ReportRenderer.num(r.count() - withAccount));
            }
            rows.add(new PrivilegedRow(u.value(), String.join(", ", accounts), r.count(), r.first(), r.last(), r.id()));
        }
        QueryLog.Result fail = q.narrow(all, "failures and denials, by user.name", "event.outcome:(failure OR denied)");
        QueryLog.Result mfa = q.narrow(all, "authentications with MFA (auth.mfa:true), by user.name", "auth.mfa:true");
        QueryLog.Result noMfa = q.narrow(all, "authentications without MFA (auth.mfa:false), by user.name", "auth.mfa:false");
        Map<String, Long> failures = counts(search, o, fail);
        Map<String, Long> privileged = counts(search, o, priv);
        Map<String, Long> withMfa = counts(search, o, mfa);
        Map<String, Long> withoutMfa = counts(search, o, noMfa);
        Map<String, Long> fromFailed = failed == null ? Map.of() : counts(search, o, failed);
        List<FacetValue> users = facets(search, o, all, IndexSchema.USER_NAME);
        Instant newAfter = from == null ? null : from.plus(Duration.ofDays(NEW_AFTER_DAYS));
        Instant dormantBefore = to == null ? null : to.minus(Duration.ofDays(DORMANT_DAYS));
        List<UserReview> review = new ArrayList<>();
        for (FacetValue u : users.subList(0, Math.min(CAP, users.size()))) {
            QueryLog.Result r = q.narrow(all, "events of user " + u.value(), EventQuery.term(IndexSchema.USER_NAME, u.value()));
            boolean isNew = newAfter != null && r.first() != null && r.first().isAfter(newAfter);
            boolean dormant = dormantBefore != null && r.last() != null && r.last().isBefore(dormantBefore);
            review.add(new UserReview(u.value(), r.count(), failures.getOrDefault(u.value(), 0L),
                    privileged.getOrDefault(u.value(), 0L), withMfa.getOrDefault(u.value(), 0L),
                    withoutMfa.getOrDefault(u.value(), 0L), fromFailed.getOrDefault(u.value(), 0L), r.first(), r.last(),
                    isNew, dormant, r.id()));
        }
        return new AccessReview(PRIVILEGED_DEFINITION, priv.count(), priv.id(), rows, privilegedUsers.size(), CAP, users.size(), review,
                fail.id(), mfa.id(), noMfa.id(), failed == null ? null : failed.id(), NEW_AFTER_DAYS, DORMANT_DAYS, from, to);
    }

    private static List<FacetValue> facets(EventSearch search, ReportOptions o, QueryLog.Result r, String field)
            throws IndexException {
        return r.count() == 0 ? List.of() : search.facets(o.scope().withText(r.query()), field, MANY);
    }

    private static Map<String, Long> counts(EventSearch search, ReportOptions o, QueryLog.Result r) throws IndexException {
        Map<String, Long> m = new HashMap<>();
        for (FacetValue v : facets(search, o, r, IndexSchema.USER_NAME)) {
            m.put(v.value(), v.count());
        }
        return m;
    }
}
