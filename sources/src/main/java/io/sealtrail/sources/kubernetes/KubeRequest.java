package io.sealtrail.sources.kubernetes;

import java.util.ArrayList;
import java.util.List;

/**
 * The fields of one audit.k8s.io Event line that Sealtrail maps, as written (request and response bodies are
 * skipped while parsing, never held). Mutable and local to one read: the folding of an auditID's stages fills
 * what a later stage lacks from an earlier one.
 */
final class KubeRequest {
    String kind;
    String apiVersion;
    String auditId;
    String stage;
    String requestUri;
    String verb;
    String username;
    String uid;
    List<String> groups = new ArrayList<>();
    String impersonatedUsername;
    String sourceIp;
    String userAgent;
    String resource;
    String subresource;
    String namespace;
    String name;
    String apiGroup;
    Integer code;
    String statusMessage;
    String statusReason;
    String authorizationReason;
    String requestReceivedTimestamp;
    String stageTimestamp;
    /** v1beta1 and older: the time of the stage, before requestReceivedTimestamp existed. */
    String timestamp;

    /** Stages in the order the API server writes them; a later one knows more (the response code). */
    int rank() {
        if (stage == null) {
            return 0;
        }
        return switch (stage) {
            case "RequestReceived" -> 1;
            case "ResponseStarted" -> 2;
            case "ResponseComplete", "Panic" -> 3;
            default -> 0;
        };
    }

    boolean terminal() {
        return rank() == 3;
    }

    /** Fills what this stage lacks from another stage of the same request. */
    void fillFrom(KubeRequest o) {
        kind = kind != null ? kind : o.kind;
        apiVersion = apiVersion != null ? apiVersion : o.apiVersion;
        requestUri = requestUri != null ? requestUri : o.requestUri;
        verb = verb != null ? verb : o.verb;
        username = username != null ? username : o.username;
        uid = uid != null ? uid : o.uid;
        groups = !groups.isEmpty() ? groups : o.groups;
        impersonatedUsername = impersonatedUsername != null ? impersonatedUsername : o.impersonatedUsername;
        sourceIp = sourceIp != null ? sourceIp : o.sourceIp;
        userAgent = userAgent != null ? userAgent : o.userAgent;
        if (resource == null && name == null) {
            resource = o.resource;
            subresource = o.subresource;
            namespace = o.namespace;
            name = o.name;
            apiGroup = o.apiGroup;
        }
        code = code != null ? code : o.code;
        statusMessage = statusMessage != null ? statusMessage : o.statusMessage;
        statusReason = statusReason != null ? statusReason : o.statusReason;
        authorizationReason = authorizationReason != null ? authorizationReason : o.authorizationReason;
        requestReceivedTimestamp = requestReceivedTimestamp != null ? requestReceivedTimestamp : o.requestReceivedTimestamp;
        timestamp = timestamp != null ? timestamp : o.timestamp;
    }
}
