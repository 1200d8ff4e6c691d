package io.sealtrail.sources.cloudtrail;

import com.fasterxml.jackson.databind.JsonNode;
import io.sealtrail.model.AuditEvent;
import io.sealtrail.sources.Times;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * One CloudTrail record in the event model (docs/sources.md, "AWS CloudTrail"). Console sign-ins are
 * {@code login}; every other call is {@code cloud.api} with {@code command} = service:operation
 * ("iam:CreateUser"), the form the privileged-action rule and our own bundles use.
 */
final class CloudTrailMapping {
    static final String FORMAT = "cloudtrail";
    /** Error codes that mean the caller was not allowed, as opposed to a call that failed. */
    private static final Set<String> DENIED = Set.of("AccessDenied", "AccessDeniedException", "UnauthorizedOperation",
            "Client.UnauthorizedOperation", "UnauthorizedAccess", "Forbidden", "AuthFailure", "InvalidClientTokenId",
            "SignatureDoesNotMatch", "ExpiredToken", "NotAuthorized");

    private CloudTrailMapping() {
    }

    /** Throws IllegalArgumentException with a plain reason when the record lacks what an event needs. */
    static AuditEvent event(JsonNode r) {
        if (!r.isObject()) {
            throw new IllegalArgumentException("a CloudTrail record is a JSON object");
        }
        String timeText = text(r, "eventTime");
        Instant time = Times.rfc3339(timeText);
        if (time == null) {
            throw new IllegalArgumentException(timeText == null ? "the record has no eventTime"
                    : "eventTime \"" + timeText + "\" is not an RFC 3339 time");
        }
        String source = text(r, "eventSource");
        String name = text(r, "eventName");
        if (source == null || name == null) {
            throw new IllegalArgumentException("the record has no eventSource or eventName");
        }
        String service = source.endsWith(".amazonaws.com") ? source.substring(0, source.length() - ".amazonaws.com".length())
                : source;
        boolean login = "ConsoleLogin".equals(name);
        JsonNode id = r.path("userIdentity");
        return new AuditEvent(-1, time, timeText, null, login ? "login" : "cloud.api", outcome(r, login),
                reason(r), actor(id), auth(r, id, login), origin(r), target(r, service), session(id),
                login ? null : service + ":" + name, null, FORMAT);
    }

    private static AuditEvent.Outcome outcome(JsonNode r, boolean login) {
        String error = text(r, "errorCode");
        if (login && "Failure".equals(r.path("responseElements").path("ConsoleLogin").asText(null))) {
            return AuditEvent.Outcome.FAILURE;
        }
        if (error == null) {
            return AuditEvent.Outcome.SUCCESS;
        }
        return DENIED.contains(error) || error.endsWith("AccessDenied") || error.endsWith("AccessDeniedException")
                ? AuditEvent.Outcome.DENIED : AuditEvent.Outcome.FAILURE;
    }

    private static String reason(JsonNode r) {
        String code = text(r, "errorCode");
        String message = text(r, "errorMessage");
        if (code == null) {
            return message;
        }
        return message == null ? code : code + ": " + message;
    }

    /**
     * Who acted, as the auditor would name them: the IAM user's name, the role and session of an assumed role
     * ("Admin/alice"), "root", or the service that acted; the principal's ARN (else its principal id) as the id;
     * the role that issued a session as its role.
     */
    private static AuditEvent.Actor actor(JsonNode id) {
        if (id.isMissingNode() || id.isNull()) {
            return null;
        }
        String type = text(id, "type");
        String arn = text(id, "arn");
        String name = text(id, "userName");
        if ("Root".equals(type)) {
            name = "root";
        } else if ("AssumedRole".equals(type) && arn != null && arn.contains(":assumed-role/")) {
            name = arn.substring(arn.indexOf(":assumed-role/") + ":assumed-role/".length());
        } else if (name == null && "AWSService".equals(type)) {
            name = text(id, "invokedBy");
        }
        if (name == null) {
            name = text(id, "principalId");
        }
        List<String> roles = new ArrayList<>();
        String issuer = text(id.path("sessionContext").path("sessionIssuer"), "userName");
        if (issuer != null) {
            roles.add(issuer);
        }
        return new AuditEvent.Actor(name, arn != null ? arn : text(id, "principalId"), roles);
    }

    /**
     * How: the console for sign-ins, an access key otherwise (the key id says which; temporary keys start with
     * ASIA). MFA from the sign-in's MFAUsed or the session's mfaAuthenticated.
     */
    private static AuditEvent.Auth auth(JsonNode r, JsonNode id, boolean login) {
        String mfaText = login ? text(r.path("additionalEventData"), "MFAUsed")
                : text(id.path("sessionContext").path("attributes"), "mfaAuthenticated");
        Boolean mfa = mfaText == null ? null
                : mfaText.equalsIgnoreCase("yes") || mfaText.equalsIgnoreCase("true");
        String key = text(id, "accessKeyId");
        String method = login ? "console" : key != null && !key.isEmpty() ? "access-key" : null;
        return method == null && mfa == null ? null : new AuditEvent.Auth(method, mfa);
    }

    /** sourceIPAddress is an address, or the name of an AWS service that called on the user's behalf. */
    private static AuditEvent.Source origin(JsonNode r) {
        String ip = text(r, "sourceIPAddress");
        String agent = text(r, "userAgent");
        if (ip != null && !looksLikeAddress(ip)) {
            agent = agent == null ? ip : agent;
            ip = null;
        }
        return ip == null && agent == null ? null : new AuditEvent.Source(ip, null, agent);
    }

    static boolean looksLikeAddress(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!(Character.digit(c, 16) >= 0 || c == '.' || c == ':')) {
                return false;
            }
        }
        return true;
    }

    /** What: the first resource's ARN, else the service; the account that received the call; the region. */
    private static AuditEvent.Target target(JsonNode r, String service) {
        String name = null;
        JsonNode resources = r.path("resources");
        if (resources.isArray() && !resources.isEmpty()) {
            name = text(resources.get(0), "ARN");
        }
        if (name == null) {
            name = service;
        }
        return new AuditEvent.Target(AuditEvent.TargetKind.CLOUD, name, text(r, "recipientAccountId"),
                text(r, "awsRegion"));
    }

    /**
     * Temporary credentials (ASIA… keys) are one session; calls with a long-lived key (AKIA…) share no session,
     * so they get none rather than one bar spanning years.
     */
    private static String session(JsonNode id) {
        String key = text(id, "accessKeyId");
        return key != null && key.toUpperCase(Locale.ROOT).startsWith("ASIA") ? key : null;
    }

    static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() || v.isContainerNode() ? null : v.asText();
    }
}
